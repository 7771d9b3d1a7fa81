import CCurl
import Foundation
import MaatstafCore

/// The async HTTP client every other module uses: GET over libcurl's multi interface, with retries.
///
/// It returns a response for every status below 400 (304 included, for the cache). Statuses 429 and 5xx,
/// connection errors, timeouts and truncated bodies are retried with backoff; what still fails is thrown as a
/// `FetchError` naming the URL and what to do.
public final class HTTPClient: Sendable {
    public let configuration: HTTPClientConfiguration
    private let loop: CurlMultiLoop
    private let events: FetchEventHandler?

    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration(), events: FetchEventHandler? = nil) {
        self.configuration = configuration
        self.loop = CurlMultiLoop(configuration: configuration)
        self.events = events
    }

    public func get(_ url: String, headers: [HTTPHeader] = []) async throws -> HTTPResponse {
        try await get(HTTPRequest(url: url, headers: headers))
    }

    public func get(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Self.validate(request.url)
        let policy = configuration.retry
        var reasons: [String] = []
        var attempt = 0
        while true {
            attempt += 1
            if Task.isCancelled { throw Self.cancelled(request.url) }
            events?(.requestStarted(url: request.url))
            let outcome = await loop.perform(request)
            let failure: AttemptFailure
            switch outcome {
            case .cancelled:
                throw Self.cancelled(request.url)
            case .completed(let status, let headers, let body, let effectiveURL):
                events?(.requestFinished(url: request.url, bytes: body.count))
                if status < 400 {
                    return HTTPResponse(
                        url: request.url, effectiveURL: effectiveURL, status: status,
                        headers: headers, body: body, attempts: attempt, retryReasons: reasons)
                }
                failure = AttemptFailure(status: status, headers: headers, url: request.url, policy: policy)
            case .failed(let code, let message, let bodyBytes):
                events?(.requestFinished(url: request.url, bytes: bodyBytes))
                failure = AttemptFailure(curlCode: code, message: message, bodyBytes: bodyBytes, url: request.url)
            }
            guard failure.retryable, attempt < policy.maxAttempts else {
                throw failure.error(attempts: attempt)
            }
            let delay = failure.retryAfter ?? policy.delay(afterAttempt: attempt)
            reasons.append(failure.summary)
            events?(.retrying(url: request.url, reason: failure.summary, delay: delay))
            do {
                try await Task.sleep(for: delay)
            } catch {
                throw Self.cancelled(request.url)
            }
        }
    }

    /// Rejects what curl would reject anyway, with a message a user understands.
    static func validate(_ url: String) throws {
        guard let components = URLComponents(string: url),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else {
            throw FetchError(
                .invalidURL, subject: url, reason: "not a valid http(s) URL",
                hint: "Check the address; it must start with https:// or http:// and name a host")
        }
    }

    private static func cancelled(_ url: String) -> FetchError {
        FetchError(.cancelled, subject: url, reason: "the request was cancelled", hint: "Run the command again")
    }
}

/// Why one attempt failed, and whether another attempt may help.
private struct AttemptFailure {
    var kind: FetchError.Kind
    var summary: String
    var retryable: Bool
    var retryAfter: Duration?
    var url: String
    var hint: Advice

    init(status: Int, headers: [HTTPHeader], url: String, policy: RetryPolicy) {
        self.url = url
        kind = .httpStatus(status)
        summary = "HTTP \(status)"
        retryable = status == 429 || status >= 500
        hint = "Check the address and the table id"
        if status == 429 || status == 503 {
            hint = "The server is busy; wait a few minutes and try again, or work from the cache with \(option: .offline)"
        } else if status >= 500 {
            hint = "The server has a problem; try again later, or work from the cache with \(option: .offline)"
        } else if status == 404 {
            hint = "The server does not know this address; check the table id (ids are case-sensitive)"
        }
        if retryable, let wait = RetryPolicy.retryAfter(headers.value(for: "Retry-After")) {
            if wait > policy.maxRetryAfter {
                retryable = false
                summary += " asking to wait \(wait.components.seconds) s"
            } else {
                retryAfter = wait
            }
        }
    }

    init(curlCode: Int, message: String, bodyBytes: Int, url: String) {
        self.url = url
        let code = CURLcode(UInt32(curlCode))
        summary = message
        retryable = true
        hint = "Check your network connection and the address, or work from the cache with \(option: .offline)"
        switch code {
        case CURLE_FILESIZE_EXCEEDED:
            kind = .tooLarge
            retryable = false
            hint =
                "A CBS page is about 1 MB: check the address; if the answer is genuinely this large, raise the limit with \(option: .maxResponseSize)"
        case CURLE_OPERATION_TIMEDOUT:
            kind = .timeout
            hint = "The server is too slow or unreachable; try again later, or work from the cache with \(option: .offline)"
        case CURLE_PARTIAL_FILE, CURLE_BAD_CONTENT_ENCODING:
            kind = .truncated
            summary = "the response ended early (\(message))"
        case CURLE_RECV_ERROR where bodyBytes > 0:
            kind = .truncated
            summary = "the connection broke after \(bodyBytes) bytes (\(message))"
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            kind = .invalidURL
            retryable = false
            hint = "Check the address; it must start with https:// or http://"
        case CURLE_TOO_MANY_REDIRECTS, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE:
            kind = .transport
            retryable = false
        default:
            kind = .transport
        }
    }

    func error(attempts: Int) -> FetchError {
        let tries = attempts == 1 ? "" : " (after \(attempts) attempts)"
        return FetchError(kind, subject: url, reason: summary + tries, hint: hint)
    }
}
