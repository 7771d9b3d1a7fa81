public import ArgumentParser
import MaatstafCore
import MaatstafModel

/// Options shared by the commands that compute an indicator (`compare`, `rank`).
struct IndicatorOptions: ParsableArguments {
    @Option(help: "The indicator id (see `maatstaf indicators list`).")
    var indicator: String

    @Option(help: "Year (default: the latest year with data for the indicator).")
    var year: Int?

    @Option(help: "Output: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @Option(help: "Language and number format: en (€1,234.56) or nl (€ 1.234,56; CSV with ; for Dutch Excel).")
    var locale: ReportLocale = .en

    @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?
}

extension ReportLocale: ExpressibleByArgument {}
