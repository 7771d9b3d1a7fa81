public import MaatstafCore
import MaatstafSources
public import MaatstafStore

/// A year's memberships from a fetched CBS "Gebieden in Nederland" table (one table per year: 2023 `85385NED`, 2024
/// `85755NED`, 2025 `86059NED`, 2026 `86247NED`, from public code): per municipality its province, COROP region and
/// labour-market region, and — where the table has it — its population.
///
/// The shape is known from public code only (docs/iv3-from-cbs.md): the municipalities are the rows of the region
/// dimension, each classification is a pair of text topics `Code_N` / `Naam_N+1`, recognised by its codes (`PV…`
/// province, `CR…` COROP, `AM…` labour-market region), and the population is a topic `Inwonertal…`. A table of that
/// shape is recognised wherever it comes from; one whose year or pairs cannot be told is refused with what is missing.
public struct AreaClassification: Sendable {
    public struct Entry: Sendable, Equatable {
        public var province: Region
        public var corop: Region
        public var labourMarketRegion: Region?
        public var population: Int?
    }

    /// Year → municipality code → its memberships.
    public var years: [Int: [String: Entry]] = [:]
    /// Year → the table the memberships come from.
    public var tables: [Int: String] = [:]

    /// Reads every stored table of the "Gebieden in Nederland" shape.
    public init(store: Store) throws {
        for table in try store.cbsTables() {
            let keys = try store.cbsTopicKeys(table: table.id)
            // Cheap first look: a classification table has Code/Naam topics; only those are read whole.
            guard keys["Code"] != nil, keys["Naam"] != nil else { continue }
            let columns = try store.cbsColumns(table: table.id)
            guard let read = try Self.read(columns, table: table) else { continue }
            if let earlier = tables[read.year] {
                throw ModelError(
                    .yearNotAvailable, subject: "CBS \(table.id)",
                    reason: .en(
                        "classifies the municipalities of \(read.year), as CBS \(earlier) does",
                        nl: "deelt de gemeenten van \(read.year) in, net als CBS \(earlier)"),
                    hint: .en(
                        "Keep one table per year in a store: fetch the other into another cache folder (\(option: .cacheDirectory))",
                        nl:
                            "Houd één tabel per jaar in een opslag: haal de andere op in een andere cachemap (\(option: .cacheDirectory))"
                    )
                )
            }
            years[read.year] = read.entries
            tables[read.year] = table.id
        }
    }

    /// The memberships in `columns`, or nil when the table is not a classification of municipalities.
    static func read(_ columns: CBSStoredColumns, table: CBSTableRecord) throws -> (year: Int, entries: [String: Entry])? {
        guard let region = columns.dimensions.first(where: { $0.role == "region" }) else { return nil }
        let topics = Dictionary(columns.topics.map { ($0.key, $0.values) }, uniquingKeysWith: { a, _ in a })
        let municipalityRows = region.codes.indices.filter { region.codes[$0].hasPrefix("GM") }
        guard let sample = municipalityRows.first else { return nil }
        /// The `Code_N` topic whose municipality rows hold codes starting with `prefix`, and its `Naam_N+1`.
        func pair(_ prefix: String) -> (codes: [CBSValue], names: [CBSValue])? {
            for (key, values) in topics where key.hasPrefix("Code_") {
                guard let number = Int(key.dropFirst(5)), values[sample].text?.hasPrefix(prefix) == true,
                    let names = topics["Naam_\(number + 1)"]
                else { continue }
                return (values, names)
            }
            return nil
        }
        guard let province = pair("PV"), let corop = pair("CR") else { return nil }
        let labourMarket = pair("AM")
        let population = topics.first { $0.key.hasPrefix("Inwonertal") }?.value
        guard let year = Self.year(of: table) else {
            throw ModelError(
                .yearNotAvailable, subject: "CBS \(table.id)",
                reason: .en(
                    "classifies municipalities, but neither its title nor its period names one year",
                    nl: "deelt gemeenten in, maar titel noch periode noemt één jaar"),
                hint: .en(
                    "maatstaf reads one \"Gebieden in Nederland\" table per year; check the table id",
                    nl: "maatstaf leest één tabel \"Gebieden in Nederland\" per jaar; controleer de tabelcode"))
        }
        var entries: [String: Entry] = [:]
        for row in municipalityRows {
            guard let provinceCode = province.codes[row].text, let provinceName = province.names[row].text,
                let coropCode = corop.codes[row].text, let coropName = corop.names[row].text
            else {
                throw ModelError(
                    .yearNotAvailable, subject: "CBS \(table.id) \(region.codes[row])",
                    reason: .en("has no province or COROP region", nl: "heeft geen provincie of COROP-gebied"),
                    hint: .en(
                        "The table differs from the shape maatstaf reads; please report it",
                        nl: "De tabel wijkt af van de vorm die maatstaf leest; meld het alstublieft"))
            }
            let market = labourMarket.flatMap { pair -> Region? in
                guard let code = pair.codes[row].text, let name = pair.names[row].text else { return nil }
                return Region(code: code, name: name)
            }
            entries[region.codes[row]] = Entry(
                province: Region(code: provinceCode, name: provinceName), corop: Region(code: coropCode, name: coropName),
                labourMarketRegion: market, population: population?[row].number.map { Int($0) })
        }
        return (year, entries)
    }

    /// The one year in the table's period, else in its title (`Gebieden in Nederland 2024`).
    static func year(of table: CBSTableRecord) -> Int? {
        for text in [table.period ?? "", table.title] {
            let years = Set(
                text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.filter { (1990...2100).contains($0) })
            if years.count == 1 { return years.first }
        }
        return nil
    }
}
