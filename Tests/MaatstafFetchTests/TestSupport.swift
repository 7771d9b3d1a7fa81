import Foundation
import MaatstafFetch
import MaatstafTestServer

/// A client with short waits so that retry tests run in milliseconds, not seconds.
func makeTestClient(maxAttempts: Int = 3, timeout: Duration = .seconds(10), perHost: Int = 8) -> HTTPClient {
    var configuration = HTTPClientConfiguration()
    configuration.retry = RetryPolicy(maxAttempts: maxAttempts, baseDelay: .milliseconds(10), maxDelay: .milliseconds(50))
    configuration.timeout = timeout
    configuration.connectTimeout = .seconds(5)
    configuration.maxConcurrentPerHost = perHost
    return HTTPClient(configuration: configuration)
}

/// A fresh, empty cache folder under the system temporary folder.
func makeTemporaryFolder() -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maatstaf-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// Counts calls per key from handler threads; the test server calls its handler concurrently.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private var inFlight = 0
    private(set) var maxInFlight = 0

    /// Increments and returns the new count for `key`.
    func next(_ key: String) -> Int {
        lock.withLock {
            counts[key, default: 0] += 1
            return counts[key]!
        }
    }

    func enter() { lock.withLock { inFlight += 1; maxInFlight = max(maxInFlight, inFlight) } }
    func leave() { lock.withLock { inFlight -= 1 } }
    var peak: Int { lock.withLock { maxInFlight } }
}

/// A deterministic, clearly synthetic test body of `count` bytes (not statistics).
func syntheticBody(_ count: Int, seed: UInt8 = 7) -> Data {
    Data((0..<count).map { UInt8((($0 * 31) + Int(seed)) % 251) })
}
