public import MaatstafCore

/// A CBS third-party (`dataderden`) Iv3 table turned into what the embedded Iv3 files hold: per document (year and
/// budget or accounts), per municipality and taakveld, baten and lasten in thousands of euros.
///
/// The shape is known from public code, not from a CBS specification (docs/iv3-from-cbs.md): dimensions `Gemeenten`,
/// `TaakveldBalanspost` (keys padded to 6), `Categorie` and `Verslagsoort` (`2024X000` budget, `2024X005`
/// accounts), the amount in topic `k_2ePlaatsing_2` (× €1,000). A table is recognised by that shape, never by its
/// id, and every part of it is checked: a table that differs stops with a message naming what differs — never a
/// silently wrong number.
///
/// The sums follow the BZK pivot the embedded files were made with: lasten are the `L…` categories, baten the `B…`
/// categories, salaries the `L1.1` category; balance-sheet posts (`A…`, `P…`) are not taakvelden. A municipality
/// with no amount at all in a document did not deliver it (the published files show such a municipality as zeros).
public struct Iv3ThirdPartyTable: Sendable {
    /// One document of the table.
    public struct Document: Sendable {
        public var year: Int
        public var kind: Iv3DocumentKind
        /// Taakveld code → title, in the order of the code list.
        public var taakvelden: [(code: String, title: String)]
        /// One row per delivering municipality and taakveld; 0 where it booked nothing on the line.
        public var amounts: [Amount]
        /// Municipalities of the table without any amount in this document.
        public var noDelivery: [String]
    }

    public struct Amount: Sendable, Equatable {
        public var code: String
        public var taakveld: String
        public var baten: Int
        public var lasten: Int
        /// The `L1.1` category; nil when the table has no such cell for the line.
        public var salaries: Int?
    }

    public static let dimensions = ["Gemeenten", "TaakveldBalanspost", "Categorie", "Verslagsoort"]
    public static let measure = "k_2ePlaatsing_2"
    /// What CBS's raw Iv3 data writes for "no figure" (from public code); a missing amount, never a number.
    static let noFigure = -99998.0

    public var table: String
    public var documents: [Document]

    /// Documents already read (tests; and "none" when a table is no longer an Iv3 table).
    public init(table: String, documents: [Document]) {
        self.table = table
        self.documents = documents
    }

    /// Whether the table looks like Iv3 without having its whole shape (an Iv3 dimension, or the amount topic):
    /// refused with the part that is missing rather than stored as an ordinary table no indicator would use.
    public static func resembles(_ set: CBSDataSet) -> Bool { resembles(properties: set.properties) }

    /// The same, from a table's metadata alone: before its rows are fetched.
    public static func resembles(properties: [CBSDataProperty]) -> Bool {
        properties.contains {
            ($0.isDimension && ($0.key == "TaakveldBalanspost" || $0.key == "Verslagsoort"))
                || ($0.kind == .topic && $0.key == measure)
        }
    }

