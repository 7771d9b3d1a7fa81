public import MaatstafCompare
public import MaatstafCore
import MaatstafModel

/// A municipality's nearest neighbours written out: the traits matched on, each neighbour's distance and values, and
/// on which trait it differs most. Text, Markdown and CSV here; JSON is `PeerJSON`.
public struct PeerReport: TabularResult, Sendable {
    public let search: PeerSearch
    public let locale: ReportLocale
    /// The atlas's structural traits, for the class labels the table shows (a gemeentefonds class as written).
    public var traits: [String: StructuralTraits] = [:]
    /// Words for a fetch, as the caller's interface spells it (the CLI gives the command).
    public var fetchText: @Sendable (FetchRequest) -> String

    public init(_ search: PeerSearch, locale: ReportLocale, fetchText: (@Sendable (FetchRequest) -> String)? = nil) {
        self.search = search
        self.locale = locale
        let wording = NoteWording(locale: locale)
        self.fetchText = fetchText ?? { wording.fetch($0) }
    }

    private var nl: Bool { locale == .nl }
    private func t(_ nl: String, _ en: String) -> String { self.nl ? nl : en }

    /// A trait's name for the reader.
    public func name(_ trait: Trait) -> String { ReportLabels(locale: locale).traitName(trait) }

    /// A trait's value as the reader knows it: a count, a class as written, an indicator's value.
    func value(_ index: Int, _ code: String, atlas traits: [String: StructuralTraits]) -> String {
        let format = NumberFormat(locale: locale)
        guard let value = search.shown[index][code] else { return "–" }
        switch search.model.used[index].trait.trait {
        case .population, .density: return format.number(value, decimals: 0)
        case .urbanity: return Urbanity(rawValue: Int(value))?.dutch ?? "–"
        case .centreFunction: return className(traits[code]?.centreFunction)
        case .socialStructure: return className(traits[code]?.socialStructure)
        case .indicator: return format.number(value, decimals: 1)
        }
    }

    /// A gemeentefonds class as written (`Zonder`, `Matig`) in Dutch, in English words otherwise.
    func className(_ label: String?) -> String {
        guard let label else { return "–" }
        guard !nl else { return label }
        let english = [
            "Zonder": "none", "Weinig": "little", "Redelijk": "fair", "Sterk": "strong", "Zwak": "weak",
            "Matig": "moderate", "Goed": "good",
        ]
        return english[label] ?? label
    }

    public var heading: String {
        let own = search.municipality
        let traits = search.model.used.map { name($0.trait.trait) }.joined(separator: ", ")
        return t(
            "\(own.name) (\(own.code)), \(search.year): de \(search.neighbours.count) naaste buren op \(traits)",
            "\(own.name) (\(own.code)), \(search.year): the \(search.neighbours.count) nearest neighbours on \(traits)")
            + (search.settings.sameProvince ? t(", binnen \(own.province)", ", within \(own.province)") : "")
    }

    public func table(traits: [String: StructuralTraits]) -> Table {
        let format = NumberFormat(locale: locale)
        var columns: [Table.Column] = [
            .init("#", .right), .init(t("gemeente", "municipality")), .init(t("provincie", "province")),
            .init(t("afstand", "distance"), .right),
        ]
        for entry in search.model.used { columns.append(.init(name(entry.trait.trait), .right)) }
        columns.append(.init(t("grootste verschil", "largest difference")))
        var table = Table(columns: columns)
        let own = search.municipality
        table.rows.append(
            ["", own.name, own.province, "–"] + search.model.used.indices.map { value($0, own.code, atlas: traits) } + [""])
        for (rank, neighbour) in search.neighbours.enumerated() {
            guard let profile = search.profiles[neighbour.code] else { continue }
            var row = [String(rank + 1), profile.name, profile.province, format.number(neighbour.distance, decimals: 2)]
            row += search.model.used.indices.map { value($0, neighbour.code, atlas: traits) }
            let largest = neighbour.differences.enumerated().compactMap { index, difference in
                difference.map { (index, $0) }
            }.max { abs($0.1) < abs($1.1) }
            row.append(
                largest.map { "\(name(search.model.used[$0.0].trait.trait)) \(format.signed($0.1, decimals: 1)) sd" } ?? "–")
            table.rows.append(row)
        }
        table.notes = notes
        return table
    }

