public import ArgumentParser
import MaatstafApp
import MaatstafCore
import MaatstafModel
import MaatstafReport

/// `maatstaf export`: a fetched CBS table back out, for R, pandas or Excel.
struct ExportCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export",
            abstract: ReaderLanguage.text(
                en: "Write a fetched CBS table as CSV or JSON in the layout of CBS's TypedDataSet.",
                nl: "Schrijf een opgehaalde CBS-tabel als CSV of JSON in de indeling van de TypedDataSet van CBS."),
            discussion: ReaderLanguage.text(
                en: """
                    Layout rows (the default): one row per combination of dimension codes (trimmed), one column per topic, \
                    and a status column saying when CBS marks the period provisional and naming the cells without a value \
                    (secret, unknown, not-applicable). A missing value is empty in CSV and null in JSON — never 0.
                    Layout cells: one line per cell (region, period, other dimensions as key=code|…, topic, value, status).
                    --locale nl writes ; and decimal commas for Dutch Excel.

                    Examples:
                      maatstaf export 85984NED --output kwb.csv
                      maatstaf export 85984NED --format json --output kwb.json
                      maatstaf export 85984NED --layout cells --locale nl --output kwb-cellen.csv
                    """,
                nl: """
                    Indeling rows (de standaard): één rij per combinatie van dimensiecodes (bijgesneden), één kolom per \
                    onderwerp, en een statuskolom die zegt wanneer CBS de periode voorlopig noemt en welke cellen geen \
                    waarde hebben (secret, unknown, not-applicable). Een ontbrekende waarde is leeg in CSV en null in JSON — \
                    nooit 0.
                    Indeling cells: één regel per cel (regio, periode, andere dimensies als sleutel=code|…, onderwerp, \
                    waarde, status).
                    --locale nl schrijft ; en decimale komma's voor Nederlandse Excel.

                    Voorbeelden:
                      maatstaf export 85984NED --output kwb.csv
                      maatstaf export 85984NED --format json --output kwb.json
                      maatstaf export 85984NED --layout cells --locale nl --output kwb-cellen.csv
                    """))
    }

    /// CSV in either layout, or JSON in the rows layout.
    static let formats: [OutputFormat] = [.csv, .json]

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "A CBS table id in the store (case-sensitive; `maatstaf tables --stored` lists them).",
                nl: "Een CBS-tabelcode in de opslag (hoofdletters tellen; `maatstaf tables --stored` noemt ze).")))
    var table: String

    @Option(
        name: .customLong("format"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "csv or json. Default: what --output's extension names, else csv.",
                nl: "csv of json. Standaard: wat de extensie van --output noemt, anders csv."),
            valueName: "format"),
        completion: .list(Self.formats.map(\.rawValue)),
        transform: { try OutputFormat.parse($0, offered: Self.formats) })
    var formatChoice: OutputFormat?

    /// `--format`, else what `--output`'s extension names, else CSV.
    var format: OutputFormat { formatChoice ?? output.flatMap(OutputFormat.init(fileName:)) ?? .csv }

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "rows (CBS's TypedDataSet layout) or cells (one line per cell; CSV only).",
                nl: "rows (de TypedDataSet-indeling van CBS) of cells (één regel per cel; alleen CSV).")))
    var layout: CBSTableExport.Layout = .rows

    @OptionGroup var language: LocaleOption

    var locale: ReportLocale { language.locale }

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Write to this file instead of stdout.",
                nl: "Schrijf naar dit bestand in plaats van naar de standaarduitvoer."), valueName: "file"))
    var output: String?

    func validate() throws {
        try OutputFormat.validate(formatChoice, output: output, offered: Self.formats)
        if format == .json && layout == .cells {
            throw ValidationError(
                en: "JSON is written in the rows layout only; leave out --layout cells.",
                nl: "JSON wordt alleen in de rijenindeling geschreven; laat --layout cells weg.")
        }
    }

    func run() async throws {
        let export = try StoredTables(store: try global.openStore()).export(table, locale: locale)
        try OutputFile.write(format == .json ? export.json() : export.csv(layout: layout), to: output)
    }
}

extension CBSTableExport.Layout: ExpressibleByArgument {}
