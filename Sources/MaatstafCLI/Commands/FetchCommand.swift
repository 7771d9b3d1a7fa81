import ArgumentParser
import Foundation
import MaatstafApp
import MaatstafCore
import MaatstafFetch
import MaatstafSources
import MaatstafStore

/// `maatstaf fetch`: download CBS StatLine tables into the store.
struct FetchCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "fetch",
            abstract: ReaderLanguage.text(
                en: "Download CBS StatLine tables (OData v3, or v4 with --odata v4) with their metadata into the local store.",
                nl: "Download CBS StatLine-tabellen (OData v3, of v4 met --odata v4) met hun metadata in de lokale opslag."),
            discussion: ReaderLanguage.text(
                en: """
                    Table ids are case-sensitive, as CBS writes them (85984NED, 03759ned). Responses are cached, so a second \
                    fetch works offline; --refresh asks CBS whether its tables changed. The rows of a whole table must equal \
                    the count CBS announces and no row may repeat another, or nothing is stored. --region, --period, \
                    --topic and --where fetch part of a table (the store then holds only that part, and a later filtered \
                    fetch replaces it: name every year and code you need at once). A table is replaced in one transaction: \
                    a failed or interrupted fetch keeps the previous copy. A whole table is written into the store as its \
                    pages arrive, so memory hardly grows with the table (about 85 MiB at peak for 5 million rows). The embedded snapshot is never touched.

                    A download that breaks off (a lost connection, Ctrl-C, a server error) keeps the pages it received in \
                    the cache: the same command again continues from them, after asking CBS whether the table changed in \
                    between (if it did, every page is downloaded anew, so no table mixes two versions).

                    --where picks codes of any other dimension, by key or by the title StatLine shows, checked against \
                    the table's code list. Tables by age, sex and marital status are large: 03759ned holds tens of millions of \
                    cells; one year of the ages 0 to 17, both sexes together, is a small part of them.

                    Iv3 (municipal budgets and accounts) is in CBS's third-party catalog, one table per year: \
                    `maatstaf fetch iv3 2024` finds the year's table there and says which it fetched. A table of the Iv3 \
                    shape becomes Iv3 documents every Iv3 indicator reads (docs/iv3-from-cbs.md).

                    `maatstaf fetch mergers` reads CBS's record of municipal mergers and changes of name (the descriptions \
                    of table 70739ned's municipalities; another table id may follow) so that `trend --boundaries YEAR` can \
                    put a series on one year's boundaries (docs/mergers.md).

                    Examples:
                    \(examples(mirror: "a mirror"))
                    """,
                nl: """
                    Tabelcodes zijn hoofdlettergevoelig, zoals CBS ze schrijft (85984NED, 03759ned). Antwoorden worden \
                    bewaard, dus een tweede keer ophalen werkt offline; --refresh vraagt CBS of de tabellen veranderd zijn. \
                    De rijen van een hele tabel moeten gelijk zijn aan het aantal dat CBS aankondigt en geen rij mag een \
                    andere herhalen, anders wordt er niets opgeslagen. --region, --period, --topic en --where halen een deel \
                    van een tabel op (de opslag houdt dan alleen dat deel, en een later gefilterd ophalen vervangt het: noem \
                    elk jaar en elke code die u nodig hebt in één keer). Een tabel wordt in één transactie vervangen: een \
                    mislukt of onderbroken ophalen houdt de vorige kopie. Een hele tabel gaat de opslag in terwijl haar \
                    pagina's binnenkomen, dus het geheugengebruik groeit nauwelijks mee met de tabel (op zijn hoogst \
                    ongeveer 85 MiB voor 5 miljoen rijen). De ingebouwde snapshot wordt nooit aangeraakt.

                    Een download die afbreekt (een verbroken verbinding, Ctrl-C, een serverfout) houdt de ontvangen pagina's \
                    in de cache: dezelfde opdracht gaat daarmee verder, nadat ze CBS gevraagd heeft of de tabel intussen \
                    veranderd is (zo ja, dan wordt elke pagina opnieuw gedownload, zodat geen tabel twee versies mengt).

                    --where kiest codes van elke andere dimensie, met sleutel of met de titel die StatLine toont, getoetst \
                    aan de codelijst van de tabel. Tabellen naar leeftijd, geslacht en burgerlijke staat zijn groot: \
                    03759ned heeft tientallen miljoenen cellen; één jaar van de leeftijden 0 tot 17, beide geslachten samen, \
                    is daar een klein deel van.

                    Iv3 (begrotingen en jaarrekeningen van gemeenten) staat in de catalogus van derden van CBS, één tabel \
                    per jaar: `maatstaf fetch iv3 2024` vindt daar de tabel van het jaar en zegt welke het ophaalde. Een \
                    tabel met de vorm van Iv3 wordt Iv3-documenten die elke Iv3-indicator leest (docs/iv3-from-cbs.md).

                    `maatstaf fetch mergers` leest het overzicht van CBS van gemeentelijke herindelingen en naamswijzigingen \
                    (de beschrijvingen van de gemeenten in tabel 70739ned; een andere tabelcode mag volgen), zodat \
                    `trend --boundaries JAAR` een reeks op de grenzen van één jaar kan zetten (docs/mergers.md).

                    Voorbeelden:
                    \(examples(mirror: "een spiegel"))
                    """))
    }

    /// The same command lines in both languages; only the comment is the reader's.
    private static func examples(mirror: String) -> String {
        """
          maatstaf fetch 85984NED
          maatstaf fetch iv3 2024
          maatstaf fetch mergers
          maatstaf fetch --catalog dataderden 45067NED
          maatstaf fetch 03759ned --region GM0293,GM0226 --period 2019..2023 \\
              --topic BevolkingOp1Januari
          maatstaf fetch 03759ned --period 2024 --topic BevolkingOp1Januari \\
              --where Geslacht=T001038 --where Leeftijd=10010,10100,10200 \\
              --where BurgerlijkeStaat="Totaal burgerlijke staat"
          MAATSTAF_CBS_BASE=http://127.0.0.1:8080 maatstaf fetch 80137ned  # \(mirror)
        """
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var language: LocaleOption

    @Argument(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "CBS table ids; or `iv3` and years, to find each year's Iv3 table in the third-party catalog; or `mergers`, for CBS's record of municipal mergers.",
                nl:
                    "CBS-tabelcodes; of `iv3` en jaren, om de Iv3-tabel van elk jaar in de catalogus van derden te vinden; of `mergers`, voor het overzicht van gemeentelijke herindelingen van CBS."
            )))
    var tables: [String]

    @OptionGroup var source: CatalogOptions

    @OptionGroup(title: ReaderLanguage.text(en: "Limits per request", nl: "Grenzen per verzoek")) var limits: TransferOptions

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "v3 (opendata.cbs.nl / dataderden.cbs.nl, the default) or v4 (datasets.cbs.nl, for tables only there).",
                nl:
                    "v3 (opendata.cbs.nl / dataderden.cbs.nl, de standaard) of v4 (datasets.cbs.nl, voor tabellen die alleen daar staan)."
            )))
    var odata: ODataVersion = .v3

    @Option(
        name: .customLong("region"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Only these regions (repeat or separate by commas): GM0293, PV25, NL01 …",
                nl: "Alleen deze regio's (herhaal of scheid met komma's): GM0293, PV25, NL01 …"), valueName: "code"))
    var regions: [String] = []

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Only these years: 2019..2023, or one year (all periods of those years).",
                nl: "Alleen deze jaren: 2019..2023, of één jaar (alle perioden van die jaren)."), valueName: "from..to"))
    var period: String?

    @Option(
        name: .customLong("topic"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Only these topics, by key or stem (repeat or separate by commas): WmoClienten, AantalInwoners …",
                nl: "Alleen deze onderwerpen, met sleutel of stam (herhaal of scheid met komma's): WmoClienten, AantalInwoners …"),
            valueName: "key"))
    var topics: [String] = []

    @Option(
        name: .customLong("where"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "Only these codes of another dimension, by key or title (repeat per dimension): Geslacht=T001038, Leeftijd=10010,10100 …",
                nl:
                    "Alleen deze codes van een andere dimensie, met sleutel of titel (herhaal per dimensie): Geslacht=T001038, Leeftijd=10010,10100 …"
            ),
            valueName: "dimension=codes"))
    var selections: [String] = []

    @Flag(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "Keep a fetched Iv3 table whose figures differ from the embedded snapshot's copy of the same document (CBS revised them).",
                nl:
                    "Bewaar een opgehaalde Iv3-tabel waarvan de cijfers afwijken van de kopie van hetzelfde document in de ingebouwde snapshot (CBS heeft ze herzien)."
            ))
    )
    var acceptRevision = false

    /// `fetch mergers [TABLE]`: the table whose region list holds CBS's record of mergers; nil otherwise.
    var mergersTable: String? {
        guard tables.first?.lowercased() == "mergers" else { return nil }
        return tables.count > 1 ? tables[1] : "70739ned"
    }

    /// `fetch iv3 2023 2024`: the years asked for; nil for table ids.
    var iv3Years: [Int]? {
        guard tables.first?.lowercased() == "iv3" else { return nil }
        return tables.dropFirst().compactMap { Int($0) }
    }

    func validate() throws {
        if tables.isEmpty {
            throw ValidationError(
                en: "Name at least one CBS table id, e.g. 85984NED.",
                nl: "Noem minstens één CBS-tabelcode, bijvoorbeeld 85984NED.")
        }
        if let years = iv3Years, years.isEmpty || years.count != tables.count - 1 {
            throw ValidationError(
                en: "After iv3 name the years whose Iv3 tables to fetch, e.g. maatstaf fetch iv3 2024.",
                nl: "Noem na iv3 de jaren waarvan de Iv3-tabellen op te halen, bijvoorbeeld maatstaf fetch iv3 2024.")
        }
        if mergersTable != nil && (tables.count > 2 || !filter.isEmpty || odata == .v4) {
            throw ValidationError(
                en:
                    "fetch mergers takes at most one table id (default 70739ned) and no filters: it reads the table's region list whole.",
                nl:
                    "fetch mergers neemt hoogstens één tabelcode (standaard 70739ned) en geen filters: het leest de regiolijst van de tabel helemaal."
            )
        }
        if let period, CBSFilter.years(parsing: period) == nil {
            throw ValidationError(
                en: "--period \(period): write a year (2023) or a span of years (2019..2023).",
                nl: "--period \(period): schrijf een jaar (2023) of een reeks jaren (2019..2023).")
        }
        for text in selections where CBSFilter.Selection(parsing: text) == nil {
            throw ValidationError(
                en: "--where \(text): write DIMENSION=CODE[,CODE…], e.g. --where Geslacht=T001038.",
                nl: "--where \(text): schrijf DIMENSIE=CODE[,CODE…], bijvoorbeeld --where Geslacht=T001038.")
        }
        if odata == .v4 && !filter.isEmpty {
            throw ValidationError(
                en: "--region, --period, --topic and --where work with OData v3; for a v4 table fetch it whole.",
                nl: "--region, --period, --topic en --where werken met OData v3; haal een v4-tabel in haar geheel op.")
        }
    }

    /// What the options ask for; empty for the whole table.
    var filter: CBSFilter {
        let split = { (values: [String]) in
            values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return CBSFilter(
            regions: split(regions), years: period.flatMap(CBSFilter.years(parsing:)), topics: split(topics),
            selections: selections.compactMap(CBSFilter.Selection.init(parsing:)))
    }

    func run() async throws {
        let base = source.base(publicBase: odata == .v4 ? CBSODataV4Source.publicBase : nil)
        let (fetcher, progress) = global.makeFetcher(configuration: limits.configuration)
        defer { progress.finish() }
        if let table = mergersTable {
            try await fetchMergers(table, fetcher: fetcher, base: base)
            return
        }
        // The store opens while the first requests are on their way (a new cache copies its template first, tens
        // of milliseconds): a streaming table needs it only once its metadata has arrived.
        let global = self.global
        let opening = Task { TableStorage(store: try global.openStore()) }
        do {
            try await fetch(fetcher: fetcher, progress: progress, base: base, opening: opening)
        } catch {
            // A failure before the store was needed: the opening (a template being copied into a new cache) ends
            // before the error does, so the process never exits with half a copy in the cache folder.
            _ = try? await opening.value
            throw error
        }
    }

    /// Fetches the tables asked for into the store `opening` opens.
    private func fetch(
        fetcher: CachedFetcher, progress: ProgressReporter, base: String, opening: Task<TableStorage, any Error>
    ) async throws {
        var tables = self.tables
        var catalog = source.catalog.rawValue
        if let years = iv3Years {
            // Each year's Iv3 table, found in the third-party catalog by its title.
            catalog = CBSCatalog.dataderden.rawValue
            let listing = try await CBSCatalogSource(
                fetcher: fetcher, base: source.base(publicBase: CBSCatalog.dataderden.publicBase)
            ).tables()
            tables = try years.map { year in
                let found = try Self.iv3Table(year: year, in: listing)
                try StandardOutput.line(
                    "Iv3 \(year): \(found.identifier) — \(found.title) "
                        + (language.locale == .nl ? "(catalogus van derden van CBS)." : "(CBS third-party catalog)."))
                return found.identifier
            }
        }
        for table in tables {
            let fetched: CBSFetched
            // Made only if the table streams; it opens its transaction only when the table starts streaming.
            var writer: CBSTableWriter?
            if odata == .v4 {
                fetched = .whole(try await CBSODataV4Source(fetcher: fetcher, base: base).dataSet(table))
            } else {
                // A whole table streams into the store as its pages arrive, except an Iv3 table: that one is read
                // whole into documents (below).
                let catalog = catalog
                fetched = try await CBSODataV3Source(fetcher: fetcher, base: base).fetch(table, filter: filter) {
                    _, properties in
                    if Iv3ThirdPartyTable.resembles(properties: properties) { return nil }
                    let made = try await opening.value.writer(catalog: catalog)
                    writer = made
                    return made
                }
            }
            switch fetched {
            case .streamed(let summary):
                // A table streams only into the writer made for it: never a summary of cells nobody counted.
                guard let writer else { preconditionFailure("\(table) streamed without the writer it streamed into") }
                progress.finish()
                try StandardOutput.line(
                    summaryLine(
                        summary.table, rows: summary.rowCount, topics: summary.topics.count, cells: writer.cells,
                        counts: writer.observationCounts))
                try resumeLine(fromCache: summary.pagesFromCache, pages: summary.pageCount)
            case .whole(let set):
                try storeWhole(
                    set, in: try await opening.value, catalog: odata == .v4 ? "odata-v4" : catalog, progress: progress)
            }
        }
    }

    /// CBS's record of mergers: the region list of `table` with its descriptions, stored as fetched.
    private func fetchMergers(_ table: String, fetcher: CachedFetcher, base: String) async throws {
        let result = try await CBSODataV3Source(fetcher: fetcher, base: base).regionList(table)
        let changes = try global.openStore().storeMergerHistory(table: table, url: result.url, content: result.body)
        let dissolved = changes.filter { $0.kind == .dissolved }
        let renamed = changes.count - dissolved.count
        let latest = MunicipalChange.day(changes.map(\.date).max() ?? "", dutch: language.locale == .nl)
        try StandardOutput.line(
            language.locale == .nl
                ? "Herindelingen uit CBS \(table) (RegioS): \(dissolved.count) opgeheven gemeenten, \(renamed) naamswijzigingen, "
                    + "de laatste per \(latest). `maatstaf trend --boundaries JAAR` zet een reeks op de grenzen van dat jaar. Bron: CBS (CC BY 4.0)."
                : "Mergers from CBS \(table) (RegioS): \(dissolved.count) dissolved municipalities, \(renamed) changes of name, "
                    + "the latest on \(latest). `maatstaf trend --boundaries YEAR` puts a series on that year's boundaries. Bron: CBS (CC BY 4.0)."
        )
    }

    /// Stores a table held whole; an Iv3 table also becomes Iv3 documents.
    private func storeWhole(_ set: CBSDataSet, in storage: TableStorage, catalog: String, progress: ProgressReporter) throws {
        let stored = try storage.storeWhole(
            set, catalog: catalog, filter: odata == .v4 ? CBSFilter() : filter,
            snapshot: try ProjectPaths.snapshotFolder(cacheRoot: global.cacheRoot), acceptRevision: acceptRevision)
        progress.finish()
        try StandardOutput.line(
            summaryLine(set.table, rows: set.rowCount, topics: set.topics.count, cells: stored.cells, counts: stored.counts))
        try resumeLine(fromCache: set.pagesFromCache, pages: set.pageCount)
        if let iv3 = stored.iv3 {
            try StandardOutput.line(FetchedIv3.summary(iv3, names: stored.names, language.locale))
        }
    }

    /// `85984NED: … — 4,440 rows, 12 topics, 53,280 cells (no value: …). Bron: CBS (CC BY 4.0).`
    private func summaryLine(_ table: CBSTableInfo, rows: Int, topics: Int, cells: Int, counts: [String: Int]) -> String {
        let nl = language.locale == .nl
        // CBS's cell statuses, in the reader's words.
        let statusWords = [
            "unknown": nl ? "onbekend" : "unknown", "secret": nl ? "geheim" : "secret",
            "not-applicable": nl ? "niet van toepassing" : "not applicable", "text": nl ? "tekst" : "text",
        ]
        let missing = counts.filter { $0.key != "ok" }.map { "\($0.value) \(statusWords[$0.key] ?? $0.key)" }.sorted()
            .joined(separator: ", ")
        return nl
            ? "\(table.identifier): \(table.title) — \(rows) rijen, \(topics) onderwerpen, "
                + "\(cells) cellen\(missing.isEmpty ? "" : " (geen waarde: \(missing))")\(filterNote). Bron: CBS (CC BY 4.0)."
            : "\(table.identifier): \(table.title) — \(rows) rows, \(topics) topics, "
                + "\(cells) cells\(missing.isEmpty ? "" : " (no value: \(missing))")\(filterNote). Bron: CBS (CC BY 4.0)."
    }

    /// Said when a fetch continued from pages an earlier, broken-off run left in the cache.
    private func resumeLine(fromCache: Int, pages: Int) throws {
        guard fromCache > 0 && fromCache < pages else { return }
        try StandardOutput.line(
            language.locale == .nl
                ? "Een afgebroken download voortgezet: \(fromCache) van de \(pages) pagina's stonden al in de cache "
                    + "(de tabel was sindsdien niet veranderd), \(pages - fromCache) nu gedownload."
                : "Continued a broken-off download: \(fromCache) of \(pages) pages were already in the cache "
                    + "(the table had not changed since), \(pages - fromCache) downloaded now.")
    }
}

