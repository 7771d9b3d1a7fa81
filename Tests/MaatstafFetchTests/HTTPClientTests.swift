import Foundation
import MaatstafCore
import MaatstafFetch
import MaatstafTestServer
import Testing

@Suite("HTTP client over libcurl, against a local server")
struct HTTPClientTests {
    @Test("200: the exact bytes, one attempt, our User-Agent and Accept-Encoding")
    func plainOK() async throws {
        let body = syntheticBody(100_000)
        let server = try TestHTTPServer { _ in TestResponse(body: body) }
        let response = try await makeTestClient().get(server.baseURL + "/table")
        #expect(response.status == 200)
        #expect(response.body == body)
        #expect(response.attempts == 1)
        #expect(server.requests.count == 1)
        #expect(server.requests[0].header("User-Agent") == "maatstaf/\(MaatstafVersion.current)")
        #expect(server.requests[0].header("Accept-Encoding")?.contains("gzip") == true)
    }

    @Test("gzip: a compressed body arrives decompressed")
    func gzip() async throws {
        let text = String(repeating: "{\"RegioS\":\"GM0299    \",\"Value\":1}\n", count: 2_000)
        let compressed = try TestHTTPServer.gzip(Data(text.utf8))
        #expect(compressed.count < text.utf8.count / 5)
        let server = try TestHTTPServer { _ in
            TestResponse(headers: [("Content-Encoding", "gzip")], body: compressed)
        }
        let response = try await makeTestClient().get(server.baseURL + "/gz")
        #expect(response.body == Data(text.utf8))
    }

    @Test("429 with Retry-After: waits as asked, then succeeds on the second attempt")
    func tooManyRequests() async throws {
        let counter = RequestCounter()
        let server = try TestHTTPServer { request in
            counter.next(request.path) == 1
                ? TestResponse(status: 429, headers: [("Retry-After", "1")], text: "slow down")
                : TestResponse(text: "ok")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await makeTestClient().get(server.baseURL + "/busy")
        let elapsed = clock.now - start
        #expect(String(decoding: response.body, as: UTF8.self) == "ok")
        #expect(response.attempts == 2)
        #expect(response.retryReasons == ["HTTP 429"])
        #expect(elapsed >= .seconds(1), "Retry-After: 1 must be honoured, waited \(elapsed)")
        #expect(server.requests.count == 2)
    }

    @Test("500 then 200: retried once")
    func serverErrorThenOK() async throws {
        let counter = RequestCounter()
        let server = try TestHTTPServer { request in
            counter.next(request.path) == 1 ? TestResponse(status: 500, text: "oops") : TestResponse(text: "fine")
        }
        let response = try await makeTestClient().get(server.baseURL + "/flaky")
        #expect(response.body == Data("fine".utf8))
        #expect(response.attempts == 2)
        #expect(response.retryReasons == ["HTTP 500"])
    }

    @Test("500 every time: an httpStatus error after exactly maxAttempts requests")
    func serverErrorGivesUp() async throws {
        let server = try TestHTTPServer { _ in TestResponse(status: 500, text: "down") }
        let error = await #expect(throws: FetchError.self) {
            try await makeTestClient(maxAttempts: 3).get(server.baseURL + "/down")
        }
        #expect(error?.kind == .httpStatus(500))
        #expect(error?.subject == server.baseURL + "/down")
        #expect(error?.description.contains("after 3 attempts") == true)
        #expect(server.requests.count == 3)
    }

