public import MaatstafCore

/// The one writer per format: a result becomes the bytes of a file in the format asked for.
///
/// The CSV dialect (separator, decimal mark, byte-order mark) is decided here and in `CSVDialect` only, so every
/// command and the dashboard write the same CSV and the same workbook for the same table.
public enum ResultWriter {
    public static func bytes(_ result: some TabularResult, as format: OutputFormat) throws -> [UInt8] {
        switch format {
        case .table: return Array(result.renderText().utf8)
        case .markdown: return Array(result.renderMarkdown().utf8)
        case .json: return Array(try result.renderJSON().utf8)
        case .csv: return Array(csv(result.csvTable, locale: result.locale).utf8)
        case .xlsx: return try SpreadsheetWriter.workbook(result.dataTables, notes: result.sheetNotes, locale: result.locale)
        case .jsonl, .html: throw UnsupportedFormat(format: format, offered: OutputFormat.tabular)
        }
    }

    /// A whole CSV file of one table: the dialect's preamble, then the rows.
    public static func csv(_ table: DataTable?, locale: ReportLocale) -> String {
        let dialect = CSVDialect(locale)
        return dialect.preamble + (table?.renderCSV(dialect) ?? "")
    }
}

/// A format the result cannot be written in; the CLI refuses it before running, so this guards the dashboard and
/// tests.
public struct UnsupportedFormat: MaatstafError {
    public var format: OutputFormat
    public var offered: [OutputFormat]
    public var subject: String { format.rawValue }
    public var reason: LocalizedText {
        .en(
            "is not a format this output can be written in",
            nl: "is geen indeling waarin deze uitvoer geschreven kan worden")
    }
    public var hint: Advice {
        let list = offered.map(\.rawValue).joined(separator: ", ")
        return .en("Choose one of: \(list)", nl: "Kies een van: \(list)")
    }
    public var category: ErrorCategory { .badInput }
}
