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
    /// How many times the request was sent: 1 when the first attempt succeeded.
    public var attempts: Int
    /// Why earlier attempts were retried, oldest first (for logs and tests).
    public var retryReasons: [String]

    public init(
        url: String, effectiveURL: String, status: Int, headers: [HTTPHeader], body: Data,
        attempts: Int = 1, retryReasons: [String] = []
    ) {
        self.url = url
        self.effectiveURL = effectiveURL
        self.status = status
        self.headers = headers
        self.body = body
        self.attempts = attempts
        self.retryReasons = retryReasons
    }
}
