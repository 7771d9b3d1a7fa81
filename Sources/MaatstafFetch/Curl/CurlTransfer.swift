import CCurl
import Foundation

/// What one attempt of one request produced, before any retry decision.
enum TransferOutcome: Sendable {
    /// The server answered and the whole body arrived (any status, 304 and 5xx included). `sha256` is the body's
    /// digest, made as it arrived (nil if that could not be done; then whoever needs it hashes the body).
    case completed(status: Int, headers: [HTTPHeader], body: Data, sha256: String?, effectiveURL: String)
    /// curl gave up: `code` is curl's own error code, `message` its explanation, `bodyBytes` what had arrived.
    case failed(code: Int, message: String, bodyBytes: Int)
    case cancelled
}

/// One easy handle and the buffers curl writes into.
///
/// A transfer is created on the caller's thread but, once queued, touched only by the multi loop's thread: curl
/// handles are not thread-safe. It must stay alive while curl holds its pointer (the loop keeps it in `active`).
final class CurlTransfer: @unchecked Sendable {
    let id: Int
    let request: HTTPRequest
    let host: String
    private let continuation: CheckedContinuation<TransferOutcome, Never>
    private(set) var easy: UnsafeMutableRawPointer?
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// curl keeps this pointer and writes into it later, so it must be stable memory, not a Swift array.
    private let errorBuffer: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        buffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        return buffer
    }()
    fileprivate var body = Data()
    /// Hashes the body piece by piece as it is written (see `IncrementalSHA256`).
    fileprivate let hasher = IncrementalSHA256()
    fileprivate var headers: [HTTPHeader] = []
    /// The most body bytes accepted (decoded); the write callback stops the transfer past it.
    fileprivate var maxBodyBytes = Int.max
    fileprivate var exceededLimit = false
    private var finished = false

    init(id: Int, request: HTTPRequest, continuation: CheckedContinuation<TransferOutcome, Never>) {
        self.id = id
        self.request = request
        self.host = request.host
        self.continuation = continuation
    }

    deinit {
        releaseHandle()
        errorBuffer.deallocate()
    }

    /// Creates and configures the easy handle. Returns nil (and completes the transfer) when curl refuses an option.
    func makeHandle(configuration: HTTPClientConfiguration) -> UnsafeMutableRawPointer? {
        guard let easy = mst_easy_init() else {
            complete(.failed(code: Int(CURLE_FAILED_INIT.rawValue), message: "curl could not create a handle", bodyBytes: 0))
            return nil
        }
        self.easy = easy
        maxBodyBytes = configuration.maxBodyBytes
        let me = Unmanaged.passUnretained(self).toOpaque()
        var codes: [CURLcode] = []
        codes.append(mst_easy_setopt_string(easy, CURLOPT_URL, request.url))
        codes.append(mst_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1))
        codes.append(mst_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https"))
        codes.append(mst_easy_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"))
        codes.append(mst_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 1))
        codes.append(mst_easy_setopt_long(easy, CURLOPT_MAXREDIRS, configuration.maxRedirects))
        codes.append(mst_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1))
        codes.append(mst_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2))
        // An empty string asks curl for every encoding it can decode (gzip, deflate, …) and decodes transparently.
        codes.append(mst_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, ""))
        codes.append(mst_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.milliseconds))
        codes.append(mst_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, configuration.timeout.milliseconds))
        codes.append(mst_easy_setopt_long(easy, CURLOPT_LOW_SPEED_LIMIT, 1))
        codes.append(mst_easy_setopt_long(easy, CURLOPT_LOW_SPEED_TIME, max(1, configuration.stallTimeout.milliseconds / 1000)))
        codes.append(mst_easy_setopt_string(easy, CURLOPT_USERAGENT, configuration.userAgent))
        codes.append(mst_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer))
        codes.append(mst_easy_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION, curlWriteBody))
        codes.append(mst_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, me))
        codes.append(mst_easy_setopt_data_callback(easy, CURLOPT_HEADERFUNCTION, curlWriteHeader))
        codes.append(mst_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, me))
        codes.append(mst_easy_setopt_pointer(easy, CURLOPT_PRIVATE, me))
        for header in request.headers {
            headerList = mst_slist_append(headerList, "\(header.name): \(header.value)")
        }
        if headerList != nil {
            codes.append(mst_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList))
        }
        if let bad = codes.first(where: { $0 != CURLE_OK }) {
            complete(.failed(code: Int(bad.rawValue), message: String(cString: mst_easy_strerror(bad)), bodyBytes: 0))
            return nil
        }
        return easy
    }

    /// Reads status and final URL from the handle after curl reports it done, then completes.
    func finish(result: CURLcode) {
        guard let easy else { return }
        if exceededLimit {
            complete(
                .failed(
                    code: Int(CURLE_FILESIZE_EXCEEDED.rawValue),
                    message: "the response is larger than the limit of \(maxBodyBytes) bytes", bodyBytes: body.count))
            return
        }
        if result != CURLE_OK {
            let detail = String(cString: errorBuffer)
            let message = detail.isEmpty ? String(cString: mst_easy_strerror(result)) : detail
            complete(.failed(code: Int(result.rawValue), message: message, bodyBytes: body.count))
            return
        }
        var status: Int = 0
        _ = mst_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        var urlPointer: UnsafeMutablePointer<CChar>?
        _ = mst_easy_getinfo_string(easy, CURLINFO_EFFECTIVE_URL, &urlPointer)
        let effectiveURL = urlPointer.map { String(cString: $0) } ?? request.url
        // The digest counts only if it saw exactly the body's bytes.
        let hashed = hasher?.count
        let sha256 = hasher?.finish().flatMap { hashed == body.count ? $0 : nil }
        complete(.completed(status: status, headers: headers, body: body, sha256: sha256, effectiveURL: effectiveURL))
    }

    func complete(_ outcome: TransferOutcome) {
        guard !finished else { return }
        finished = true
        continuation.resume(returning: outcome)
    }

    /// Frees the easy handle; the multi loop calls this after removing it from the multi handle.
    func releaseHandle() {
        if let easy { mst_easy_cleanup(easy) }
        easy = nil
        if let headerList { mst_slist_free_all(headerList) }
        headerList = nil
    }

    fileprivate func receiveHeaderLine(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("HTTP/") {
            // A new response starts (after a redirect or a 100 Continue): only the last one's headers count.
            headers.removeAll()
            return
        }
        guard let colon = trimmed.firstIndex(of: ":") else { return }
        let name = String(trimmed[..<colon]).trimmingCharacters(in: .whitespaces)
        let value = String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        headers.append(HTTPHeader(name, value))
        // Room for the whole body at once rather than regrowing it chunk by chunk (a CBS page is ~1 MB); capped, as
        // the length is only the server's word (and the compressed size when gzip is used).
        if name.lowercased() == "content-length", let length = Int(value), length > 0 {
            body.reserveCapacity(min(length, 64 << 20))
        }
    }
}

// curl calls these C function pointers; they cannot capture context, so the transfer comes through `userdata`.
private let curlWriteBody: mst_data_callback = { buffer, size, count, userdata in
    guard let buffer, let userdata else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    // Past the limit: returning less than was offered makes curl abort the transfer (a write error).
    guard transfer.body.count + length <= transfer.maxBodyBytes else {
        transfer.exceededLimit = true
        return 0
    }
    buffer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        transfer.body.append(bytes, count: length)
    }
    transfer.hasher?.update(buffer, count: length)
    return length
}

private let curlWriteHeader: mst_data_callback = { buffer, size, count, userdata in
    guard let buffer, let userdata else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    let line = buffer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
    }
    transfer.receiveHeaderLine(line)
    return length
}

extension Duration {
    /// Whole milliseconds, as curl's `_MS` options want them.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