    @Test("404 is not retried")
    func notFoundIsFinal() async throws {
        let server = try TestHTTPServer { _ in TestResponse(status: 404, text: "no such table") }
        let error = await #expect(throws: FetchError.self) {
            try await makeTestClient().get(server.baseURL + "/nope")
        }
        #expect(error?.kind == .httpStatus(404))
        #expect(server.requests.count == 1)
    }

    @Test("connection reset mid-body: retried, and the complete body is returned")
    func resetThenOK() async throws {
        let body = syntheticBody(50_000)
        let counter = RequestCounter()
        let server = try TestHTTPServer { request in
            counter.next(request.path) == 1
                ? TestResponse(body: body, behavior: .reset(afterBodyBytes: 10_000))
                : TestResponse(body: body)
        }
        let response = try await makeTestClient().get(server.baseURL + "/reset")
        #expect(response.body == body)
        #expect(response.attempts == 2)
        #expect(server.requests.count == 2)
    }

    @Test("connection reset every time: a network error, never a partial body")
    func resetGivesUp() async throws {
        let server = try TestHTTPServer { _ in TestResponse(body: syntheticBody(50_000), behavior: .reset(afterBodyBytes: 10_000))
        }
        let error = await #expect(throws: FetchError.self) {
            try await makeTestClient(maxAttempts: 2).get(server.baseURL + "/reset")
        }
        // Linux drops unread received bytes when the RST arrives, so curl sees either a broken body (truncated) or a
        // broken connection (transport), depending on timing. Both are errors; neither may yield a response.
        #expect(error?.kind == .truncated || error?.kind == .transport, "\(String(describing: error))")
        #expect(server.requests.count == 2)
    }

    @Test("a body shorter than its Content-Length is a truncation error, retried")
    func shortBody() async throws {
        let body = syntheticBody(20_000)
        let counter = RequestCounter()
        let server = try TestHTTPServer { request in
            counter.next(request.path) == 1
                ? TestResponse(body: body, behavior: .truncate(afterBodyBytes: 5_000))
                : TestResponse(body: body)
        }
        let response = try await makeTestClient().get(server.baseURL + "/short")
        #expect(response.body == body)
        #expect(response.attempts == 2)
        #expect(response.retryReasons.count == 1)
        #expect(response.retryReasons[0].contains("ended early"))

        let always = try TestHTTPServer { _ in TestResponse(body: body, behavior: .truncate(afterBodyBytes: 5_000)) }
        let error = await #expect(throws: FetchError.self) {
            try await makeTestClient(maxAttempts: 2).get(always.baseURL + "/short")
        }
        #expect(error?.kind == .truncated)
        #expect(always.requests.count == 2)
    }

    @Test("a body over the limit is an error naming the URL, not retried; a gzip bomb is measured decoded")
    func bodyLimit() async throws {
        let big = syntheticBody(3 << 20)
        // 64 MiB of zeros compress to about 64 KiB: small on the wire, huge in memory.
        let bomb = try TestHTTPServer.gzip(Data(count: 64 << 20))
        let server = try TestHTTPServer { request in
            request.path == "/bomb" ? TestResponse(headers: [("Content-Encoding", "gzip")], body: bomb) : TestResponse(body: big)
        }
        var configuration = HTTPClientConfiguration()
        configuration.maxBodyBytes = 1 << 20
        configuration.retry = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(10), maxDelay: .milliseconds(50))
        let client = HTTPClient(configuration: configuration)
        for path in ["/big", "/bomb"] {
            let error = await #expect(throws: FetchError.self) { try await client.get(server.baseURL + path) }
            #expect(error?.kind == .tooLarge, "\(path)")
            #expect(error?.subject == server.baseURL + path)
            #expect(error?.reason.en.contains("larger than the limit of 1048576 bytes") == true)
        }
        #expect(bomb.count < 1 << 20)
        #expect(server.requests.count == 2, "a body over the limit is not asked for again")
    }

    @Test("a transfer that stalls is aborted after the stall timeout, long before the overall timeout")
    func stalled() async throws {
        // The server sends its headers, then nothing for 5 s; the overall timeout (60 s) would let it finish.
        let server = try TestHTTPServer { _ in TestResponse(text: "late", behavior: .stall(.seconds(5))) }
        var configuration = HTTPClientConfiguration()
        configuration.stallTimeout = .seconds(1)
        configuration.timeout = .seconds(60)
        configuration.retry = RetryPolicy(maxAttempts: 1, baseDelay: .milliseconds(10), maxDelay: .milliseconds(50))
        let error = await #expect(throws: FetchError.self) {
            try await HTTPClient(configuration: configuration).get(server.baseURL + "/stalled")
        }
        #expect(error?.kind == .timeout)
    }

    @Test("a server slower than the timeout: a timeout error after every attempt timed out")
    func slowServer() async throws {
        let server = try TestHTTPServer { _ in TestResponse(text: "late", behavior: .stall(.seconds(3))) }
        let error = await #expect(throws: FetchError.self) {
            try await makeTestClient(maxAttempts: 2, timeout: .milliseconds(300)).get(server.baseURL + "/slow")
        }
        // A timeout error (not a response) proves the client gave up before the server's 3 s stall ended.
        #expect(error?.kind == .timeout)
        #expect(server.requests.count == 2)
    }

    @Test("200 requests in parallel: every body right, no more than the per-host limit in flight")
    func parallel() async throws {
        let counter = RequestCounter()
        let server = try TestHTTPServer { request in
            counter.enter()
            defer { counter.leave() }
            Thread.sleep(forTimeInterval: 0.01)
            return TestResponse(text: "body of \(request.path)")
        }
        let client = makeTestClient(perHost: 6)
        let bodies = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for index in 0..<200 {
                group.addTask {
                    let response = try await client.get(server.baseURL + "/item/\(index)")
                    return (index, String(decoding: response.body, as: UTF8.self))
                }
            }
            var bodies: [Int: String] = [:]
            for try await (index, body) in group { bodies[index] = body }
            return bodies
        }
        #expect(bodies.count == 200)
        for index in 0..<200 {
            #expect(bodies[index] == "body of /item/\(index)")
        }
        #expect(server.requests.count == 200)
        #expect(counter.peak <= 6)
        #expect(counter.peak >= 2, "transfers must overlap")
    }

    @Test("an invalid or non-http URL fails before any request")
    func invalidURL() async throws {
        for url in ["not a url", "ftp://example.org/file", "file:///etc/passwd", "http://"] {
            let error = await #expect(throws: FetchError.self) { try await makeTestClient().get(url) }
            #expect(error?.kind == .invalidURL)
            #expect(error?.subject == url)
        }
    }

    @Test("a closed port: a transport error naming the URL")
    func unreachable() async throws {
        // A port bound but not listening: connections are refused, and no other test's server can take it meanwhile
        // (a stopped server's port could be reused by a parallel test and answer).
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                guard bind(socketFD, $0, length) == 0, getsockname(socketFD, $0, &length) == 0 else {
                    throw POSIXError(.EADDRINUSE)
                }
            }
        }
        let url = "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))/gone"
        let error = await #expect(throws: FetchError.self) { try await makeTestClient(maxAttempts: 2).get(url) }
        #expect(error?.kind == .transport)
        #expect(error?.description.hasPrefix(url) == true)
    }
}
