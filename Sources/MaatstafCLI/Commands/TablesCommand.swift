import ArgumentParser
import Foundation
import MaatstafApp
import MaatstafCore
import MaatstafReport
import MaatstafSources

/// `maatstaf tables`: find a CBS table by words in its title or summary.
struct TablesCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "tables",
            abstract: ReaderLanguage.text(
                en: "List or search the tables of a CBS catalog, to find the id to fetch.",
                nl: "Noem of doorzoek de tabellen van een CBS-catalogus, om de code te vinden die u ophaalt."),
            discussion: ReaderLanguage.text(
                en: """
                    Every word must occur in the table's id, title, short title or summary; case and accents do not matter \
                    (wmo clienten finds Wmo-cliënten). The catalog listing is cached: later searches work offline; \
                    --refresh asks CBS for a newer list.

                    Examples:
                      maatstaf tables --search wmo gemeenten
                      maatstaf tables --search kerncijfers wijken buurten
                      maatstaf tables --catalog dataderden --search iv3
                      maatstaf tables --stored
                    """,
                nl: """
                    Elk woord moet voorkomen in de code, titel, korte titel of samenvatting van de tabel; hoofdletters en \
                    accenten tellen niet (wmo clienten vindt Wmo-cliënten). De lijst van de catalogus wordt bewaard: latere \
                    zoekopdrachten werken offline; --refresh vraagt CBS om een nieuwere lijst.

                    Voorbeelden:
                      maatstaf tables --search wmo gemeenten
                      maatstaf tables --search kerncijfers wijken buurten
                      maatstaf tables --catalog dataderden --search iv3
                      maatstaf tables --stored
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var source: CatalogOptions

    @OptionGroup(title: ReaderLanguage.text(en: "Limits per request", nl: "Grenzen per verzoek")) var limits: TransferOptions

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            ReaderLanguage.text(en: "Words that must all occur.", nl: "Woorden die allemaal moeten voorkomen."),
            valueName: "words"))
    var search: [String] = []

    @Flag(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "List the tables in the local store (fetched ones) instead of the catalog; no network.",
                nl: "Noem de tabellen in de lokale opslag (de opgehaalde) in plaats van de catalogus; geen netwerk.")))
    var stored = false

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(en: "At most this many tables (0: all).", nl: "Hoogstens zoveel tabellen (0: alle).")))
    var limit = 50

    struct Entry: Encodable {
        var id, title: String
        var shortTitle, period, modified, frequency: String?
        var rows: Int?
    }

    func run() async throws {
        if stored { return try listStored() }
        let (fetcher, progress) = global.makeFetcher(configuration: limits.configuration)
        let all = try await CBSCatalogSource(fetcher: fetcher, base: source.base()).tables()
        progress.finish()
        let words = search.flatMap { $0.split(separator: " ").map(String.init) }
        let found = all.filter { $0.matches(words) }.sorted {
            ($0.modified ?? "", $0.identifier) > ($1.modified ?? "", $1.identifier)
        }
        let shown = limit > 0 ? Array(found.prefix(limit)) : found
        let nl = output.locale == .nl
        var table = Table(columns: [
            .init("id"), .init(nl ? "titel" : "title"), .init(nl ? "periode" : "period"),
            .init(nl ? "gewijzigd" : "modified"), .init(nl ? "rijen" : "rows", .right),
        ])
        table.rows = shown.map {
            [
                $0.identifier, $0.title, $0.period ?? "", String(($0.modified ?? "").prefix(10)),
                $0.recordCount.map(String.init) ?? "",
            ]
        }
        let searched = words.joined(separator: " ")
        let catalogOption = source.catalog == .opendata ? "" : " --catalog \(source.catalog.rawValue)"
        table.notes = [
            nl
                ? "\(found.count) van de \(all.count) tabellen in \(source.catalog.rawValue)\(words.isEmpty ? "" : " passen bij \"\(searched)\"")"
                    + (shown.count < found.count ? "; de \(shown.count) laatst gewijzigde staan hier (--limit 0 voor alle)" : "")
                    + (found.isEmpty
                        ? ". Probeer minder of andere woorden (accenten en hoofdletters tellen niet), of een andere catalogus met --catalog."
                        : ". Haal er een op met `maatstaf fetch CODE\(catalogOption)`.")
                : "\(found.count) of \(all.count) tables in \(source.catalog.rawValue)\(words.isEmpty ? "" : " match \"\(searched)\"")"
                    + (shown.count < found.count
                        ? "; the \(shown.count) most recently modified are shown (--limit 0 for all)" : "")
                    + (found.isEmpty
                        ? ". Try fewer or other words (accents and case do not matter), or another catalog with --catalog."
                        : ". Fetch one with `maatstaf fetch ID\(catalogOption)`."),
            Attribution.cbs + ".",
        ]
        try output.write(
            Listing(
                table, name: nl ? "Tabellen" : "Tables", locale: output.locale,
                json: shown.map {
                    Entry(
                        id: $0.identifier, title: $0.title, shortTitle: $0.shortTitle, period: $0.period, modified: $0.modified,
                        frequency: $0.frequency, rows: $0.recordCount)
                }))
    }

    /// The fetched tables in the store, with when and where from.
    private func listStored() throws {
        let words = search.flatMap { $0.split(separator: " ").map(String.init) }
        let tables = try StoredTables(store: try global.openStore()).list().filter {
            CBSCatalogEntry(identifier: $0.id, title: $0.title).matches(words)
        }
        let nl = output.locale == .nl
        var table = Table(columns: [
            .init("id"), .init(nl ? "titel" : "title"), .init(nl ? "catalogus" : "catalog"), .init(nl ? "periode" : "period"),
            .init(nl ? "rijen" : "rows", .right), .init(nl ? "opgehaald" : "fetched"),
        ])
        table.rows = tables.map { [$0.id, $0.title, $0.catalog, $0.period ?? "", String($0.rows), $0.fetchedAt] }
        table.notes = [
            nl
                ? (tables.isEmpty
                    ? "Geen opgehaalde tabellen in de opslag. Zoek er een met `maatstaf tables --search WOORDEN`, dan `maatstaf fetch CODE`."
                    : "\(tables.count) opgehaalde tabel(len). `maatstaf describe CODE` toont er een; `maatstaf export CODE` schrijft haar uit.")
                : (tables.isEmpty
                    ? "No fetched tables in the store. Find one with `maatstaf tables --search WORDS`, then `maatstaf fetch ID`."
                    : "\(tables.count) fetched table(s). `maatstaf describe ID` shows one; `maatstaf export ID` writes it out."),
            Attribution.cbs + ".",
        ]
        try output.write(
            Listing(
                table, name: nl ? "Tabellen" : "Tables", locale: output.locale,
                json: tables.map {
                    Entry(
                        id: $0.id, title: $0.title, shortTitle: nil, period: $0.period, modified: $0.modified, frequency: nil,
                        rows: $0.rows)
                }))
    }
}
