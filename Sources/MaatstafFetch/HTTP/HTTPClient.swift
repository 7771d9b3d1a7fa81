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
            case .completed(let status, let headers, let body, let sha256, let effectiveURL):
                events?(.requestFinished(url: request.url, bytes: body.count))
                if status < 400 {
                    return HTTPResponse(
                        url: request.url, effectiveURL: effectiveURL, status: status,
                        headers: headers, body: body, bodySHA256: sha256, attempts: attempt, retryReasons: reasons)
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
            reasons.append(failure.summary.en)
            events?(.retrying(url: request.url, reason: failure.summary.en, delay: delay))
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
                .invalidURL, subject: url, reason: .en("not a valid http(s) URL", nl: "geen geldig http(s)-adres"),
                hint: .en(
                    "Check the address; it must start with https:// or http:// and name a host",
                    nl: "Controleer het adres: het begint met https:// of http:// en noemt een server"))
        }
    }

    private static func cancelled(_ url: String) -> FetchError {
        FetchError(
            .cancelled, subject: url, reason: .en("the request was cancelled", nl: "de aanvraag is afgebroken"),
            hint: .en("Run the command again", nl: "Voer de opdracht opnieuw uit"))
    }
}

/// Why one attempt failed, and whether another attempt may help.
private struct AttemptFailure {
    var kind: FetchError.Kind
    var summary: LocalizedText
    var retryable: Bool
    var retryAfter: Duration?
    var url: String
    var hint: Advice

    init(status: Int, headers: [HTTPHeader], url: String, policy: RetryPolicy) {
        self.url = url
        kind = .httpStatus(status)
        summary = .en("HTTP \(status)", nl: "HTTP \(status)")
        retryable = status == 429 || status >= 500
        hint = .en("Check the address and the table id", nl: "Controleer het adres en de tabelcode")
        if status == 429 || status == 503 {
            hint = .en(
                "The server is busy; wait a few minutes and try again, or work from the cache with \(option: .offline)",
                nl:
                    "De server is druk; wacht een paar minuten en probeer het opnieuw, of werk uit de cache met \(option: .offline)"
            )
        } else if status >= 500 {
            hint = .en(
                "The server has a problem; try again later, or work from the cache with \(option: .offline)",
                nl: "De server heeft een probleem; probeer het later opnieuw, of werk uit de cache met \(option: .offline)")
        } else if status == 404 {
            hint = .en(
                "The server does not know this address; check the table id (ids are case-sensitive)",
                nl: "De server kent dit adres niet; controleer de tabelcode (hoofdletters tellen)")
        }
        if retryable, let wait = RetryPolicy.retryAfter(headers.value(for: "Retry-After")) {
            if wait > policy.maxRetryAfter {
                retryable = false
                summary = .en(
                    summary.en + " asking to wait \(wait.components.seconds) s",
                    nl: summary.nl + " met het verzoek \(wait.components.seconds) s te wachten")
            } else {
                retryAfter = wait
            }
        }
    }

    init(curlCode: Int, message: String, bodyBytes: Int, url: String) {
        self.url = url
        let code = CURLcode(UInt32(curlCode))
        summary = .en(message, nl: Self.dutch(code))
        retryable = true
        hint = .en(
            "Check your network connection and the address, or work from the cache with \(option: .offline)",
            nl: "Controleer de netwerkverbinding en het adres, of werk uit de cache met \(option: .offline)")
        switch code {
        case CURLE_FILESIZE_EXCEEDED:
            kind = .tooLarge
            retryable = false
            hint = .en(
                "A CBS page is about 1 MB: check the address; if the answer is genuinely this large, raise the limit with \(option: .maxResponseSize)",
                nl:
                    "Een CBS-pagina is ongeveer 1 MB: controleer het adres; is het antwoord echt zo groot, verhoog dan de grens met \(option: .maxResponseSize)"
            )
        case CURLE_OPERATION_TIMEDOUT:
            kind = .timeout
            hint = .en(
                "The server is too slow or unreachable; try again later, or work from the cache with \(option: .offline)",
                nl:
                    "De server is te traag of onbereikbaar; probeer het later opnieuw, of werk uit de cache met \(option: .offline)"
            )
        case CURLE_PARTIAL_FILE, CURLE_BAD_CONTENT_ENCODING:
            kind = .truncated
            summary = .en("the response ended early (\(message))", nl: "het antwoord hield te vroeg op")
        case CURLE_RECV_ERROR where bodyBytes > 0:
            kind = .truncated
            summary = .en(
                "the connection broke after \(bodyBytes) bytes (\(message))",
                nl: "de verbinding brak af na \(bodyBytes) bytes")
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            kind = .invalidURL
            retryable = false
            hint = .en(
                "Check the address; it must start with https:// or http://",
                nl: "Controleer het adres: het begint met https:// of http://")
        case CURLE_TOO_MANY_REDIRECTS, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE:
            kind = .transport
            retryable = false
        default:
            kind = .transport
        }
    }

    func error(attempts: Int) -> FetchError {
        let reason: LocalizedText =
            attempts == 1
            ? summary : .en(summary.en + " (after \(attempts) attempts)", nl: summary.nl + " (na \(attempts) pogingen)")
        return FetchError(kind, subject: url, reason: reason, hint: hint)
    }

    /// libcurl's messages are English only; the Dutch reader gets the cause in words by its code.
    private static func dutch(_ code: CURLcode) -> String {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST: "de servernaam is niet te vinden"
        case CURLE_COULDNT_RESOLVE_PROXY: "de proxy is niet te vinden"
        case CURLE_COULDNT_CONNECT: "geen verbinding met de server"
        case CURLE_OPERATION_TIMEDOUT: "de server antwoordde niet op tijd"
        case CURLE_FILESIZE_EXCEEDED: "het antwoord is groter dan de ingestelde grens"
        case CURLE_GOT_NOTHING: "de server gaf geen antwoord"
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR: "de verbinding brak af"
        case CURLE_TOO_MANY_REDIRECTS: "te veel doorverwijzingen"
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CONNECT_ERROR:
            "de beveiligde verbinding is mislukt (certificaat of TLS)"
        case CURLE_UNSUPPORTED_PROTOCOL: "protocol niet ondersteund"
        case CURLE_URL_MALFORMAT: "ongeldig adres"
        case CURLE_PARTIAL_FILE, CURLE_BAD_CONTENT_ENCODING: "het antwoord hield te vroeg op"
        default: "netwerkfout (curl-code \(code.rawValue))"
        }
    }
}
