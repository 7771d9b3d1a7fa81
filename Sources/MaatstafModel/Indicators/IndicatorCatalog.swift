public import Foundation
public import MaatstafCore
public import MaatstafStore

/// Every indicator maatstaf knows: the built-in named ones, a user's file, and one generic indicator per Iv3 taakveld
/// and measure (`iv3.6.71a.lasten`) for every taakveld in the store's Iv3 documents.
public struct IndicatorCatalog: Sendable {
    public let indicators: [Indicator]
    private let byID: [String: Indicator]
    /// The decompositions of the built-in file and the user's (`maatstaf explain`), checked against these indicators.
    public private(set) var decompositions: [Decomposition] = []

    public init(store: Store, userFile: URL? = nil) throws {
        // Compiled into the program from builtin-indicators.yaml (scripts/generate-builtin-catalog; the tests hold
        // the two equal): no YAML is decoded at start.
        var list = BuiltinIndicators.compiled
        var userText: String?
        if let userFile {
            guard let data = try? Data(contentsOf: userFile), let text = String(data: data, encoding: .utf8) else {
                throw ModelError(
                    .invalidIndicatorFile, subject: userFile.path, reason: .en("cannot be read", nl: "is niet te lezen"),
                    hint: .en(
                        "Check the path given to \(option: .indicatorsFile)",
                        nl: "Controleer het pad bij \(option: .indicatorsFile)"))
            }
            userText = text
            let user = try IndicatorFile.read(text, origin: .file(userFile.path))
            for indicator in user where list.contains(where: { $0.id == indicator.id }) {
                throw ModelError(
                    .invalidIndicatorFile, subject: userFile.path,
                    reason: .en(
                        "indicator \(indicator.id) is already built in", nl: "indicator \(indicator.id) is al ingebouwd"),
                    hint: .en("Choose another id", nl: "Kies een andere id"))
            }
            list += user
        }
        list += try Self.genericIv3(store: store)
        // A not-booked note points users to the broader indicator, a layout without a line to the bridge: they must
        // exist.
        for indicator in list {
            if let bridge = indicator.bridge, !list.contains(where: { $0.id == bridge }) {
                throw ModelError(
                    .invalidIndicatorFile, subject: "\(indicator.origin): \(indicator.id)",
                    reason: .en(
                        "bridge names \(bridge), which is not an indicator", nl: "bridge noemt \(bridge), geen indicator"),
                    hint: .en(
                        "Name an indicator from \(action: .listIndicators)",
                        nl: "Noem een indicator uit \(action: .listIndicators)"))
            }
            if case .notBooked(let broader?) = indicator.zero, !list.contains(where: { $0.id == broader }) {
                throw ModelError(
                    .invalidIndicatorFile, subject: "\(indicator.origin): \(indicator.id)",
                    reason: .en(
                        "broader names \(broader), which is not an indicator", nl: "broader noemt \(broader), geen indicator"),
                    hint: .en(
                        "Name an indicator from \(action: .listIndicators)",
                        nl: "Noem een indicator uit \(action: .listIndicators)"))
            }
        }
        self.init(indicators: list)
        // The built-in decompositions were checked against the built-in indicators when the catalog was compiled.
        var decompositions = BuiltinIndicators.compiledDecompositions
        if let userText, let userFile {
            for decomposition in try DecompositionFile.read(userText, origin: .file(userFile.path), indicators: list) {
                if decompositions.contains(where: { $0.id == decomposition.id }) {
                    throw ModelError(
                        .invalidIndicatorFile, subject: decomposition.origin,
                        reason: .en(
                            "decomposition \(decomposition.id) is already built in",
                            nl: "ontleding \(decomposition.id) is al ingebouwd"),
                        hint: .en("Choose another id", nl: "Kies een andere id"))
                }
                decompositions.append(decomposition)
            }
        }
        self.decompositions = decompositions
    }

    public init(indicators: [Indicator]) {
        self.indicators = indicators
        var byID: [String: Indicator] = [:]
        for indicator in indicators { byID[indicator.id] = indicator }
        self.byID = byID
    }

