import CCurl
import Foundation

/// One curl multi handle driven by one dedicated thread: every transfer of an `HTTPClient` runs here.
///
/// Why a thread of its own: `curl_multi_poll` blocks, and Swift's cooperative pool has only as many threads as cores.
/// Callers hand work over through a lock-protected queue and wake the loop with `curl_multi_wakeup`. The thread exits
/// when there is nothing to do and is started again on the next request, so an idle client costs nothing.
final class CurlMultiLoop: @unchecked Sendable {
    private let configuration: HTTPClientConfiguration
    private let lock = NSLock()
    // Guarded by `lock`:
    private var pending: [CurlTransfer] = []
    private var cancelled: Set<Int> = []
    private var threadRunning = false
    private var nextID = 0
    // Touched only by the loop thread (or by deinit, when no thread runs):
    private let multi: UnsafeMutableRawPointer
    private var active: [Int: CurlTransfer] = [:]
    private var activePerHost: [String: Int] = [:]

    private static let globalInit: Void = {
        _ = mst_global_init(Int(CURL_GLOBAL_ALL))
    }()

    init(configuration: HTTPClientConfiguration) {
        _ = Self.globalInit
        self.configuration = configuration
        self.multi = mst_multi_init()
        // Keep enough idle connections around to reuse them across a parallel batch.
        _ = mst_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(configuration.maxConcurrentPerHost * 4, 16))
    }

    deinit {
        mst_multi_cleanup(multi)
    }

    /// Runs one attempt of `request` and returns what happened; never throws (errors are outcomes).
    func perform(_ request: HTTPRequest) async -> TransferOutcome {
        let id = lock.withLock { () -> Int in
            nextID += 1
            return nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<TransferOutcome, Never>) in
                let transfer = CurlTransfer(id: id, request: request, continuation: continuation)
                let startThread = lock.withLock { () -> Bool in
                    pending.append(transfer)
                    if threadRunning { return false }
                    threadRunning = true
                    return true
                }
                if startThread {
                    let thread = Thread { [self] in run() }
                    thread.name = "maatstaf-curl"
                    thread.start()
                } else {
                    mst_multi_wakeup(multi)
                }
            }
        } onCancel: {
            lock.withLock { _ = cancelled.insert(id) }
            mst_multi_wakeup(multi)
        }
    }

    private func run() {
        while true {
            guard admitWork() else { return }
            var running: Int32 = 0
            mst_multi_perform(multi, &running)
            // Start queued transfers as soon as others finish, before waiting again: keeps the window full.
            if collectFinished() > 0 { continue }
            mst_multi_poll(multi, nil, 0, 1000, nil)
        }
    }

    /// Applies cancellations and moves queued transfers into curl within the per-host limit.
    /// Returns false, and marks the thread stopped, when nothing is queued or running.
    private func admitWork() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if !cancelled.isEmpty {
            for id in cancelled {
                if let transfer = active[id] {
                    remove(transfer)
                    transfer.complete(.cancelled)
                } else if let index = pending.firstIndex(where: { $0.id == id }) {
                    pending.remove(at: index).complete(.cancelled)
                }
            }
            cancelled.removeAll()
        }
        var waiting: [CurlTransfer] = []
        for transfer in pending {
            if activePerHost[transfer.host, default: 0] >= configuration.maxConcurrentPerHost {
                waiting.append(transfer)
                continue
            }
            guard let easy = transfer.makeHandle(configuration: configuration) else { continue }
            if mst_multi_add_handle(multi, easy) != CURLM_OK {
                transfer.releaseHandle()
                transfer.complete(
                    .failed(
                        code: Int(CURLE_FAILED_INIT.rawValue),
                        message: "curl refused to start the transfer", bodyBytes: 0))
                continue
            }
            active[transfer.id] = transfer
            activePerHost[transfer.host, default: 0] += 1
        }
        pending = waiting
        if active.isEmpty && pending.isEmpty {
            threadRunning = false
            return false
        }
        return true
    }

    /// Completes every transfer curl reports done; returns how many.
    private func collectFinished() -> Int {
        var finished = 0
        var left: Int32 = 0
        while let message = mst_multi_info_read(multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            var raw: UnsafeMutableRawPointer?
            _ = mst_easy_getinfo_pointer(easy, CURLINFO_PRIVATE, &raw)
            guard let raw else { continue }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(raw).takeUnretainedValue()
            let result = mst_message_result(message)
            transfer.finish(result: result)
            lock.withLock { remove(transfer) }
            finished += 1
        }
        return finished
    }

    /// Detaches a transfer from curl. Caller holds `lock`.
    private func remove(_ transfer: CurlTransfer) {
        if let easy = transfer.easy {
            mst_multi_remove_handle(multi, easy)
        }
        transfer.releaseHandle()
        active[transfer.id] = nil
        activePerHost[transfer.host, default: 1] -= 1
    }
}
