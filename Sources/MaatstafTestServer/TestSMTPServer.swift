import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal SMTP server on 127.0.0.1 for tests: it speaks enough of RFC 5321 for libcurl to hand it a message
/// (EHLO, MAIL, RCPT, DATA, QUIT), records every message, and can refuse on purpose.
public final class TestSMTPServer: @unchecked Sendable {
    /// A message as received: envelope and the text between DATA and the final dot.
    public struct Message: Sendable {
        public var from: String
        public var recipients: [String]
        public var text: String
    }

    /// How the server behaves.
    public enum Mode: Sendable {
        case accept
        /// Answer 554 to MAIL FROM (a relay that refuses the sender).
        case refuseSender
        /// Require AUTH: refuse MAIL FROM unless the client authenticated with these credentials (AUTH PLAIN).
        case requireLogin(user: String, password: String)
    }

    public let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var received: [Message] = []
    private var stopped = false
    private var mode: Mode

    public init(mode: Mode = .accept) throws {
        self.mode = mode
        let (socketFD, port) = try LoopbackListener.open(backlog: 16)
        self.port = port
        listener = socketFD
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "test-smtp-accept"
        thread.start()
    }

    deinit { stop() }

    /// Every message accepted so far.
    public var messages: [Message] { lock.withLock { received } }

    public func setMode(_ mode: Mode) { lock.withLock { self.mode = mode } }

    public func stop() {
        let close = lock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        if close {
            shutdown(listener, Int32(SHUT_RDWR))
            Glibc.close(listener)
        }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var buffer = Data()
        func say(_ line: String) { _ = Data((line + "\r\n").utf8).withUnsafeBytes { send(client, $0.baseAddress, $0.count, 0) } }
        func readLine() -> String? {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while buffer.range(of: Data("\r\n".utf8)) == nil {
                let count = recv(client, &chunk, chunk.count, 0)
                if count <= 0 { return nil }
                buffer.append(chunk, count: count)
            }
            let end = buffer.range(of: Data("\r\n".utf8))!
            let line = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
            buffer = Data(buffer[end.upperBound...])
            return line
        }
        let mode = lock.withLock { self.mode }
        var authenticated = false
        var from = ""
        var recipients: [String] = []
        say("220 localhost test SMTP")
        while let line = readLine() {
            let verb = line.prefix(4).uppercased()
            switch verb {
            case "EHLO":
                if case .requireLogin = mode {
                    say("250-localhost")
                    say("250 AUTH PLAIN")
                } else {
                    say("250 localhost")
                }
            case "HELO": say("250 localhost")
            case "AUTH":
                // AUTH PLAIN with the credentials on the line, or on the next after a 334.
                var parts = line.split(separator: " ").map(String.init)
                if parts.count == 2 {
                    say("334 ")
                    parts.append(readLine() ?? "")
                }
                if case .requireLogin(let user, let password) = mode, parts.count == 3,
                    let decoded = Data(base64Encoded: parts[2]),
                    String(decoding: decoded, as: UTF8.self) == "\0\(user)\0\(password)"
                {
                    authenticated = true
                    say("235 2.7.0 Authentication successful")
                } else {
                    say("535 5.7.8 Authentication credentials invalid")
                }
            case "MAIL":
                switch mode {
                case .refuseSender: say("554 5.7.1 Sender refused")
                case .requireLogin where !authenticated: say("530 5.7.0 Authentication required")
                default:
                    from = String(line.dropFirst(10))
                    recipients = []
                    say("250 OK")
                }
            case "RCPT":
                recipients.append(String(line.dropFirst(8)))
                say("250 OK")
            case "DATA":
                say("354 End data with <CR><LF>.<CR><LF>")
                var text: [String] = []
                while let data = readLine(), data != "." { text.append(data.hasPrefix("..") ? String(data.dropFirst()) : data) }
                lock.withLock { received.append(Message(from: from, recipients: recipients, text: text.joined(separator: "\n"))) }
                say("250 OK queued")
            case "QUIT":
                say("221 Bye")
                return
            default: say("250 OK")
            }
        }
    }
}
