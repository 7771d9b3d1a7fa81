import Foundation
public import MaatstafCompare
public import MaatstafCore
import MaatstafModel

/// Everything for analysts in one tidy table: one row per municipality × indicator × period × reference group, with
/// the value, numerator, denominator, interval, status and source, and the group's rate beside it. Column names and
/// JSON keys are stable (documented in docs/export-all.md); a missing value is an empty cell or `null` with its
/// status, never 0.
///
/// Why text a comparison at a time: `export-all` writes each batch of comparisons as soon as it is computed, so its
/// memory stays flat however many rows the file gets (a whole table and one string of it cost 2.6 KB a row).
public struct TidyExport: Sendable {
    public static let columns: [DataTable.Column] = [
        .init("indicator"), .init("unit"), .init("year", .count), .init("document"), .init("code"), .init("municipality"),
        .init("value", .number(decimals: 6)), .init("numerator", .number(decimals: 2)),
        .init("denominator", .number(decimals: 2)), .init("interval_lower", .number(decimals: 6)),
        .init("interval_upper", .number(decimals: 6)), .init("status"), .init("rank", .count),
        .init("ranked", .count), .init("reference_kind"), .init("reference_code"), .init("reference"),
        .init("reference_rate", .number(decimals: 6)), .init("reference_members", .count),
        .init("reference_counted", .count), .init("source"), .init("source_sha256"),
    ]

    /// How the file is written: CSV in a dialect, or JSON Lines.
    public enum Format: Sendable {
        case csv(CSVDialect)
        case jsonLines
    }

    public let format: Format
    /// The language of the unit's words in the rows.
    public let locale: ReportLocale

    public init(format: Format, locale: ReportLocale) {
        self.format = format
        self.locale = locale
    }

    /// What the file starts with: the CSV dialect's preamble and the header row; nothing for JSON Lines.
    public var head: String {
        switch format {
        case .csv(let dialect): dialect.preamble + DataTable(name: "maatstaf", columns: Self.columns).renderCSV(dialect)
        case .jsonLines: ""
        }
    }

    /// The lines of one comparison (every municipality of a year, against its groups), each ending in its line break.
    public func lines(_ comparison: Comparison) -> String {
        var table = DataTable(name: "maatstaf", columns: Self.columns)
        table.rows = Self.rows(comparison, locale: locale)
        switch format {
        case .csv(let dialect): return table.renderCSV(dialect, header: false)
        case .jsonLines: return JSONLines.render(table)
        }
    }

    /// One comparison's rows, a cell per column.
    public static func rows(_ comparison: Comparison, locale: ReportLocale) -> [[DataTable.Cell]] {
        let indicator = comparison.indicator
        let source = comparison.data.sources.map(\.table).joined(separator: "; ")
        let checksums = comparison.data.sources.compactMap(\.sha256).joined(separator: " ")
        var rows: [[DataTable.Cell]] = []
        for municipality in comparison.municipalities {
            let observation = municipality.observation
            for reference in municipality.references {
                let summary = reference.summary
                rows.append([
                    .text(indicator.id), .text(indicator.unit.text(locale)), .whole(comparison.year),
                    .text(comparison.data.document?.rawValue ?? ""), .text(municipality.profile.code),
                    .text(municipality.profile.name), .value(observation.okValue), .value(observation.numerator),
                    .value(observation.denominator), .value(municipality.interval?.lower),
                    .value(municipality.interval?.upper), .text(CompareReport.statusCode(observation.status)),
                    .whole(municipality.rank), .whole(municipality.rankedCount),
                    .text(ReferenceKind.of(summary.group.group)), .text(ReferenceKind.code(of: summary.group) ?? ""),
                    .text(summary.group.label), .value(summary.rate), .whole(summary.group.members.count),
                    .whole(summary.distribution?.count ?? 0), .text(source), .text(checksums),
                ])
            }
        }
        return rows
    }
}
