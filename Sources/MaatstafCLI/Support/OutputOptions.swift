import ArgumentParser
import MaatstafCompare
import MaatstafCore
import MaatstafReport

/// How a command that prints a result writes it: the format, the reader's language and where to.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @OptionGroup var language: LocaleOption

    var locale: ReportLocale { language.locale }

    @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    /// Renders `result` in the chosen format and writes it.
    func write(_ result: some CommandResult) throws {
        let text: String
        switch format {
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
}

extension CompareReport: CommandResult {
    func renderJSON() throws -> String { try CompareJSON(comparison, locale: locale).encoded() }
}

extension RankReport: CommandResult {}

extension TrendReport: CommandResult {
    func renderJSON() throws -> String { try TrendJSON(series, locale: locale).encoded() }
}

extension BudgetExecutionReport: CommandResult {
    func renderJSON() throws -> String { try BudgetExecutionJSON(execution, locale: locale).encoded() }
}
