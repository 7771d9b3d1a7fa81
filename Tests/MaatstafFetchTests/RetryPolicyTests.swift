import Foundation
import MaatstafCore
import MaatstafFetch
import Testing

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test("backoff doubles, is capped, and jitter stays within [half, full]")
    func backoff() {
        let policy = RetryPolicy(maxAttempts: 6, baseDelay: .milliseconds(100), maxDelay: .milliseconds(1000))
        #expect(policy.delay(afterAttempt: 1, randomUnit: 0) == .milliseconds(50))
        #expect(policy.delay(afterAttempt: 1, randomUnit: 1) == .milliseconds(100))
        #expect(policy.delay(afterAttempt: 2, randomUnit: 1) == .milliseconds(200))
        #expect(policy.delay(afterAttempt: 3, randomUnit: 0) == .milliseconds(200))
        #expect(policy.delay(afterAttempt: 10, randomUnit: 1) == .milliseconds(1000))
    }

    @Test("Retry-After as seconds and as an HTTP date")
    func retryAfter() {
        #expect(RetryPolicy.retryAfter("7") == .seconds(7))
        #expect(RetryPolicy.retryAfter(nil) == nil)
        #expect(RetryPolicy.retryAfter("soon") == nil)
        let now = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT
        #expect(RetryPolicy.retryAfter("Tue, 14 Nov 2023 22:13:30 GMT", now: now) == .seconds(10))
        #expect(RetryPolicy.retryAfter("Tue, 14 Nov 2023 22:13:00 GMT", now: now) == .zero)
    }
}
