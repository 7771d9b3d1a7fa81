import Foundation
import MaatstafTestServer
import Testing

@testable import MaatstafServe

#if canImport(Glibc)
    import Glibc
#endif

/// Clients that hold a connection without finishing a request: the dashboard closes them, and serves others meanwhile.
@Suite("maatstaf serve: slow and idle clients")
struct SlowClientTests {
    /// A TCP connection to the dashboard that sends `bytes` and then waits (up to `wait` seconds) for the server to
    /// close it; true when it did.
    static func closedByServer(port: Int, sending bytes: String, wait: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return false }
        var timeout = timeval(tv_sec: wait, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = bytes.withCString { send(socket, $0, strlen($0), 0) }
        var buffer = [UInt8](repeating: 0, count: 512)
        // 0: the server closed the connection; -1: the wait ran out with the connection still open.
        return recv(socket, &buffer, buffer.count, 0) == 0
    }

    @Test("a request whose headers never finish is closed (within the 10 s header limit); others are served meanwhile")
    func slowHeaders() async throws {
        let dashboard = try await RunningDashboard.start()
        defer { dashboard.stop() }
        let slow = Probe(port: dashboard.port, sending: "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", wait: 40)
        let silent = Probe(port: dashboard.port, wait: 40)
        let page = try await dashboard.get("/?m=GM0293&i=wmo.huishoudelijke-hulp&y=2023&g=province&lang=en")
        #expect(page.status == 200)
        #expect(try await slow.result(), "a half-sent request is closed by the server")
        #expect(try await silent.result(), "a connection that sends nothing is closed by the server")
    }

    @Test(
        "under pressure (a quarter of the connections taken are open) a new silent connection is closed within the short limit, earlier ones keep the long one"
    )
    func underPressure() async throws {
        // Room for 8: from the third open connection on, the dashboard is under pressure.
        let load = ConnectionLoad(capacity: 8)
        let dashboard = try await RunningDashboard.start(load: load)
        defer { dashboard.stop() }
        let port = dashboard.port
        // Two silent connections first (10 s each), then a third (1 s): the third is closed, the first two not yet.
        let first = Probe(port: port, wait: 6)
        let second = Probe(port: port, wait: 6)
        // Until the dashboard has taken both (a connect returns once the kernel queues it; the event loop accepts it
        // later, later still on a machine busy with other tests).
        let deadline = Date().addingTimeInterval(5)
        while load.open < 2 && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(load.open == 2)
        let third = Probe(port: port, wait: 9)
        let (closedFirst, closedSecond, closedThird) = (
            try await first.result(), try await second.result(), try await third.result()
        )
        #expect(closedThird, "opened under pressure: closed within the 1 s limit")
        #expect(!closedFirst && !closedSecond, "opened before: still open after 6 s (10 s limit)")
        // A request of a browser still gets its page, at once.
        let page = try await dashboard.get("/?m=GM0293&i=wmo.huishoudelijke-hulp&y=2023&g=province&lang=en")
        #expect(page.status == 200)
    }
}

/// A raw connection on a thread of its own (started at once), that sends `bytes` and waits up to `wait` seconds for
/// the dashboard to close it. Blocked in recv, it would otherwise hold one of the few threads tasks run on — and
/// starve every other test meanwhile.
final class Probe: @unchecked Sendable {
    let lock = NSLock()
    var closed: Bool?
    init(port: Int, sending bytes: String = "", wait: Int) {
        Thread.detachNewThread { [self] in
            let result = SlowClientTests.closedByServer(port: port, sending: bytes, wait: wait)
            lock.withLock { closed = result }
        }
    }
    func result() async throws -> Bool {
        while true {
            if let closed = lock.withLock({ closed }) { return closed }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
// The first two are asked after 6 s (their limit is 10 s), the third gets 9 s to be closed (its limit is 1 s):
// room for a machine busy with other tests.