    /// Converts `set`. `codeList(year)` gives CBS's Iv3 taakveld codes for a year (nil when maatstaf has none);
    /// `municipalities` are the codes maatstaf knows.
    public init(_ set: CBSDataSet, codeList: (Int) -> Set<String>?, municipalities: Set<String>) throws {
        let id = set.table.identifier
        table = id
        let keys = Set(set.dimensions.map(\.key))
        let missing =
            Self.dimensions.filter { !keys.contains($0) } + (set.topics.contains { $0.key == Self.measure } ? [] : [Self.measure])
        guard missing.isEmpty else {
            throw SourceError(
                subject: id,
                reason: .en(
                    "looks like a CBS Iv3 table but has no \(missing.joined(separator: ", "))",
                    nl: "lijkt een Iv3-tabel van CBS, maar heeft geen \(missing.joined(separator: ", "))"),
                hint: .en(
                    "maatstaf reads Iv3 tables with the dimensions \(Self.dimensions.joined(separator: ", ")) and the amount \(Self.measure); nothing was stored. If CBS changed the shape, please report it",
                    nl:
                        "maatstaf leest Iv3-tabellen met de dimensies \(Self.dimensions.joined(separator: ", ")) en het bedrag \(Self.measure); er is niets opgeslagen. Heeft CBS de vorm veranderd, meld het dan alstublieft"
                )
            )
        }
        func column(_ key: String) -> [String] { set.codes[set.dimensions.firstIndex { $0.key == key }!] }
        let municipalityColumn = column("Gemeenten")
        let taakveldColumn = column("TaakveldBalanspost")
        let categoryColumn = column("Categorie")
        let documentColumn = column("Verslagsoort")
        let amounts = set.values[set.topics.firstIndex { $0.key == Self.measure }!]

        // Every document code must be one maatstaf knows: budget X000 or accounts X005 of a year.
        var documentOf: [String: (year: Int, kind: Iv3DocumentKind)] = [:]
        for code in Set(documentColumn) {
            guard let document = Self.document(code) else {
                throw SourceError(
                    subject: "\(id) Verslagsoort",
                    reason: .en(
                        "has the code \"\(code)\", which is not a budget (YYYYX000) or accounts (YYYYX005)",
                        nl: "heeft de code \"\(code)\", geen begroting (YYYYX000) of jaarrekening (YYYYX005)"),
                    hint: .en(
                        "maatstaf knows these two Iv3 documents; nothing was stored. If CBS added a kind, please report it",
                        nl:
                            "maatstaf kent deze twee Iv3-documenten; er is niets opgeslagen. Heeft CBS een soort toegevoegd, meld het dan alstublieft"
                    ))
            }
            documentOf[code] = document
        }
        let titles = Dictionary(
            (set.codeLists["TaakveldBalanspost"] ?? []).map { ($0.key, $0.title) }, uniquingKeysWith: { a, _ in a })

        struct Sums {
            var baten = 0.0
            var lasten = 0.0
            var salaries: Double?
            var any = false
        }
        var sums: [String: [String: [String: Sums]]] = [:]  // document → municipality → taakveld
        var taakveldOrder: [String: [String]] = [:]
        var seenTaakveld: [String: Set<String>] = [:]
        var allMunicipalities: Set<String> = []
        for row in 0..<set.rowCount {
            let municipality = municipalityColumn[row]
            guard municipality.hasPrefix("GM") else { continue }  // totals of provinces or the country, if any
            guard municipalities.contains(municipality) else {
                throw SourceError(
                    subject: "\(id) Gemeenten",
                    reason: .en(
                        "has the municipality code \(municipality), which maatstaf does not know",
                        nl: "heeft de gemeentecode \(municipality), die maatstaf niet kent"),
                    hint: .en(
                        "The table may be newer than maatstaf's municipality list; nothing was stored",
                        nl: "De tabel is misschien nieuwer dan de gemeentelijst van maatstaf; er is niets opgeslagen"))
            }
            allMunicipalities.insert(municipality)
            let taakveld = taakveldColumn[row]
            guard let first = taakveld.first, first.isNumber else { continue }  // A… and P… are balance-sheet posts
            let document = documentColumn[row]
            if seenTaakveld[document, default: []].insert(taakveld).inserted {
                taakveldOrder[document, default: []].append(taakveld)
            }
            let category = categoryColumn[row]
            let isLasten = category.hasPrefix("L")
            guard isLasten || category.hasPrefix("B") else { continue }  // totals and balance columns are not summed
            guard case .number(let value) = amounts[row], value != Self.noFigure else { continue }
            guard value == value.rounded() else {
                throw SourceError(
                    subject: "\(id) \(municipality) \(taakveld) \(category)",
                    reason: .en(
                        "has the amount \(value), not whole thousands of euros",
                        nl: "heeft het bedrag \(value), geen hele duizenden euro's"),
                    hint: .en(
                        "Iv3 amounts are whole thousands of euros; nothing was stored. If CBS changed the unit, please report it",
                        nl:
                            "Iv3-bedragen zijn hele duizenden euro's; er is niets opgeslagen. Heeft CBS de eenheid veranderd, meld het dan alstublieft"
                    ))
            }
            var cell = sums[document, default: [:]][municipality, default: [:]][taakveld, default: Sums()]
            if isLasten {
                cell.lasten += value
                if category == "L1.1" { cell.salaries = (cell.salaries ?? 0) + value }
            } else {
                cell.baten += value
            }
            if value != 0 { cell.any = true }
            sums[document, default: [:]][municipality, default: [:]][taakveld] = cell
        }

        var documents: [Document] = []
        for (code, document) in documentOf.sorted(by: { $0.key < $1.key }) {
            let order = taakveldOrder[code] ?? []
            guard let known = codeList(document.year) else {
                throw SourceError(
                    subject: id,
                    reason: .en(
                        "holds Iv3 for \(document.year), for which maatstaf has no CBS Iv3 code list",
                        nl: "bevat Iv3 over \(document.year), waarvoor maatstaf geen Iv3-codelijst van CBS heeft"),
                    hint: .en(
                        "maatstaf checks every taakveld against CBS's code list of the year (the snapshot has 2023–2026); nothing was stored",
                        nl:
                            "maatstaf toetst elk taakveld aan de codelijst van CBS voor dat jaar (de snapshot heeft 2023–2026); er is niets opgeslagen"
                    )
                )
            }
            let unknown = order.filter { !known.contains($0) }
            guard unknown.isEmpty else {
                throw SourceError(
                    subject: "\(id) TaakveldBalanspost",
                    reason: .en(
                        "has \(unknown.count) taakveld code(s) not in CBS's Iv3 code list for \(document.year): \(unknown.prefix(5).joined(separator: ", "))",
                        nl:
                            "heeft \(unknown.count) taakveldcode(s) die niet in de Iv3-codelijst van CBS voor \(document.year) staan: \(unknown.prefix(5).joined(separator: ", "))"
                    ),
                    hint: .en(
                        "The table and the year's code list disagree; nothing was stored. Check that the table is the \(document.year) Iv3 table",
                        nl:
                            "De tabel en de codelijst van het jaar verschillen; er is niets opgeslagen. Controleer of het de Iv3-tabel over \(document.year) is"
                    )
                )
            }
            let perMunicipality = sums[code] ?? [:]
            var rows: [Amount] = []
            var noDelivery: [String] = []
            for municipality in allMunicipalities.sorted() {
                guard let lines = perMunicipality[municipality], lines.values.contains(where: \.any) else {
                    noDelivery.append(municipality)
                    continue
                }
                for taakveld in order {
                    let cell = lines[taakveld] ?? Sums()
                    rows.append(
                        Amount(
                            code: municipality, taakveld: taakveld, baten: Int(cell.baten), lasten: Int(cell.lasten),
                            salaries: cell.salaries.map { Int($0) }))
                }
            }
            documents.append(
                Document(
                    year: document.year, kind: document.kind,
                    taakvelden: order.map { ($0, Self.title(titles[$0], code: $0)) }, amounts: rows,
                    noDelivery: noDelivery))
        }
        self.documents = documents
    }

    /// `2024X000` → (2024, budget), `2024X005` → (2024, accounts); nil for any other code.
    static func document(_ code: String) -> (year: Int, kind: Iv3DocumentKind)? {
        guard code.count == 8, let year = Int(code.prefix(4)), (1990...2100).contains(year) else { return nil }
        switch code.dropFirst(4) {
        case "X000": return (year, .begroting)
        case "X005": return (year, .jaarrekening)
        default: return nil
        }
    }

    /// The title CBS gives a taakveld without its leading code (`6.71a Huishoudelijke hulp` → `Huishoudelijke hulp`).
    static func title(_ title: String?, code: String) -> String {
        guard let title else { return code }
        let trimmed = title.hasPrefix(code + " ") ? String(title.dropFirst(code.count + 1)) : title
        return trimmed.isEmpty ? code : trimmed
    }
}
