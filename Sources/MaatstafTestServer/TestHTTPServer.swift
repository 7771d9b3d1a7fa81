public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A request as the test server received it.
public struct TestRequest: Sendable {
    public var method: String
    /// Path and query, as sent.
    public var target: String
    public var headers: [(name: String, value: String)]
    /// The body of a POST or PUT (read by its Content-Length); empty otherwise.
    public var body = Data()

    public func header(_ name: String) -> String? {
        headers.last { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }
}

/// How the server misbehaves while answering; real CBS servers do all of these on a bad day.
public enum TestBehavior: Sendable {
    case normal
    /// Wait before answering at all.
    case delay(Duration)
    /// Announce the full Content-Length but close cleanly after this many body bytes.
    case truncate(afterBodyBytes: Int)
    /// Send this many body bytes, then reset the connection (RST, via SO_LINGER 0).
    case reset(afterBodyBytes: Int)
    /// Send the headers, then stall this long before the body.
    case stall(Duration)
}

public struct TestResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data
    public var behavior: TestBehavior

    public init(
        status: Int = 200, headers: [(name: String, value: String)] = [], body: Data = Data(),
        behavior: TestBehavior = .normal
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.behavior = behavior
    }

    public init(
        status: Int = 200, headers: [(name: String, value: String)] = [], text: String,
        behavior: TestBehavior = .normal
    ) {
        self.init(status: status, headers: headers, body: Data(text.utf8), behavior: behavior)
    }
}

/// A scriptable HTTP/1.1 server on 127.0.0.1 with an ephemeral port, for tests and benchmarks.
///
/// Written on plain POSIX sockets, one thread per connection, because tests need it to misbehave in ways a server
/// framework prevents: cut a body short, reset a connection, stall. It answers GET with keep-alive and records every
/// request, so tests can count attempts exactly.
public final class TestHTTPServer: @unchecked Sendable {
    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    private let listener: Int32
    private let handler: @Sendable (TestRequest) -> TestResponse
    private let lock = NSLock()
    private var log: [TestRequest] = []
    private var stopped = false
    private var connections: Set<Int32> = []

    public init(handler: @escaping @Sendable (TestRequest) -> TestResponse) throws {
        self.handler = handler
        let (socketFD, port) = try LoopbackListener.open(backlog: 512)
        self.port = port
        self.listener = socketFD
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "test-server-accept"
        thread.start()
    }

    deinit { stop() }

    /// Every request received so far, in arrival order.
    public var requests: [TestRequest] { lock.withLock { log } }

    public func stop() {
        let toClose: [Int32] = lock.withLock {
            if stopped { return [] }
            stopped = true
            return Array(connections) + [listener]
        }
        for descriptor in toClose {
            shutdown(descriptor, Int32(SHUT_RDWR))
        }
        if !toClose.isEmpty { close(listener) }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            var yes: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            let accepted = lock.withLock { () -> Bool in
                if stopped { return false }
                connections.insert(client)
                return true
            }
            guard accepted else {
                close(client)
                return
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        var buffer = Data()
        var keepOpen = true
        while keepOpen, let request = readRequest(client, buffer: &buffer) {
            lock.withLock { log.append(request) }
            let response = handler(request)
            keepOpen = send(response, to: client) && request.header("Connection")?.lowercased() != "close"
        }
        lock.withLock { _ = connections.remove(client) }
        close(client)
    }

    private func readRequest(_ client: Int32, buffer: inout Data) -> TestRequest? {
        let separator = Data("\r\n\r\n".utf8)
        var chunk = [UInt8](repeating: 0, count: 8192)
        while buffer.range(of: separator) == nil {
            let count = recv(client, &chunk, chunk.count, 0)
            if count <= 0 { return nil }
            buffer.append(chunk, count: count)
        }
        guard let end = buffer.range(of: separator) else { return nil }
        let head = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
        buffer = Data(buffer[end.upperBound...])
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var request = TestRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers)
        if let length = request.header("Content-Length").flatMap(Int.init), length > 0 {
            while buffer.count < length {
                let count = recv(client, &chunk, chunk.count, 0)
                if count <= 0 { return nil }
                buffer.append(chunk, count: count)
            }
            request.body = Data(buffer.prefix(length))
            buffer = Data(buffer.dropFirst(length))
        }
        return request
    }

    /// Writes the response; returns false when the connection must be closed afterwards.
    private func send(_ response: TestResponse, to client: Int32) -> Bool {
        if case .delay(let wait) = response.behavior { Thread.sleep(forTimeInterval: wait.seconds) }
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        var headers = response.headers
        if !headers.contains(where: { $0.name.lowercased() == "content-length" }) && response.status != 304 {
            headers.append(("Content-Length", String(response.body.count)))
        }
        for header in headers { head += "\(header.name): \(header.value)\r\n" }
        head += "\r\n"
        guard write(Data(head.utf8), to: client) else { return false }
        switch response.behavior {
        case .normal, .delay:
            return write(response.body, to: client)
        case .stall(let wait):
            Thread.sleep(forTimeInterval: wait.seconds)
            return write(response.body, to: client)
        case .truncate(let count):
            _ = write(response.body.prefix(count), to: client)
            shutdown(client, Int32(SHUT_WR))
            return false
        case .reset(let count):
            _ = write(response.body.prefix(count), to: client)
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(client, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            return false
        }
    }

    private func write(_ data: Data, to client: Int32) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(client, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 304: "Not Modified"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }

    /// gzip-compresses `data` with Debian's gzip, so tests can serve `Content-Encoding: gzip` bodies.
    public static func gzip(_ data: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        process.arguments = ["-c", "-n"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(data)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return compressed
    }
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
