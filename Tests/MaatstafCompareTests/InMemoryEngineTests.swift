import Foundation
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafSources
import MaatstafStore
import Testing

/// The engine's rules on a source built in memory: no SQLite, no snapshot. The municipalities and amounts are
/// SYNTHETIC (made up for this test, not statistics); expected values are computed here from them.
@Suite("The engine on an in-memory source")
struct InMemoryEngineTests {
    /// Five municipalities in two provinces. Lasten in thousands of euros on household help (6.711) and guidance
    /// (6.712); E delivered nothing, D books nothing on 6.711.
    static let people = ["A": 10_000, "B": 30_000, "C": 20_000, "D": 40_000, "E": 5_000]
    static let lasten: [String: (householdHelp: Int, guidance: Int)] = [
        "A": (1_500, 900), "B": (3_000, 2_100), "C": (2_600, 1_000), "D": (0, 5_000), "E": (0, 0),
    ]

    /// Counts what the engine asks, across its threads.
    final class Questions: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [String: Int] = [:]
        func ask(_ question: String) {
            lock.lock()
            counts[question, default: 0] += 1
            lock.unlock()
        }
        func count(_ question: String) -> Int {
            lock.lock()
            defer { lock.unlock() }
            return counts[question] ?? 0
        }
    }

    struct Source: ObservationSource {
        var questions = Questions()
        func iv3Documents() throws -> [Iv3DocumentRecord] {
            questions.ask("documents")
            return [Iv3DocumentRecord(year: 2025, kind: .begroting, source: "synthetic")]
        }
        func iv3Taakvelden(year: Int, kind: Iv3DocumentKind, table: String?) throws -> [Iv3TaakveldRecord] {
            ["6.711", "6.712"].map { Iv3TaakveldRecord(year: year, kind: kind, taakveld: $0, title: $0) }
        }
        func iv3Amounts(year: Int, kind: Iv3DocumentKind, taakvelden: [String], table: String?) throws -> [Iv3AmountRecord] {
            questions.ask("amounts")
            return lasten.filter { $0.key != "E" }.flatMap { code, amounts in
                taakvelden.map { taakveld in
                    Iv3AmountRecord(
                        year: year, kind: kind, code: code, taakveld: taakveld, baten: 0,
                        lasten: taakveld == "6.711" ? amounts.householdHelp : amounts.guidance, salaries: nil)
                }
            }
        }
        func iv3NoDelivery(year: Int, kind: Iv3DocumentKind, table: String?) throws -> Set<String> {
            questions.ask("no delivery")
            return ["E"]
        }
        func snapshotFiles() throws -> [(path: String, sha256: String)] { [] }
        func fundCirculaire(_ id: String) throws -> FundCirculaire? { nil }
        func mergerHistory() throws -> MergerHistory? { nil }
        func cbsTables() throws -> [CBSTableRecord] { [] }
        func cbsPeriods(table: String) throws -> [String] { [] }
        func cbsTopicKeys(table: String) throws -> [String: String] { [:] }
        func cbsCodesInRows(table: String) throws -> [String: [String]] { [:] }
        func cbsColumns(table: String, topics wanted: [String]?) throws -> CBSStoredColumns {
            CBSStoredColumns(dimensions: [], topics: [])
        }
        func cbsCodes(table: String, dimension: String) throws -> [CBSDimensionCode] { [] }
        func cbsResponses(table: String) throws -> [(url: String, sha256: String)] { [] }
        func ownFigures(measure: String, period: Period?) throws -> [OwnFigureRecord] { [] }
        func ownMeasures() throws -> [(measure: String, file: String, unit: String)] { [] }
        func ownImports() throws -> [OwnImportRecord] { [] }
    }

    static let atlas: MunicipalityAtlas = {
        let municipalities = people.keys.sorted().map { code in
            let province = code < "C" ? Region(code: "PV01", name: "West") : Region(code: "PV02", name: "Oost")
            return Municipality(
                code: code, name: "Gemeente \(code)", isCurrent: true, lastYear: 2025, province: province,
                corop: Region(code: "CR01", name: "C"), labourMarketRegion: Region(code: "AM01", name: "L"))
        }
        let directory = MunicipalityDirectory(municipalities: municipalities, names: municipalities.map { ($0.name, $0.code) })
        return MunicipalityAtlas(
            directory: directory,
            profiles: municipalities.map {
                MunicipalityProfile(
                    municipality: $0, year: 2025, province: $0.province.name, sizeClass: .from20000,
                    urbanity: .moderatelyUrban, population: people[$0.code]!, source: "synthetic")
            })
    }()

    static func indicator(_ taakvelden: [String], zero: ZeroPolicy) -> Indicator {
        Indicator(
            id: "test.hh", title: LocalizedText(nl: "t", en: "t"), unit: LocalizedText(nl: "u", en: "u"),
            numerator: .iv3(measure: .lasten, layouts: [Iv3Layout(fromYear: 2025, taakvelden: taakvelden)]),
            denominator: .population, multiplier: 1, direction: .neither, notes: LocalizedText(nl: "", en: ""),
            origin: .file("test"), valueKind: .money, zero: zero)
    }

    let engine = ComparisonEngine(source: Source(), atlas: InMemoryEngineTests.atlas, regions: nil)

    @Test("no delivery and nothing booked are left out; the group rate is Σ euros ÷ Σ inhabitants of the rest")
    func rules() throws {
        let a = try Self.atlas.directory.resolve("Gemeente A")
        let comparison = try engine.compare(
            Self.indicator(["6.711"], zero: .notBooked(broader: nil)), year: 2025,
            municipalities: [a], against: [.builtIn(.national), .builtIn(.province)])
        let counted = ["A", "B", "C"]
        let national =
            Double(counted.map { Self.lasten[$0]!.householdHelp }.reduce(0, +)) * 1000
            / Double(counted.map { Self.people[$0]! }.reduce(0, +))
        let result = comparison.municipalities[0]
        #expect(result.observation.value == 1_500_000.0 / 10_000)
        #expect(result.references[0].summary.rate == national)
        #expect(result.references[0].summary.excluded == [.noDelivery: ["E"], .notBooked: ["D"]])
        #expect(result.references[1].summary.rate == Double(1_500 + 3_000) * 1000 / 40_000)  // West: A and B
        #expect(result.rankedCount == 3)
        #expect(result.references[0].gap == (150 - national) * 10_000)
    }

    @Test("the generic kind of the same line keeps D's zero as a value, still without E")
    func zeroAsValue() throws {
        let a = try Self.atlas.directory.resolve("Gemeente A")
        let comparison = try engine.compare(
            Self.indicator(["6.711"], zero: .value), year: 2025, municipalities: [a],
            against: [.builtIn(.national)])
        let counted = ["A", "B", "C", "D"]
        let national =
            Double(counted.map { Self.lasten[$0]!.householdHelp }.reduce(0, +)) * 1000
            / Double(counted.map { Self.people[$0]! }.reduce(0, +))
        #expect(comparison.municipalities[0].references[0].summary.rate == national)
        #expect(comparison.municipalities[0].references[0].summary.zeros == ["D"])
        #expect(comparison.municipalities[0].rankedCount == 4)
    }

    @Test("the small questions are asked of the source once per run, whatever the number of indicators")
    func askedOnce() throws {
        let source = Source()
        let engine = ComparisonEngine(source: source, atlas: Self.atlas, regions: nil)
        let a = try Self.atlas.directory.resolve("Gemeente A")
        var values: [Double?] = []
        for taakvelden in [["6.711"], ["6.712"], ["6.711", "6.712"]] {
            values.append(
                try engine.compare(
                    Self.indicator(taakvelden, zero: .value), year: 2025, municipalities: [a], against: [.builtIn(.national)]
                ).municipalities[0].observation.value)
        }
        #expect(source.questions.count("documents") == 1)
        #expect(source.questions.count("no delivery") == 1)
        // Each taakveld is read once, however often it is compared again (a report's spread and trend) and in
        // whatever combination: the third indicator's two taakvelden were both read for the first two.
        #expect(source.questions.count("amounts") == 2)
        let both = try #require(values[2])
        #expect(abs(both - (values[0] ?? 0) - (values[1] ?? 0)) < 1e-9, "the pair is the sum of its parts")
        for taakvelden in [["6.711"], ["6.712"]] {
            _ = try engine.compare(
                Self.indicator(taakvelden, zero: .value), year: 2025, municipalities: [a], against: [.builtIn(.province)])
        }
        #expect(source.questions.count("amounts") == 2)
    }
}
