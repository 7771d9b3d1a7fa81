import Foundation

/// What the client reports while it works, so that a front end can show progress. The fetch layer never prints.
public enum FetchEvent: Sendable {
    /// An attempt was sent.
    case requestStarted(url: String)
    /// A request ended (successfully or not); `bytes` is the size of the body received.
    case requestFinished(url: String, bytes: Int)
    /// An attempt failed and will be repeated after `delay`.
    case retrying(url: String, reason: String, delay: Duration)
    /// A request was answered from the cache without touching the network.
    case servedFromCache(url: String, bytes: Int)
}

public typealias FetchEventHandler = @Sendable (FetchEvent) -> Void
