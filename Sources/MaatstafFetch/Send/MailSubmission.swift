import CCurl
public import Foundation
import MaatstafCore

/// An e-mail handed to an SMTP server through libcurl: plain text in UTF-8, to one or more recipients.
///
/// Credentials never come from the command line (where `ps` shows them): the caller reads them from the environment
/// or a file only its owner can read.
public struct MailSubmission: Sendable {
    /// How the connection is protected: `starttls` upgrades a plain connection and refuses to go on without TLS,
    /// `tls` speaks TLS from the start (smtps, port 465), `none` only for a relay on the same machine or in tests.
    public enum Security: String, Sendable, CaseIterable {
        case starttls
        case tls
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var from: String
    public var to: [String]
    public var username: String?
    public var password: String?
    public var timeout: Duration

    public init(
        host: String, port: Int, security: Security, from: String, to: [String], username: String? = nil,
        password: String? = nil, timeout: Duration = .seconds(30)
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.from = from
        self.to = to
        self.username = username
        self.password = password
        self.timeout = timeout
    }

    /// The server as curl addresses it.
    public var url: String { "\(security == .tls ? "smtps" : "smtp")://\(host):\(port)" }

    /// Sends one message; an error naming the server when it refuses or cannot be reached.
    public func send(subject: String, body: String, date: Date = Date()) throws {
        let transfer = try OutboundTransfer(url: url, protocols: "smtp,smtps", timeout: timeout)
        transfer.option(CURLOPT_MAIL_FROM, "<\(from)>")
        transfer.option(CURLOPT_MAIL_RCPT, list: to.map { "<\($0)>" })
        transfer.option(CURLOPT_UPLOAD, 1)
        if security == .starttls { transfer.option(CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)) }
        if let username { transfer.option(CURLOPT_USERNAME, username) }
        if let password { transfer.option(CURLOPT_PASSWORD, password) }
        transfer.body(Data(Self.message(from: from, to: to, subject: subject, body: body, date: date).utf8))
        _ = try transfer.perform(subject: url)
    }

    /// The message as RFC 5322 text: UTF-8 throughout, the subject encoded (RFC 2047) so any server passes it, lines
    /// ending in CRLF. (A line starting with a dot is doubled by libcurl itself, so SMTP does not end the message there.)
    static func message(from: String, to: [String], subject: String, body: String, date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let encodedSubject = "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        return [
            "Date: \(formatter.string(from: date))", "From: <\(from)>", "To: \(to.map { "<\($0)>" }.joined(separator: ", "))",
            "Subject: \(encodedSubject)", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit", "",
        ].joined(separator: "\r\n") + "\r\n" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
