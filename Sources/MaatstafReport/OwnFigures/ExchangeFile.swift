public import MaatstafCore

/// The exchange file of a benchmark club (`maatstaf share`): one row per figure with whose it is, its period, the
/// measure's unit and definition and the file it came from. Its columns are ones `maatstaf import` reads — the code
/// first, so a partner's import resolves the municipality by code, never by a name that two municipalities share.
public struct ExchangeFile: TabularResult, Sendable {
    public var rows: [OwnExchangeRow]
    public var locale: ReportLocale

    public init(_ rows: [OwnExchangeRow], locale: ReportLocale) {
        self.rows = rows
        self.locale = locale
    }

    /// The column names in the reader's language; `maatstaf import` reads both.
    var keys: [String] {
        locale == .nl
            ? ["code", "gemeente", "periode", "maat", "waarde", "eenheid", "definitie", "bron"]
            : ["code", "municipality", "period", "measure", "value", "unit", "definition", "source"]
    }

    /// Enough decimals for every value as imported (at most 6), so the file carries the figures unrounded.
    var decimals: Int {
        rows.map { row in
            (0...6).first { abs(row.value * pow10($0) - (row.value * pow10($0)).rounded()) < 1e-9 } ?? 6
        }.max() ?? 0
    }

    private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { result, _ in result * 10 } }

    public var dataTables: [DataTable] {
        var columns = keys.map { DataTable.Column($0) }
        columns[4] = DataTable.Column(keys[4], .number(decimals: decimals))
        var table = DataTable(name: locale == .nl ? "Uitwisseling" : "Exchange", columns: columns)
        table.rows = rows.map { row in
            [
                .text(row.code), .text(row.name), .text(row.period.code), .text(row.measure), .number(row.value),
                .text(row.unit), .text(row.definition), .text(row.source),
            ]
        }
        return [table]
    }

    public var sheetNotes: [String] {
        [
            locale == .nl
                ? "Uitwisselbestand van maatstaf (docs/own-data.md): een partner leest het in met de opdracht import. Eigen cijfers van de genoemde gemeenten, niet van CBS."
                : "maatstaf exchange file (docs/own-data.md): a partner reads it in with the import command. The named municipalities' own figures, not CBS's."
        ]
    }

    public func renderText() -> String { textTable.renderText() }

    public func renderMarkdown() -> String { textTable.renderMarkdown() }

    /// The rows for people: values in the reader's number format, the file's note under them.
    var textTable: Table {
        var table = Table(columns: keys.map { Table.Column($0) })
        let format = NumberFormat(locale: locale)
        table.rows = rows.map { row in
            [
                row.code, row.name, row.period.code, row.measure, format.number(row.value, decimals: decimals), row.unit,
                row.definition, row.source,
            ]
        }
        table.notes = sheetNotes
        return table
    }

    struct Entry: Encodable {
        var code: String
        var municipality: String
        var period: String
        var measure: String
        var value: Double
        var unit: String
        var definition: String
        var source: String
    }

    public func renderJSON() throws -> String {
        try JSONOutput.encode(
            rows.map {
                Entry(
                    code: $0.code, municipality: $0.name, period: $0.period.code, measure: $0.measure, value: $0.value,
                    unit: $0.unit, definition: $0.definition, source: $0.source)
            })
    }
}
