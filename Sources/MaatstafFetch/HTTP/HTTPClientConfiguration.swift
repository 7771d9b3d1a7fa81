import Foundation

/// How the HTTP client behaves. The defaults suit CBS's public APIs; tests shorten the delays.
public struct HTTPClientConfiguration: Sendable {
    /// Transfers in flight at once to one host. CBS serves many parallel requests well; 8 keeps us polite.
    public var maxConcurrentPerHost: Int = 8
    public var connectTimeout: Duration = .seconds(15)
    /// The whole transfer, body included. OData feed pages of 10,000 rows take a few seconds.
    public var timeout: Duration = .seconds(120)
    /// A transfer that receives less than 1 byte per second for this long is aborted (and retried): a stalled
    /// server otherwise holds each attempt for the whole `timeout`.
    public var stallTimeout: Duration = .seconds(30)
    /// The largest body accepted, after decoding gzip: a CBS page is about 1 MB. A larger (or endless) body, or a
    /// compression bomb, is an error naming the URL, not memory exhausted or a giant cache entry.
    public var maxBodyBytes: Int = 256 << 20
    public var maxRedirects: Int = 5
    public var retry: RetryPolicy = RetryPolicy()
    public var userAgent: String = "maatstaf/\(MaatstafVersion.current)"

    public init() {}
}

/// The version sent in the User-Agent and printed by `maatstaf --version`.
public enum MaatstafVersion {
    public static let current = "0.2.0"
}
