import ArgumentParser
import MaatstafModel
import MaatstafReport
import MaatstafStore

/// `maatstaf export`: a fetched CBS table as CSV, one row per cell, with its status.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a fetched CBS table as CSV: one row per cell, missing cells with their status (never 0).",
        discussion: """
            Columns: region, period, other dimensions (key=code|…), topic, value, status (ok, unknown, secret, \
            not-applicable). --locale nl writes ; and decimal commas for Dutch Excel.
            Example: maatstaf export 85984NED --locale nl --output kwb.csv
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A CBS table id in the store.")
    var table: String

    @Option(help: "en (, and decimal point) or nl (; and decimal comma).")
    var locale: ReportLocale = .en

    @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    func run() async throws {
        let store = try global.openStore()
        guard try store.cbsTables().contains(where: { $0.id == table }) else {
            throw ValidationError("Table \(table) is not in the store (ids are case-sensitive). Fetch it with `maatstaf fetch \(table)`.")
        }
        let decimals = Dictionary(try store.cbsProperties(table: table).map { ($0.key, $0.decimals ?? 2) }, uniquingKeysWith: { a, _ in a })
        let format = NumberFormat(locale: locale)
        var csv = Table(columns: ["region", "period", "other", "topic", "value", "status"].map { Table.Column($0) })
        csv.rows = try store.cbsExportRows(table: table).map {
            [$0.region ?? "", $0.period ?? "", $0.other, $0.topic, format.csv($0.value, decimals: decimals[$0.topic] ?? 2), $0.status]
        }
        try OutputFile.write(csv.renderCSV(separator: locale == .nl ? ";" : ","), to: output)
    }
}
