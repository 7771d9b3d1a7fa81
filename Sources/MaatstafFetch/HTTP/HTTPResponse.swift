public import Foundation

/// A complete HTTP response: the body is whole (truncated bodies are errors, never responses).
public struct HTTPResponse: Sendable {
    /// The URL that was asked for.
    public var url: String
    /// Where the response came from after redirects.
    public var effectiveURL: String
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: Data
    /// SHA-256 of `body` (hex), when it was made as the body arrived; nil otherwise. Whoever needs it and finds nil
    /// hashes the body (`SHA256.hex`). Kept with the body it describes: whoever changes one must drop the other.
    public var bodySHA256: String?
    /// How many times the request was sent: 1 when the first attempt succeeded.
    public var attempts: Int
    /// Why earlier attempts were retried, oldest first (for logs and tests).
    public var retryReasons: [String]

    public init(
        url: String, effectiveURL: String, status: Int, headers: [HTTPHeader], body: Data,
        bodySHA256: String? = nil, attempts: Int = 1, retryReasons: [String] = []
    ) {
        self.url = url
        self.effectiveURL = effectiveURL
        self.status = status
        self.headers = headers
        self.body = body
        self.bodySHA256 = bodySHA256
        self.attempts = attempts
        self.retryReasons = retryReasons
    }
}
