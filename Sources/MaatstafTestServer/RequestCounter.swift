import Foundation

/// Counts from the test server's handler threads (which run concurrently): calls per key, and the most requests
/// in flight at once, so tests can assert retries and parallelism exactly.
public final class RequestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private var inFlight = 0
    private var maximum = 0

    public init() {}

    /// Increments and returns the new count for `key`.
    public func next(_ key: String) -> Int {
        lock.withLock {
            counts[key, default: 0] += 1
            return counts[key]!
        }
    }

    public func enter() {
        lock.withLock {
            inFlight += 1
            maximum = max(maximum, inFlight)
        }
    }
    public func leave() { lock.withLock { inFlight -= 1 } }
    public var peak: Int { lock.withLock { maximum } }
}
