import Foundation
public import MaatstafCompare
public import MaatstafCore
import MaatstafModel

/// `maatstaf check` written out: one line per target and norm with its status word first (for a person, a log or
/// grep), a summary, and JSON (`maatstaf.check/1`) for a scheduler.
public struct CheckReport: Sendable {
    public let results: [CheckResult]
    public let locale: ReportLocale

    public init(_ results: [CheckResult], locale: ReportLocale) {
        self.results = results
        self.locale = locale
    }

    private var nl: Bool { locale == .nl }

    /// The results worst first: missed, no value, near, met.
    public var ordered: [CheckResult] {
        results.enumerated().sorted { a, b in
            (Self.rank(a.element), a.offset) < (Self.rank(b.element), b.offset)
        }.map(\.element)
    }

    static func rank(_ result: CheckResult) -> Int {
        switch result.status {
        case .missed: 0
        case nil: 1
        case .withinMargin: 2
        case .met: 3
        }
    }

    func word(_ result: CheckResult) -> String {
        let isNorm: Bool
        if case .norm = result.subject { isNorm = true } else { isNorm = false }
        switch result.status {
        case .missed: return isNorm ? (nl ? "ALARM" : "BREACH") : (nl ? "GEMIST" : "MISSED")
        case .withinMargin: return nl ? "BIJNA" : "NEAR"
        case .met: return isNorm ? (nl ? "GOED" : "FINE") : (nl ? "GEHAALD" : "MET")
        case nil: return nl ? "GEEN WAARDE" : "NO VALUE"
        }
    }

    public func line(_ result: CheckResult) -> String {
        let style = ValueStyle(indicator: result.indicator, locale: locale)
        let wording = NoteWording(locale: locale)
        let what = "\(result.municipality.name) \(result.indicator.id) \(result.year == 0 ? "" : String(result.year))"
        let value = result.value.map { style.value($0) } ?? (result.missing.map(wording.reason) ?? "–")
        var rule: String
        var location: String
        switch result.subject {
        case .target(let evaluation):
            let applied = evaluation.applied
            let bound = applied.bound == .atMost ? (nl ? "hoogstens" : "at most") : (nl ? "minstens" : "at least")
            let level: String
            switch applied.relative {
            case nil: level = style.value(applied.value)
            case .group(let kind):
                level =
                    ReportLabels(locale: locale).groupRate(kind)
                    + (evaluation.unresolved == nil ? " (\(style.value(applied.value)))" : "")
            case .change(let percent, let from):
                level =
                    NumberFormat(locale: locale).percent(percent) + (nl ? " t.o.v. \(from)" : " on \(from)")
                    + (evaluation.unresolved == nil ? " (\(style.value(applied.value)))" : "")
            }
            rule = (nl ? "doel \(bound) \(level)" : "target \(bound) \(level)")
            if applied.year != result.year { rule += nl ? " (het doel voor \(applied.year))" : " (the \(applied.year) target)" }
            location = applied.location
        case .norm(let norm, let threshold):
            switch norm.rule {
            case .aboveGroup(let kind, let percent):
                rule =
                    nl
                    ? "alarm boven \(ReportLabels(locale: locale).groupRate(kind)) \(NumberFormat(locale: locale).percent(percent))"
                    : "alarm above \(ReportLabels(locale: locale).groupRate(kind)) \(NumberFormat(locale: locale).percent(percent))"
            case .aboveRecentMaximum(let months):
                rule =
                    nl
                    ? "alarm boven het hoogste van de \(months) maanden ervoor"
                    : "alarm above the highest of the \(months) months before"
            case .worseAndWorsening(let kind, let periods):
                let group = ReportLabels(locale: locale).groupRate(kind)
                rule =
                    nl
                    ? "alarm als slechter dan \(group) (buiten de onzekerheid) én bij elke stap van de laatste \(periods) perioden slechter"
                    : "alarm when worse than \(group) (beyond its uncertainty) and worse at every step of the last \(periods) periods"
            case .growth(let percent):
                rule =
                    nl
                    ? "alarm bij groei boven \(NumberFormat(locale: locale).percent(percent)) t.o.v. een jaar eerder"
                    : "alarm at growth above \(NumberFormat(locale: locale).percent(percent)) on a year earlier"
            }
            if let threshold { rule += " (\(style.value(threshold)))" }
            location = norm.location
        }
        return
            "\(word(result).padding(toLength: nl ? 11 : 8, withPad: " ", startingAt: 0)) \(what): \(value); \(rule) — \(location)"
    }

    /// One line per result, in the given order (beside a table: which target applies to which value).
    public var lines: [String] { results.map(line) }

    public var summary: String {
        let missed = results.filter { $0.status == .missed }.count
        let near = results.filter { $0.status == .withinMargin }.count
        let met = results.filter { $0.status == .met }.count
        let none = results.filter { $0.status == nil }.count
        return nl
            ? "\(results.count) controle(s): \(missed) gemist of alarm, \(near) bijna, \(met) in orde, \(none) zonder waarde."
            : "\(results.count) check(s): \(missed) missed or breached, \(near) near, \(met) fine, \(none) without a value."
    }

    /// The lines (only breaches, near-breaches and missing values when `alertsOnly`) and the summary.
    public func renderText(alertsOnly: Bool) -> String {
        let labels = ReportLabels(locale: locale)
        var lines: [String] = []
        var said: Set<String> = []
        for result in ordered where !alertsOnly || result.status != .met {
            lines.append(line(result))
            // Under the first line of a monitor's figure: where the monitor stands, once per municipality and figure.
            if let monitor = result.monitor, said.insert("\(result.municipality.code)|\(result.indicator.id)").inserted {
                let style = ValueStyle(indicator: result.indicator, locale: locale)
                lines.append(
                    "            " + labels.monitorLines(result.municipality.name, monitor, style: style).joined(separator: " "))
            }
        }
        return (lines + [summary]).joined(separator: "\n") + "\n"
    }

    public func renderJSON() throws -> String {
        struct Entry: Encodable {
            var kind: String
            var status: String
            var municipality: String
            var code: String
            var indicator: String
            var year: Int
            var value: Nullable<Double>
            var bound: Nullable<Double>
            var targetYear: Nullable<Int>
            var reason: Nullable<String>
            var location: String
            var line: String
        }
        struct Document: Encodable {
            var schema = "maatstaf.check/1"
            var results: [Entry]
            var summary: [String: Int]
        }
        let wording = NoteWording(locale: locale)
        let entries = ordered.map { result -> Entry in
            var bound: Double?
            var targetYear: Int?
            var location = ""
            var kind = "target"
            switch result.subject {
            case .target(let evaluation):
                bound = evaluation.unresolved == nil ? evaluation.applied.value : nil
                targetYear = evaluation.applied.year
                location = evaluation.applied.location
            case .norm(let norm, let threshold):
                kind = "norm"
                bound = threshold
                location = norm.location
            }
            let status: String =
                switch result.status {
                case .missed: "missed"
                case .withinMargin: "near"
                case .met: "met"
                case nil: "no-value"
                }
            return Entry(
                kind: kind, status: status, municipality: result.municipality.name, code: result.municipality.code,
                indicator: result.indicator.id, year: result.year, value: Nullable(result.value), bound: Nullable(bound),
                targetYear: Nullable(targetYear), reason: Nullable(result.missing.map(wording.reason)), location: location,
                line: line(result))
        }
        var summary: [String: Int] = ["missed": 0, "near": 0, "met": 0, "no-value": 0]
        for entry in entries { summary[entry.status, default: 0] += 1 }
        return try JSONOutput.encode(Document(results: entries, summary: summary))
    }
}