    /// The indicator with this id; an error listing the closest ids otherwise.
    public func indicator(_ id: String) throws -> Indicator {
        if let indicator = byID[id.lowercased()] { return indicator }
        let key = id.lowercased()
        let close = indicators.map(\.id)
            .map { ($0.hasPrefix(key) || key.hasPrefix($0) ? 0 : NameKey.distance(key, $0), $0) }
            .filter { $0.0 <= max(3, key.count / 4) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(5).map(\.1)
        throw ModelError(
            .unknownIndicator, subject: id, reason: .en("is not a known indicator", nl: "is geen bekende indicator"),
            hint: close.isEmpty
                ? .en(
                    "Run \(action: .listIndicators) to see them", nl: "Voer \(action: .listIndicators) uit om ze te zien")
                : .en(
                    "Did you mean: \(close.joined(separator: ", "))? (\(action: .listIndicators) shows all)",
                    nl: "Bedoelt u: \(close.joined(separator: ", "))? (\(action: .listIndicators) toont ze allemaal)"))
    }

    /// The named (non-generic) indicators.
    public var named: [Indicator] { indicators.filter { $0.origin != .genericIv3 } }

    /// The indicator sets a report can name with `--set`, with what each holds (in both languages).
    public static let sets: [(name: String, description: LocalizedText)] = [
        (
            "sociaal-domein",
            .en(
                "the named Iv3 spending indicators of the social domain (the default)",
                nl: "de benoemde Iv3-uitgavenindicatoren van het sociaal domein (de standaard)")
        ),
        ("wmo", .en("named indicators whose id starts with wmo.", nl: "benoemde indicatoren waarvan de id met wmo. begint")),
        (
            "jeugd",
            .en("named indicators whose id starts with jeugd.", nl: "benoemde indicatoren waarvan de id met jeugd. begint")
        ),
        (
            "participatie",
            .en(
                "named indicators on income support and social assistance",
                nl: "benoemde indicatoren over inkomensondersteuning en bijstand")
        ),
        (
            "fonds",
            .en(
                "spending against the municipal fund's allocation for Wmo and youth care (docs/need.md)",
                nl: "uitgaven tegenover de uitkering uit het gemeentefonds voor Wmo en jeugd (docs/need.md)")
        ),
        (
            "all",
            .en(
                "every named indicator, including those over CBS tables that must be fetched first",
                nl: "elke benoemde indicator, ook die over CBS-tabellen die eerst opgehaald moeten worden")
        ),
    ]

    /// The indicators of a named set, in catalog order.
    public func set(_ name: String) throws -> [Indicator] {
        let named = self.named
        switch name.lowercased() {
        case "sociaal-domein":
            // The fund's indicators (`fonds.`) are a set of their own: spending against need is another question.
            return named.filter {
                if case .iv3 = $0.numerator { !$0.id.hasPrefix("fonds.") } else { false }
            }
        // The variants with overhead are chosen by id: a report of the set shows one reading of spending.
        case "fonds": return named.filter { $0.id.hasPrefix("fonds.") && !$0.id.contains("met-overhead") }
        case "wmo": return named.filter { $0.id.hasPrefix("wmo.") }
        case "jeugd": return named.filter { $0.id.hasPrefix("jeugd.") }
        case "participatie": return named.filter { $0.id.hasPrefix("participatie.") || $0.id.hasPrefix("bijstand.") }
        case "all": return named
        default:
            throw ModelError(
                .unknownIndicator, subject: name, reason: .en("is not an indicator set", nl: "is geen indicatorset"),
                hint: .en(
                    "Sets: \(Self.sets.map(\.name).joined(separator: ", ")) (or name indicators by id)",
                    nl: "Sets: \(Self.sets.map(\.name).joined(separator: ", ")) (of noem indicatoren bij hun id)"))
        }
    }

    /// The ids of the built-in indicators, from the compiled catalog alone (no store): for shell completion.
    public static func builtInIDs() -> [String] {
        BuiltinIndicators.compiled.map(\.id)
    }

    /// `iv3.<code>.lasten|baten|netto` for every taakveld of every Iv3 document in the store, embedded or fetched, valid
    /// in the years that list it.
    static func genericIv3(store: Store) throws -> [Indicator] {
        var years: [String: (title: String, years: [Int])] = [:]
        var order: [String] = []
        for document in try store.iv3Documents() {
            // Each document's own list: a fetched table's (`table`) as much as the snapshot's.
            for taakveld in try store.iv3Taakvelden(year: document.year, kind: document.kind, table: document.table) {
                if years[taakveld.taakveld] == nil {
                    order.append(taakveld.taakveld)
                    years[taakveld.taakveld] = (taakveld.title, [])
                }
                if !years[taakveld.taakveld]!.years.contains(document.year) {
                    years[taakveld.taakveld]!.years.append(document.year)
                }
            }
        }
        let measures: [(Iv3Measure, String, String)] = [
            (.lasten, "lasten", "spending"), (.baten, "baten", "income"),
            (.netto, "netto", "net"),
        ]
        return order.flatMap { code -> [Indicator] in
            let (title, inYears) = years[code]!
            return measures.map { measure, dutch, english in
                Indicator(
                    id: "iv3.\(code).\(measure.rawValue)",
                    title: LocalizedText(nl: "\(code) \(title), \(dutch)", en: "\(code) \(title), \(english)"),
                    unit: LocalizedText(nl: "euro per inwoner", en: "euros per inhabitant"),
                    numerator: .iv3(
                        measure: measure,
                        layouts: [
                            Iv3Layout(
                                fromYear: inYears.min()!, taakvelden: [code],
                                onlyYears: inYears.sorted())
                        ]),
                    denominator: .population, multiplier: 1, direction: .neither,
                    notes: LocalizedText(
                        nl:
                            "Iv3-taakveld \(code) zoals gerapporteerd; bestaat in \(inYears.sorted().map(String.init).joined(separator: ", ")).",
                        en:
                            "Iv3 taakveld \(code) as reported; exists in \(inYears.sorted().map(String.init).joined(separator: ", "))."
                    ),
                    origin: .genericIv3, valueKind: .money, zero: .value)
            }
        }
    }
}
