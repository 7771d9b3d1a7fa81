import Foundation
import MaatstafCore

/// The SMTP user and password for a monitor: from a file only its owner can read (`user:password` on its first line),
/// or from MAATSTAF_SMTP_USER and MAATSTAF_SMTP_PASSWORD — never from the command line, where other users of the
/// machine see it.
struct SMTPCredentials {
    var user: String
    var password: String

    /// Nil when neither a file nor the environment gives any (a relay that needs no login).
    static func read(_ file: URL?) throws -> SMTPCredentials? {
        if let file {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
                let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue,
                let text = try? String(contentsOf: file, encoding: .utf8)
            else {
                throw InputError(
                    subject: file.path, reason: .en("cannot be read", nl: "is niet te lezen"),
                    hint: .en(
                        "Write user:password in it, readable by its owner only (chmod 600)",
                        nl: "Zet er gebruiker:wachtwoord in, alleen leesbaar voor de eigenaar (chmod 600)"))
            }
            guard mode & 0o077 == 0 else {
                throw InputError(
                    subject: file.path,
                    reason: .en(
                        "can be read by others (mode \(String(mode & 0o777, radix: 8))); it holds a password",
                        nl: "is leesbaar voor anderen (modus \(String(mode & 0o777, radix: 8))); er staat een wachtwoord in"),
                    hint: .en(
                        "Make it readable by its owner only: chmod 600",
                        nl: "Maak het alleen leesbaar voor de eigenaar: chmod 600"))
            }
            let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                throw InputError(
                    subject: file.path,
                    reason: .en(
                        "has no user:password on its first line", nl: "heeft geen gebruiker:wachtwoord op de eerste regel"),
                    hint: .en("Write user:password on the first line", nl: "Zet gebruiker:wachtwoord op de eerste regel"))
            }
            return SMTPCredentials(user: String(line[..<colon]), password: String(line[line.index(after: colon)...]))
        }
        guard let user = Console.variable("MAATSTAF_SMTP_USER") else { return nil }
        return SMTPCredentials(user: user, password: Console.variable("MAATSTAF_SMTP_PASSWORD") ?? "")
    }
}
