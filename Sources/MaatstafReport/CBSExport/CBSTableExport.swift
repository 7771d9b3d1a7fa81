import Foundation
public import MaatstafCore
import MaatstafModel
import MaatstafSources

/// A fetched CBS table written back out for R, pandas or Excel.
///
/// `rows` is the layout of CBS's `TypedDataSet`: one row per combination of dimension codes (trimmed), one column per
/// topic, a missing value empty in CSV and `null` in JSON — never 0 — and a `status` column that says why, where a
/// cell is secret, unknown or not applicable. `cells` is the long layout: one line per cell.
public struct CBSTableExport: Sendable {
    public enum Layout: String, Sendable, CaseIterable {
        case rows
        case cells
    }

    public let table: CBSTableRecord
    public let properties: [CBSPropertyRecord]
    public let columns: CBSStoredColumns
    public let locale: ReportLocale
    /// Period codes CBS marks provisional (`Voorlopig`, `Nader voorlopig`), from the period code list.
    public let provisionalPeriods: Set<String>

    public init(
        table: CBSTableRecord, properties: [CBSPropertyRecord], columns: CBSStoredColumns, locale: ReportLocale,
        periodCodes: [CBSDimensionCode] = []
    ) {
        self.table = table
        self.properties = properties
        self.columns = columns
        self.locale = locale
        provisionalPeriods = Set(periodCodes.filter { ($0.status ?? "").lowercased().contains("voorlopig") }.map(\.key))
    }

    private var periodCodes: [String]? { columns.dimensions.first { $0.role == "period" }?.codes }

    private func isProvisional(row: Int) -> Bool {
        guard !provisionalPeriods.isEmpty, let periods = periodCodes else { return false }
        return provisionalPeriods.contains(periods[row])
    }

    private var decimals: [String: Int] {
        Dictionary(properties.map { ($0.key, $0.decimals ?? 2) }, uniquingKeysWith: { first, _ in first })
    }

    /// What a reader must know about a row: `provisional` when CBS marks its period so, and why cells have no value
    /// (`Aantal_1=secret; Bedrag_2=unknown`); empty when every cell is a definitive value.
    private func status(row: Int) -> String {
        ((isProvisional(row: row) ? ["provisional"] : [])
            + columns.topics.compactMap { topic -> String? in
                let value = topic.values[row]
                guard value.number == nil, value.text == nil else { return nil }
                return "\(topic.key)=\(value.statusWord)"
            }).joined(separator: "; ")
    }

    /// The whole CSV file in the reader's dialect (`CSVDialect`), preamble included.
    public func csv(layout: Layout) -> String {
        let dialect = CSVDialect(locale)
        let format = NumberFormat(locale: locale)
        let decimals = self.decimals
        var output: Table
        switch layout {
        case .rows:
            output = Table(
                columns: (columns.dimensions.map(\.key) + columns.topics.map(\.key) + ["status"]).map { Table.Column($0) })
            output.rows.reserveCapacity(columns.rowCount)
            for row in 0..<columns.rowCount {
                output.rows.append(
                    columns.dimensions.map { $0.codes[row] }
                        + columns.topics.map { topic in
                            topic.values[row].text ?? format.csv(topic.values[row].number, decimals: decimals[topic.key] ?? 2)
                        }
                        + [status(row: row)])
            }
        case .cells:
            output = Table(columns: ["region", "period", "other", "topic", "value", "status"].map { Table.Column($0) })
            let region = columns.dimensions.first { $0.role == "region" }?.codes
            let period = columns.dimensions.first { $0.role == "period" }?.codes
            let others = columns.dimensions.filter { $0.role == "other" }
            for row in 0..<columns.rowCount {
                let other = others.map { "\($0.key)=\($0.codes[row])" }.joined(separator: "|")
                for topic in columns.topics {
                    let value = topic.values[row]
                    let word = value.statusWord
                    output.rows.append([
                        region?[row] ?? "", period?[row] ?? "", other, topic.key,
                        value.text ?? format.csv(value.number, decimals: decimals[topic.key] ?? 2),
                        isProvisional(row: row) ? word + "; provisional" : word,
                    ])
                }
            }
        }
        return dialect.preamble + output.renderCSV(dialect)
    }

    /// `{"table": …, "title": …, "source": "Bron: CBS (CC BY 4.0)", "value": [{…}, …]}`, the shape of an OData page,
    /// with `null` for a missing value and a `status` object naming why (absent when every cell has a value).
    public func json() -> String {
        var out = "{\n"
        out += "  \"table\": \(Self.quoted(table.id)),\n  \"title\": \(Self.quoted(table.title)),\n"
        out += "  \"fetchedAt\": \(Self.quoted(table.fetchedAt)),\n  \"source\": \(Self.quoted(Attribution.cbs)),\n"
        out += "  \"value\": ["
        for row in 0..<columns.rowCount {
            var fields = columns.dimensions.map { "\(Self.quoted($0.key)): \(Self.quoted($0.codes[row]))" }
            fields += columns.topics.map { topic in
                let value = topic.values[row]
                return "\(Self.quoted(topic.key)): \(value.text.map(Self.quoted) ?? value.number.map(Self.number) ?? "null")"
            }
            var status = columns.topics.filter { $0.values[row].number == nil && $0.values[row].text == nil }
                .map { "\(Self.quoted($0.key)): \(Self.quoted($0.values[row].statusWord))" }
            if isProvisional(row: row) { status.insert("\"provisional\": true", at: 0) }
            if !status.isEmpty { fields.append("\"status\": {" + status.joined(separator: ", ") + "}") }
            out += (row == 0 ? "\n" : ",\n") + "    {" + fields.joined(separator: ", ") + "}"
        }
        out += columns.rowCount == 0 ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    /// A JSON number: integers without a fraction, others in Swift's shortest round-trip form.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0}"..."\u{1F}": out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