extension FetchCommand {
    /// The one table of the catalog whose title says Iv3 and `year`; an error listing what was found otherwise.
    static func iv3Table(year: Int, in listing: [CBSCatalogEntry]) throws -> CBSCatalogEntry {
        let candidates = listing.filter { entry in
            entry.matches(["iv3"])
                && ([entry.title, entry.shortTitle ?? "", entry.period ?? ""].contains { $0.contains(String(year)) })
        }
        guard candidates.count == 1 else {
            let known = [2023: "45063NED", 2024: "45067NED", 2025: "45071NED", 2026: "45078NED"]
            throw InputError(
                subject: "Iv3 \(year)",
                reason: candidates.isEmpty
                    ? .en(
                        "the third-party catalog lists no Iv3 table for \(year)",
                        nl: "de catalogus van derden noemt geen Iv3-tabel voor \(year)")
                    : .en(
                        "the third-party catalog lists \(candidates.count) Iv3 tables for \(year): "
                            + candidates.map { "\($0.identifier) (\($0.title))" }.joined(separator: ", "),
                        nl: "de catalogus van derden noemt \(candidates.count) Iv3-tabellen voor \(year): "
                            + candidates.map { "\($0.identifier) (\($0.title))" }.joined(separator: ", ")),
                hint: .en(
                    "Look with `maatstaf tables --catalog dataderden --search iv3` and fetch by id: `maatstaf fetch --catalog dataderden ID`\(known[year].map { " (public code uses \($0) for \(year))" } ?? "")",
                    nl:
                        "Zoek met `maatstaf tables --catalog dataderden --search iv3` en haal op met de code: `maatstaf fetch --catalog dataderden CODE`\(known[year].map { " (openbare code gebruikt \($0) voor \(year))" } ?? "")"
                ))
        }
        return candidates[0]
    }

    /// Said after a filtered fetch: the store then holds part of the table, and comparisons will miss the rest.
    var filterNote: String {
        let filter = self.filter
        guard !filter.isEmpty else { return "" }
        let nl = language.locale == .nl
        var parts: [String] = []
        if !filter.regions.isEmpty { parts.append("\(filter.regions.count) \(nl ? "regio('s)" : "region(s)")") }
        if let years = filter.years {
            parts.append(years.count == 1 ? "\(years.lowerBound)" : "\(years.lowerBound)–\(years.upperBound)")
        }
        if !filter.topics.isEmpty {
            parts.append("\(nl ? "onderwerpen" : "topics") \(filter.topics.joined(separator: ", "))")
        }
        for selection in filter.selections { parts.append("\(selection.dimension) \(selection.codes.joined(separator: ", "))") }
        return nl
            ? "; alleen " + parts.joined(separator: ", ") + " (haal op zonder filters voor de hele tabel)"
            : "; only " + parts.joined(separator: ", ") + " (fetch without filters for the whole table)"
    }
}

enum ODataVersion: String, ExpressibleByArgument, CaseIterable {
    case v3
    case v4
}
