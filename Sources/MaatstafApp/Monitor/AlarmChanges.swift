public import Foundation
public import MaatstafCompare
public import MaatstafCore
import MaatstafReport

/// The alarms of a check, and what changed since a channel was last told: the monitor tells a new alarm once and an
/// alarm gone once, never the same alarm every run.
public struct AlarmChanges: Sendable, Equatable {
    /// An alarm: its identity across runs and the line that says it, in the reader's language.
    public struct Alarm: Sendable, Equatable, Codable {
        public var key: String
        public var line: String
    }

    public var new: [Alarm]
    public var resolved: [Alarm]

    public var isEmpty: Bool { new.isEmpty && resolved.isEmpty }

    /// Key → line of every missed target and breached norm. A target is one per municipality and indicator (the one
    /// that applies now), a norm one per rule.
    public static func alarms(_ results: [CheckResult], locale: ReportLocale) -> [String: String] {
        let report = CheckReport(results, locale: locale)
        var alarms: [String: String] = [:]
        for result in results where result.status == .missed {
            let kind: String
            switch result.subject {
            case .target: kind = "target"
            case .norm(let norm, _): kind = "norm \(norm.rule)"
            }
            alarms["\(result.municipality.code)|\(result.indicator.id)|\(kind)"] = report.line(result)
        }
        return alarms
    }

    /// What changed between what a channel was told and the alarms now.
    public static func between(told: [String: String], now: [String: String]) -> AlarmChanges {
        AlarmChanges(
            new: now.keys.filter { told[$0] == nil }.sorted().map { Alarm(key: $0, line: now[$0]!) },
            resolved: told.keys.filter { now[$0] == nil }.sorted().map { Alarm(key: $0, line: told[$0]!) })
    }

    /// The e-mail's subject and text, in the reader's language.
    public func mail(monitor: String, summary: String, locale: ReportLocale) -> (subject: String, body: String) {
        let nl = locale == .nl
        let subject =
            nl
            ? "maatstaf \(monitor): \(new.count) nieuw\(new.count == 1 ? "" : "e") alarm\(new.count == 1 ? "" : "en"), \(resolved.count) opgelost"
            : "maatstaf \(monitor): \(new.count) new alarm\(new.count == 1 ? "" : "s"), \(resolved.count) resolved"
        var lines: [String] = []
        if !new.isEmpty {
            lines.append(nl ? "Nieuw:" : "New:")
            lines += new.map { "  " + $0.line }
            lines.append("")
        }
        if !resolved.isEmpty {
            lines.append(nl ? "Opgelost (gold bij de vorige melding):" : "Resolved (as it stood when last told):")
            lines += resolved.map { "  " + $0.line }
            lines.append("")
        }
        lines.append(nl ? "Alle controles nu: \(summary)" : "All checks now: \(summary)")
        lines.append("")
        lines.append(
            nl
                ? "Deze melding komt van maatstaf monitor (\(monitor)); ze zegt alleen wat sinds de vorige melding veranderde."
                : "This notice comes from maatstaf monitor (\(monitor)); it says only what changed since the last notice.")
        return (subject, lines.joined(separator: "\n"))
    }

    /// The webhook's JSON (`maatstaf.monitor/1`).
    public func json(monitor: String, summary: String) throws -> Data {
        struct Body: Encodable {
            var schema = "maatstaf.monitor/1"
            var monitor: String
            var new: [Alarm]
            var resolved: [Alarm]
            var summary: String
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Body(monitor: monitor, new: new, resolved: resolved, summary: summary))
    }
}
