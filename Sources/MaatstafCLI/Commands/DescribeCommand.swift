import ArgumentParser
import MaatstafApp
import MaatstafCore
import MaatstafReport

/// `maatstaf describe`: what a fetched CBS table holds.
struct DescribeCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "describe",
            abstract: ReaderLanguage.text(
                en: "Show a fetched CBS table: title, period, rows, dimensions and topics with their units.",
                nl: "Toon een opgehaalde CBS-tabel: titel, periode, rijen, dimensies en onderwerpen met hun eenheden."),
            discussion: ReaderLanguage.text(
                en: "Topic keys are shown with their stem (without CBS's numeric suffix), which indicator files use.",
                nl:
                    "Onderwerpsleutels staan er met hun stam bij (zonder het volgnummer van CBS), die indicatorbestanden gebruiken."
            ))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "A CBS table id in the store (see `maatstaf fetch`).",
                nl: "Een CBS-tabelcode in de opslag (zie `maatstaf fetch`).")))
    var table: String

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
        /// Dimensions only: distinct codes in the stored rows.
        var codes: Int?
    }

    func run() async throws {
        let (record, properties, counts) = try StoredTables(store: try global.openStore()).describe(table)
        let nl = output.locale == .nl
        var listing = Table(columns: [
            .init(nl ? "sleutel" : "key"), .init(nl ? "stam" : "stem"), .init(nl ? "soort" : "kind"),
            .init(nl ? "titel" : "title"), .init(nl ? "eenheid" : "unit"), .init("codes", .right),
        ])
        listing.rows = properties.map { property in
            // Dimensions: codes in the stored rows, and in CBS's code list when it was served.
            let codes =
                counts[property.key].map {
                    $0.listed > 0 && $0.listed != $0.used ? "\($0.used) \(nl ? "van" : "of") \($0.listed)" : String($0.used)
                } ?? ""
            return [property.key, property.keyStem, property.kind, property.title, property.unit ?? "", codes]
        }
        listing.notes = [
            nl
                ? "\(record.id): \(record.title) — periode \(record.period ?? "?"), gewijzigd \(record.modified ?? "?"), "
                    + "\(record.rows) rijen (aangekondigd: \(record.recordCount.map(String.init) ?? "niet aangekondigd")), opgehaald \(record.fetchedAt) uit \(record.catalog)."
                : "\(record.id): \(record.title) — period \(record.period ?? "?"), modified \(record.modified ?? "?"), "
                    + "\(record.rows) rows (announced: \(record.recordCount.map(String.init) ?? "not announced")), fetched \(record.fetchedAt) from \(record.catalog).",
            Attribution.cbs + ".",
        ]
        let json = Description(
            table: CBSTableRecordJSON(
                id: record.id, catalog: record.catalog, title: record.title, period: record.period,
                modified: record.modified, recordCount: record.recordCount, rows: record.rows,
                fetchedAt: record.fetchedAt),
            properties: properties.map {
                PropertyJSON(
                    key: $0.key, stem: $0.keyStem, kind: $0.kind, title: $0.title, unit: $0.unit,
                    codes: counts[$0.key]?.used)
            })
        try output.write(Listing(listing, name: record.id, locale: output.locale, json: json))
    }
}
