import Foundation
public import MaatstafCompare
public import MaatstafCore
import MaatstafModel

/// Everything for analysts in one tidy table: one row per municipality × indicator × period × reference group, with
/// the value, numerator, denominator, interval, status and source, and the group's rate beside it. Column names and
/// JSON keys are stable (documented in docs/export-all.md); a missing value is an empty cell or `null` with its
/// status, never 0.
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

    public private(set) var table = DataTable(name: "maatstaf", columns: TidyExport.columns)

    public init() {}

    /// Adds one comparison (every municipality of a year, against its groups).
    public mutating func add(_ comparison: Comparison, locale: ReportLocale) {
        let indicator = comparison.indicator
        let source = comparison.data.sources.map(\.table).joined(separator: "; ")
        let checksums = comparison.data.sources.compactMap(\.sha256).joined(separator: " ")
        for municipality in comparison.municipalities {
            let observation = municipality.observation
            for reference in municipality.references {
                let summary = reference.summary
                let row: [DataTable.Cell] = [
                    .text(indicator.id), .text(indicator.unit.text(locale)), .whole(comparison.year),
                    .text(comparison.data.document?.rawValue ?? ""), .text(municipality.profile.code),
                    .text(municipality.profile.name), .value(observation.okValue), .value(observation.numerator),
                    .value(observation.denominator), .value(municipality.interval?.lower),
                    .value(municipality.interval?.upper), .text(CompareReport.statusCode(observation.status)),
                    .whole(municipality.rank), .whole(municipality.rankedCount),
                    .text(ReferenceKind.of(summary.group.group)), .text(ReferenceKind.code(of: summary.group) ?? ""),
                    .text(summary.group.label), .value(summary.rate), .whole(summary.group.members.count),
                    .whole(summary.distribution?.count ?? 0), .text(source), .text(checksums),
                ]
                table.rows.append(row)
            }
        }
    }

    /// JSON Lines: one object per row, keys sorted, `null` for an empty cell.
    public func renderJSONLines() -> String {
        var out = ""
        for row in table.rows {
            var object: [String: Any] = [:]
            for (column, cell) in zip(table.columns, row) {
                switch cell {
                case .text(let text): object[column.key] = text
                case .number(let value): object[column.key] = value
                case .empty: object[column.key] = NSNull()
                }
            }
            if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) {
                out += String(decoding: data, as: UTF8.self) + "\n"
            }
        }
        return out
    }
}
