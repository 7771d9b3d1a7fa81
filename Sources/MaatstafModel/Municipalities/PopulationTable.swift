public import MaatstafCore
import MaatstafSources
public import MaatstafStore

/// The population on 1 January per municipality and year from a fetched CBS 03759ned ("Bevolking op 1 januari en
/// gemiddeld; geslacht, leeftijd en regio"): both sexes (`T001038`), every marital state (`T001019`), every age
/// (`10000`), topic `BevolkingOp1Januari`, periods `YYYYJJ00` — keys confirmed against a real StatLine export
/// (../shared/data/raw/SOURCES.md, section 11).
///
/// A stored 03759ned of another shape is refused with what differs, never read as if it fitted.
public struct PopulationTable: Sendable {
    public static let table = "03759ned"
    public static let topic = "BevolkingOp1Januari"
    /// The cell that is the whole population: dimension → code.
    public static let totals = ["Geslacht": "T001038", "BurgerlijkeStaat": "T001019", "Leeftijd": "10000"]

    /// Year → municipality code → inhabitants on 1 January.
    public var population: [Int: [String: Int]]
    /// The fetch that supplies a year: the whole population, the total cell only.
    public static func request(years: ClosedRange<Int>) -> FetchRequest {
        FetchRequest(
            table: table, years: years, topics: [topic], selection: totals.mapValues { [$0] })
    }

    /// Reads the stored table; empty when it is not in the store, or when it holds no year beyond `covered` (the
    /// years the class files give): every command opens the atlas, and a full 03759ned is large.
    public init(store: Store, covered: Set<Int> = []) throws {
        population = [:]
        guard try store.cbsTables().contains(where: { $0.id == Self.table }) else { return }
        let years = Set(try store.cbsPeriods(table: Self.table).compactMap { Int($0.prefix(4)) })
        guard !years.isSubset(of: covered) else { return }
        let keys = try store.cbsTopicKeys(table: Self.table)
        guard let key = keys[Self.topic] else {
            throw ModelError(
                .yearNotAvailable, subject: "CBS \(Self.table)",
                reason: .en("has no topic \(Self.topic)", nl: "heeft geen onderwerp \(Self.topic)"),
                hint: .en(
                    "Fetch it with that topic: \(action: .fetchTable(Self.table))",
                    nl: "Haal haar op met dat onderwerp: \(action: .fetchTable(Self.table))"))
        }
        let columns = try store.cbsColumns(table: Self.table, topics: [key])
        guard let region = columns.dimensions.first(where: { $0.role == "region" }),
            let period = columns.dimensions.first(where: { $0.role == "period" }),
            let values = columns.topics.first?.values
        else {
            throw ModelError(
                .yearNotAvailable, subject: "CBS \(Self.table)",
                reason: .en("has no region or period dimension", nl: "heeft geen regio- of periodedimensie"),
                hint: .en(
                    "The table differs from the shape maatstaf reads; please report it",
                    nl: "De tabel wijkt af van de vorm die maatstaf leest; meld het alstublieft"))
        }
        var selected: [(key: String, code: String, codes: [String])] = []
        for (dimension, code) in Self.totals.sorted(by: { $0.key < $1.key }) {
            guard let column = columns.dimensions.first(where: { $0.key == dimension }) else {
                throw ModelError(
                    .yearNotAvailable, subject: "CBS \(Self.table)",
                    reason: .en("has no dimension \(dimension)", nl: "heeft geen dimensie \(dimension)"),
                    hint: .en(
                        "The table differs from the shape maatstaf reads; please report it",
                        nl: "De tabel wijkt af van de vorm die maatstaf leest; meld het alstublieft"))
            }
            selected.append((dimension, code, column.codes))
        }
        for row in 0..<columns.rowCount {
            guard region.codes[row].hasPrefix("GM"), period.codes[row].hasSuffix("JJ00"),
                let year = Int(period.codes[row].prefix(4)),
                selected.allSatisfy({ $0.codes[row] == $0.code }),
                case .number(let inhabitants) = values[row]
            else { continue }
            population[year, default: [:]][region.codes[row]] = Int(inhabitants)
        }
    }
}
