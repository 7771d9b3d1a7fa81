public import Foundation
public import MaatstafCore
import Yams

/// What `maatstaf monitor` does on each run, read from one YAML file (docs/monitor.md): which CBS tables to refresh,
/// which folder of own-figure exports to import, which targets and norms to check, which reports to write, and whom
/// to tell when an alarm comes or goes. Paths are relative to the file's folder, so the folder can be moved whole.
public struct MonitorPlan: Sendable {
    /// Names the monitor's memory (what was imported and told) and its log; by default the file's name.
    public var name: String
    public var locale: ReportLocale
    public var refresh: [String]
    public var importFolder: URL?
    public var indicatorFile: URL?
    public var targets: URL
    public var reports: [Report]
    public var email: Email?
    public var webhook: String?
    /// The file itself.
    public var file: String

    /// A report to write on each run.
    public struct Report: Sendable {
        public var output: URL
        public var municipalities: [String]
        public var indicators: [String]
        public var year: Int?
    }

    /// Where e-mail goes. The password is never in this file: `credentials` names a file only its owner can read
    /// (`user:password`), or the environment has MAATSTAF_SMTP_USER and MAATSTAF_SMTP_PASSWORD.
    public struct Email: Sendable {
        public var host: String
        public var port: Int
        /// `starttls` (default), `tls` or `none`.
        public var security: String
        public var from: String
        public var to: [String]
        public var credentials: URL?
    }

    static let topKeys: Set<String> = [
        "name", "locale", "refresh", "import", "indicators", "targets", "reports", "notify",
    ]

