import Foundation
public import MaatstafCore

/// Everything that can go wrong while fetching or caching, with the URL or path it concerns and what the
/// user can do about it. The CLI maps it to an exit code; nothing below the CLI prints or exits.
public struct FetchError: MaatstafError {
    public enum Kind: Sendable, Equatable {
        /// The URL cannot be parsed or uses a protocol other than http(s).
        case invalidURL
        /// No connection, DNS failure, connection reset, TLS failure, … (after retries).
        case transport
        /// The server took longer than the configured timeout (after retries).
        case timeout
        /// The body ended before its announced length (after retries).
        case truncated
        /// The body (decoded) is larger than the configured limit; not retried.
        case tooLarge
        /// The server's answer does not have the shape maatstaf asked for (an HTML page where JSON was expected, a
        /// next-page link into another table or host, an impossible row count); not retried, not cached.
        case badResponse
        /// The server answered with an error status (after retries for 429 and 5xx).
        case httpStatus(Int)
        /// `--offline` and the cache has no usable entry.
        case notCached
        /// A cache entry exists but its body does not match its checksum.
        case corruptCacheEntry
        /// The cache folder cannot be read or written (permissions, full disk, not a folder).
        case cacheIO
        /// The task was cancelled.
        case cancelled
    }

    public let kind: Kind
    /// The URL or file path the error is about.
    public let subject: String
    /// What happened, in one sentence.
    public let reason: LocalizedText
    /// What the user can do next.
    public let hint: Advice

    public init(_ kind: Kind, subject: String, reason: LocalizedText, hint: Advice) {
        self.kind = kind
        self.subject = subject
        self.reason = reason
        self.hint = hint
    }

    public var category: ErrorCategory {
        switch kind {
        case .invalidURL: .badInput
        case .transport, .timeout, .truncated, .httpStatus, .cancelled, .tooLarge, .badResponse: .network
        case .notCached, .corruptCacheEntry: .notAvailable
        case .cacheIO: .io
        }
    }
}
