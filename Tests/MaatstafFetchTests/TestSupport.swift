import Foundation
import MaatstafCore
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

/// A deterministic, clearly synthetic test body of `count` bytes (not statistics).
func syntheticBody(_ count: Int, seed: UInt8 = 7) -> Data {
    Data((0..<count).map { UInt8((($0 * 31) + Int(seed)) % 251) })
}