    /// Reads and checks the whole file; one error lists every problem with its line.
    public static func read(_ url: URL) throws -> MonitorPlan {
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw ModelError(
                .invalidMonitorFile, subject: url.path,
                reason: .en("cannot be read as UTF-8 text", nl: "is niet te lezen als UTF-8-tekst"),
                hint: .en("Check the path of the monitor file", nl: "Controleer het pad van het monitorbestand"))
        }
        return try parse(text, file: url.path, folder: url.deletingLastPathComponent())
    }

    public static func parse(_ text: String, file: String, folder: URL) throws -> MonitorPlan {
        var reader = YAMLReader(file: file)
        guard
            let root = reader.root(
                text, whenEmpty: .en("is empty; it needs at least \"targets\"", nl: "is leeg; er hoort minstens \"targets\" in")),
            let top = reader.mapping(
                root, allowed: topKeys,
                otherwise: .en(
                    "must be a mapping (name, targets, notify …)", nl: "moet een mapping zijn (name, targets, notify …)"))
        else { throw error(reader.problems, file: file) }
        func path(_ text: String?) -> URL? {
            text.map { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : folder.appendingPathComponent($0) }
        }
        func list(_ node: Node?, _ key: String) -> [String] {
            guard let node else { return [] }
            if let scalar = node.scalar { return [scalar.string] }
            guard let sequence = node.sequence, sequence.allSatisfy({ $0.scalar != nil }) else {
                reader.problem(node, .en("\"\(key)\" must be a list of texts", nl: "\"\(key)\" moet een lijst teksten zijn"))
                return []
            }
            return sequence.compactMap { $0.scalar?.string }
        }
        let defaultName = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let name = reader.text(top, "name", required: false, owner: root) ?? defaultName
        if name.contains("/") || name.hasPrefix(".") {
            reader.problem(
                top["name"],
                .en(
                    "\"name\" must not contain / or start with a dot", nl: "\"name\" mag geen / bevatten of met een punt beginnen"
                ))
        }
        var locale = ReportLocale.nl
        if let text = reader.text(top, "locale", required: false, owner: root) {
            switch text.lowercased() {
            case "nl": locale = .nl
            case "en": locale = .en
            default: reader.problem(top["locale"], .en("\"locale\" must be nl or en", nl: "\"locale\" moet nl of en zijn"))
            }
        }
        let refresh = list(top["refresh"], "refresh")
        var importFolder: URL?
        if let node = top["import"],
            let mapping = reader.mapping(
                node, allowed: ["folder"],
                otherwise: .en(
                    "\"import\" must be a mapping with \"folder\"", nl: "\"import\" moet een mapping zijn met \"folder\""))
        {
            importFolder = path(reader.text(mapping, "folder", required: true, owner: node))
        }
        let indicatorFile = path(reader.text(top, "indicators", required: false, owner: root))
        let targets = path(reader.text(top, "targets", required: true, owner: root))
        var reports: [Report] = []
        if let node = top["reports"] {
            if let sequence = node.sequence {
                for entry in sequence {
                    guard
                        let mapping = reader.mapping(
                            entry, allowed: ["output", "municipalities", "indicators", "year"],
                            otherwise: .en(
                                "a report must be a mapping with output, municipalities and indicators",
                                nl: "een rapport moet een mapping zijn met output, municipalities en indicators"))
                    else { continue }
                    let output = path(reader.text(mapping, "output", required: true, owner: entry))
                    let municipalities = list(mapping["municipalities"], "municipalities")
                    if municipalities.isEmpty {
                        reader.problem(
                            entry, .en("a report needs \"municipalities\"", nl: "een rapport heeft \"municipalities\" nodig"))
                    }
                    let year = reader.year(mapping, "year", required: false, owner: entry, example: 2023)
                    if let output {
                        reports.append(
                            Report(
                                output: output, municipalities: municipalities,
                                indicators: list(mapping["indicators"], "indicators"), year: year))
                    }
                }
            } else {
                reader.problem(node, .en("\"reports\" must be a list", nl: "\"reports\" moet een lijst zijn"))
            }
        }
        var email: Email?
        var webhook: String?
        if let node = top["notify"],
            let notify = reader.mapping(
                node, allowed: ["email", "webhook"],
                otherwise: .en(
                    "\"notify\" must be a mapping with email and/or webhook",
                    nl: "\"notify\" moet een mapping zijn met email en/of webhook"))
        {
            if let hook = reader.text(notify, "webhook", required: false, owner: node) {
                if hook.hasPrefix("https://") || hook.hasPrefix("http://") {
                    webhook = hook
                } else {
                    reader.problem(
                        notify["webhook"],
                        .en("\"webhook\" must be an http(s) address", nl: "\"webhook\" moet een http(s)-adres zijn"))
                }
            }
            if let mailNode = notify["email"],
                let mail = reader.mapping(
                    mailNode, allowed: ["server", "port", "security", "from", "to", "credentials"],
                    otherwise: .en(
                        "\"email\" must be a mapping (server, from, to …)",
                        nl: "\"email\" moet een mapping zijn (server, from, to …)"))
            {
                let host = reader.text(mail, "server", required: true, owner: mailNode)
                let security = reader.text(mail, "security", required: false, owner: mailNode) ?? "starttls"
                if !["starttls", "tls", "none"].contains(security) {
                    reader.problem(
                        mail["security"],
                        .en("\"security\" must be starttls, tls or none", nl: "\"security\" moet starttls, tls of none zijn"))
                }
                var port = security == "tls" ? 465 : 587
                if let text = reader.text(mail, "port", required: false, owner: mailNode) {
                    if let number = Int(text), (1...65535).contains(number) {
                        port = number
                    } else {
                        reader.problem(
                            mail["port"],
                            .en("\"port\" must be a number from 1 to 65535", nl: "\"port\" moet een getal van 1 tot 65535 zijn"))
                    }
                }
                let from = reader.text(mail, "from", required: true, owner: mailNode)
                let to = list(mail["to"], "to")
                if to.isEmpty { reader.problem(mailNode, .en("\"to\" is missing", nl: "\"to\" ontbreekt")) }
                for address in [from].compactMap({ $0 }) + to where !address.contains("@") || address.contains(" ") {
                    reader.problem(
                        mailNode, .en("\"\(address)\" is not an e-mail address", nl: "\"\(address)\" is geen e-mailadres"))
                }
                if let host, let from {
                    email = Email(
                        host: host, port: port, security: security, from: from, to: to,
                        credentials: path(reader.text(mail, "credentials", required: false, owner: mailNode)))
                }
            }
        }
        guard reader.problems.isEmpty, let targets else { throw error(reader.problems, file: file) }
        return MonitorPlan(
            name: name, locale: locale, refresh: refresh, importFolder: importFolder, indicatorFile: indicatorFile,
            targets: targets, reports: reports, email: email, webhook: webhook, file: file)
    }

    private static func error(_ problems: [YAMLReader.Problem], file: String) -> ModelError {
        ModelError(
            .invalidMonitorFile, subject: file, reason: YAMLReader.listed(problems),
            hint: .en(
                "\nFix them and run again (format: docs/monitor.md)",
                nl: "\nVerbeter ze en probeer het opnieuw (indeling: docs/monitor.md)"))
    }
}
