import CCurl
import Foundation
import MaatstafCore

/// One message sent out through libcurl — a webhook's POST or an e-mail over SMTP — on the caller's thread, once:
/// the monitor sends a handful per run, and a failure is reported and retried at the next run rather than here.
final class OutboundTransfer {
    private let easy: UnsafeMutableRawPointer
    private var lists: [UnsafeMutablePointer<curl_slist>] = []
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// What curl reads for an upload (the e-mail), and how far it has read.
    fileprivate var upload = Data()
    fileprivate var uploaded = 0
    /// What the server answered (a webhook's body, kept to 64 KiB for the message).
    fileprivate var answer = Data()
    private var codes: [CURLcode] = []

    init(url: String, protocols: String, timeout: Duration) throws {
        guard let easy = mst_easy_init() else {
            throw SendError(
                subject: url, reason: .en("curl could not create a handle", nl: "curl kon geen verbinding opzetten"))
        }
        self.easy = easy
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let me = Unmanaged.passUnretained(self).toOpaque()
        set(mst_easy_setopt_string(easy, CURLOPT_URL, url))
        set(mst_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1))
        set(mst_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, protocols))
        set(mst_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0))
        set(mst_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1))
        set(mst_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2))
        set(mst_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, timeout.milliseconds))
        set(mst_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, timeout.milliseconds))
        set(mst_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer))
        set(mst_easy_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION, outboundWrite))
        set(mst_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, me))
        set(mst_easy_setopt_data_callback(easy, CURLOPT_READFUNCTION, outboundRead))
        set(mst_easy_setopt_pointer(easy, CURLOPT_READDATA, me))
    }

    deinit {
        mst_easy_cleanup(easy)
        for list in lists { mst_slist_free_all(list) }
        errorBuffer.deallocate()
    }

    private func set(_ code: CURLcode) { codes.append(code) }

    func option(_ option: CURLoption, _ value: Int) { set(mst_easy_setopt_long(easy, option, value)) }
    func option(_ option: CURLoption, _ value: String) { set(mst_easy_setopt_string(easy, option, value)) }

    /// A list option (headers, recipients); curl keeps the list until the handle is gone.
    func option(_ option: CURLoption, list values: [String]) {
        var list: UnsafeMutablePointer<curl_slist>?
        for value in values { list = mst_slist_append(list, value) }
        if let list { lists.append(list) }
        set(mst_easy_setopt_slist(easy, option, list))
    }

    /// The bytes to upload (POST body or e-mail), read by curl through the read callback.
    func body(_ data: Data) {
        upload = data
        uploaded = 0
    }

    /// Performs the transfer: the response code (HTTP status, or SMTP's last reply), or an error naming `subject`.
    func perform(subject: String) throws -> (code: Int, answer: Data) {
        if let refused = codes.first(where: { $0 != CURLE_OK }) {
            throw SendError(
                subject: subject,
                reason: .en(
                    "libcurl refused an option (\(String(cString: mst_easy_strerror(refused))))",
                    nl: "libcurl weigerde een optie (\(String(cString: mst_easy_strerror(refused))))"))
        }
        let result = mst_easy_perform(easy)
        guard result == CURLE_OK else {
            let detail = String(cString: errorBuffer)
            let text = detail.isEmpty ? String(cString: mst_easy_strerror(result)) : detail
            throw SendError(subject: subject, reason: .en(text, nl: text))
        }
        var code = 0
        _ = mst_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &code)
        return (code, answer)
    }
}

private func outboundWrite(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ me: UnsafeMutableRawPointer?)
    -> Int
{
    guard let buffer, let me else { return 0 }
    let transfer = Unmanaged<OutboundTransfer>.fromOpaque(me).takeUnretainedValue()
    let bytes = size * count
    if transfer.answer.count < 65_536 {
        transfer.answer.append(UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: min(bytes, 65_536))
    }
    return bytes
}

private func outboundRead(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ me: UnsafeMutableRawPointer?)
    -> Int
{
    guard let buffer, let me else { return 0 }
    let transfer = Unmanaged<OutboundTransfer>.fromOpaque(me).takeUnretainedValue()
    let room = size * count
    let left = transfer.upload.count - transfer.uploaded
    let chunk = min(room, left)
    guard chunk > 0 else { return 0 }
    let start = transfer.upload.startIndex + transfer.uploaded
    transfer.upload.copyBytes(
        to: UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: UInt8.self), from: start..<(start + chunk))
    transfer.uploaded += chunk
    return chunk
}