    public var notes: [String] {
        let format = NumberFormat(locale: locale)
        var notes: [String] = [
            t(
                "Methode (als het nearest-neighbour-model van CIPFA): elk kenmerk gestandaardiseerd (z-score over alle gemeenten van het jaar; inwoners en dichtheid eerst als log10), gewogen euclidische afstand. Afstand 0 = gelijk op elk kenmerk; 'sd' is het verschil in standaarddeviaties (buur − \(search.municipality.name)).",
                "Method (as CIPFA's nearest-neighbour model): each trait standardised (z-score over every municipality of the year; inhabitants and density as log10 first), weighted Euclidean distance. Distance 0 = equal on every trait; 'sd' is the difference in standard deviations (neighbour − \(search.municipality.name))."
            )
        ]
        let weights = search.model.used.map { "\(name($0.trait.trait)) × \(format.number($0.trait.weight, decimals: 2))" }
        notes.append(t("Gewichten: ", "Weights: ") + weights.joined(separator: ", ") + ".")
        for (index, codes) in search.lacking.sorted(by: { $0.key < $1.key }) {
            let names = codes.compactMap { search.profiles[$0]?.name }
            notes.append(
                t(
                    "Zonder \(name(search.model.used[index].trait.trait)): \(names.joined(separator: ", ")); hun afstanden gebruiken de andere kenmerken, opgeschaald naar het totale gewicht (een ontbrekend kenmerk is geen 0).",
                    "Without \(name(search.model.used[index].trait.trait)): \(names.joined(separator: ", ")); their distances use the other traits, scaled up to the total weight (a missing trait is not 0)."
                ))
        }
        for missing in search.unavailable {
            switch missing.reason {
            case .notFetched(let tables, let fetch):
                notes.append(
                    t(
                        "Niet gebruikt: \(name(missing.trait)) — CBS-tabel \(tables.joined(separator: ", ")) is niet opgehaald; \(fetch.map(fetchText).joined(separator: "; ")).",
                        "Not used: \(name(missing.trait)) — CBS table \(tables.joined(separator: ", ")) is not fetched; \(fetch.map(fetchText).joined(separator: "; "))."
                    ))
            case .tooFewValues:
                notes.append(
                    t(
                        "Niet gebruikt: \(name(missing.trait)) — minder dan twee gemeenten hebben een waarde.",
                        "Not used: \(name(missing.trait)) — fewer than two municipalities have a value."))
            case .noSpread:
                notes.append(
                    t(
                        "Niet gebruikt: \(name(missing.trait)) — elke gemeente heeft dezelfde waarde.",
                        "Not used: \(name(missing.trait)) — every municipality has the same value."))
            }
        }
        for source in search.traitSources {
            let year = source.year.map { t(" (cijfers van \($0))", " (figures of \($0))") } ?? ""
            notes.append("\(name(source.trait)): \(source.source)\(year).")
        }
        notes.append(Attribution.cbs + ".")
        return notes
    }

    public func renderText() -> String { heading + "\n\n" + table(traits: traits).renderText() }
    public func renderMarkdown() -> String { "### " + heading + "\n\n" + table(traits: traits).renderMarkdown() }

    /// One row per neighbour (the municipality itself first, rank 0): distance and each trait's value, unformatted.
    public var dataTable: DataTable {
        var columns: [DataTable.Column] = [
            .init("rank", .count), .init("code"), .init("name"), .init("province"), .init("distance", .number(decimals: 6)),
        ]
        columns += search.model.used.map { DataTable.Column($0.trait.trait.description, .number(decimals: 6)) }
        var table = DataTable(name: t("Buren", "Neighbours"), columns: columns)
        let codes = [search.municipality.code] + search.neighbours.map(\.code)
        for (rank, code) in codes.enumerated() {
            let profile = search.profiles[code]
            var row: [DataTable.Cell] = [
                .whole(rank), .text(code), .text(profile?.name ?? code), .text(profile?.province ?? ""),
                .value(rank == 0 ? 0 : search.neighbours[rank - 1].distance),
            ]
            row += search.shown.map { .value($0[code]) }
            table.rows.append(row)
        }
        return table
    }

    public var dataTables: [DataTable] { [dataTable] }
    public var sheetNotes: [String] { [heading] + notes }
    public func renderJSON() throws -> String { try PeerJSON(self).encoded() }
}
