import ArgumentParser
import MaatstafReport
import MaatstafStore

/// `maatstaf describe`: what a fetched CBS table holds.
struct DescribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Show a fetched CBS table: title, period, rows, dimensions and topics with their units.",
        discussion: "Topic keys are shown with their stem (without CBS's numeric suffix), which indicator files use.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A CBS table id in the store (see `maatstaf fetch`).")
    var table: String

    @Option(help: "Output: table, csv, json or markdown.")
    var format: OutputFormat = .table

    struct Description: Encodable {
        var table: CBSTableRecordJSON
        var properties: [PropertyJSON]
    }

    struct CBSTableRecordJSON: Encodable {
        var id, catalog, title: String
        var period, modified: String?
        var recordCount: Int?
        var rows: Int
        var fetchedAt: String
    }

    struct PropertyJSON: Encodable {
        var key, stem, kind, title: String
        var unit: String?
    }

    func run() async throws {
        let store = try global.openStore()
        guard let record = try store.cbsTables().first(where: { $0.id == table }) else {
            let known = try store.cbsTables().map(\.id)
            throw ValidationError("Table \(table) is not in the store (ids are case-sensitive). "
                + (known.isEmpty ? "Fetch it with `maatstaf fetch \(table)`." : "Stored: \(known.joined(separator: ", ")); or fetch it with `maatstaf fetch \(table)`."))
        }
        let properties = try store.cbsProperties(table: table)
        var output = Table(columns: [.init("key"), .init("stem"), .init("kind"), .init("title"), .init("unit")])
        output.rows = properties.map { [$0.key, $0.keyStem, $0.kind, $0.title, $0.unit ?? ""] }
        output.notes = [
            "\(record.id): \(record.title) — period \(record.period ?? "?"), modified \(record.modified ?? "?"), "
                + "\(record.rows) rows (announced: \(record.recordCount.map(String.init) ?? "not announced")), fetched \(record.fetchedAt) from \(record.catalog).",
            Attribution.cbs + ".",
        ]
        let json = Description(
            table: CBSTableRecordJSON(id: record.id, catalog: record.catalog, title: record.title, period: record.period,
                                      modified: record.modified, recordCount: record.recordCount, rows: record.rows,
                                      fetchedAt: record.fetchedAt),
            properties: properties.map { PropertyJSON(key: $0.key, stem: $0.keyStem, kind: $0.kind, title: $0.title, unit: $0.unit) })
        try emit(output, format: format, json: json)
    }
}
