import ArgumentParser
import MaatstafCompare
import MaatstafCore
import MaatstafReport

/// How a command that prints a result writes it: the format, the reader's language and where to.
struct OutputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Output: table, csv, json, markdown, or xlsx (an Excel workbook, with --output; compare, rank, trend).",
                nl: "Uitvoer: table, csv, json, markdown of xlsx (een Excel-werkmap, met --output; compare, rank, trend).")))
    var format: OutputFormat = .table

    @OptionGroup var language: LocaleOption

    var locale: ReportLocale { language.locale }

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Write to this file instead of stdout.",
                nl: "Schrijf naar dit bestand in plaats van naar de standaarduitvoer."), valueName: "file"))
    var output: String?

    func validate() throws {
        if format == .xlsx && output == nil {
            throw ValidationError(
                en: "An Excel workbook belongs in a file: add --output NAME.xlsx.",
                nl: "Een Excel-werkmap hoort in een bestand: voeg --output NAAM.xlsx toe.")
        }
    }

    /// Renders `result` in the chosen format and writes it.
    func write(_ result: some CommandResult) throws {
        let text: String
        switch format {
        case .xlsx:
            guard let tables = result.dataTables, let output else {
                throw ValidationError(
                    en: "--format xlsx is available for compare, rank and trend; use --format csv here.",
                    nl: "--format xlsx is er voor compare, rank en trend; gebruik hier --format csv.")
            }
            try SpreadsheetWriter.write(tables, notes: result.sheetNotes, locale: locale, to: output)
            return
        case .table: text = result.renderText()
        case .markdown: text = result.renderMarkdown()
        // Dutch Excel opens a double-clicked CSV as UTF-8 only with a byte-order mark (else `Súdwest-Fryslân`
        // reads `SÃºdwest-FryslÃ¢n`); the `;`-separated nl CSV is the one made for it.
        case .csv: text = (locale == .nl ? "\u{FEFF}" : "") + result.renderCSV()
        case .json: text = try result.renderJSON()
        }
        try OutputFile.write(text, to: output)
    }
}

/// A result a command prints in every format `--format` offers.
protocol CommandResult {
    func renderText() -> String
    func renderMarkdown() -> String
    func renderCSV() -> String
    func renderJSON() throws -> String
    /// The tables an Excel workbook holds, typed; nil where the command has no workbook.
    var dataTables: [DataTable]? { get }
    /// The definitions, notes and sources the workbook's last sheet lists.
    var sheetNotes: [String] { get }
}

extension CommandResult {
    var dataTables: [DataTable]? { nil }
    var sheetNotes: [String] { [] }
}

extension CompareReport: CommandResult {
    var dataTables: [DataTable]? { [dataTable] }
    var sheetNotes: [String] { [heading] + table.notes }
    func renderJSON() throws -> String { try CompareJSON(comparison, locale: locale).encoded() }
}

extension RankReport: CommandResult {
    var dataTables: [DataTable]? { [dataTable] }
    var sheetNotes: [String] { [heading] + table.notes }
}

extension TrendReport: CommandResult {
    var dataTables: [DataTable]? { [dataTable] }
    var sheetNotes: [String] { notes }
    func renderJSON() throws -> String { try TrendJSON(series, locale: locale).encoded() }
}

extension BudgetExecutionReport: CommandResult {
    func renderJSON() throws -> String { try BudgetExecutionJSON(execution, locale: locale).encoded() }
}
