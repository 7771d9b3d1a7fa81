import Foundation
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafSources
import MaatstafStore
import MaatstafTestServer
import Testing

/// Indicators over a CBS table with an extra dimension (age), on a SYNTHETIC table (generated numbers, not
/// statistics) stored beside the real snapshot: `where:` picks the codes summed; a total is never added to its parts.
@Suite("CBS indicators over tables with extra dimensions")
struct CBSSelectionTests {
    static let store: Store = {
        let store = try! Store(path: LoadedStore.copy())
        let properties = [
            CBSDataProperty(
                id: 0, parentID: nil, kind: .geoDimension, key: "RegioS", title: "Regio", unit: nil, decimals: nil, datatype: nil),
            CBSDataProperty(
                id: 1, parentID: nil, kind: .dimension, key: "Leeftijd", title: "Leeftijd", unit: nil, decimals: nil,
                datatype: nil),
            CBSDataProperty(
                id: 2, parentID: nil, kind: .timeDimension, key: "Perioden", title: "Perioden", unit: nil, decimals: nil,
                datatype: nil),
            CBSDataProperty(
                id: 3, parentID: nil, kind: .topic, key: "Jongeren_1", title: "Jongeren", unit: "aantal", decimals: 0,
                datatype: "Long"),
            CBSDataProperty(
                id: 4, parentID: nil, kind: .topic, key: "Bevolking_2", title: "Bevolking", unit: "aantal", decimals: 0,
                datatype: "Long"),
        ]
        var set = CBSDataSet(
            table: CBSTableInfo(
                identifier: "SYNTH06", title: "Synthetic", shortTitle: nil, period: nil,
                modified: nil, recordCount: nil), properties: properties, responses: [])
        // Westervoort (GM0293): complete; Duiven (GM0226): the 12–17 cell of youths is secret; Zevenaar (GM1955): no 12–17 row.
        let rows: [(String, String, CBSValue, CBSValue)] = [
            ("GM0293", "T", .number(90), .number(3000)), ("GM0293", "0-11", .number(50), .number(2000)),
            ("GM0293", "12-17", .number(40), .number(1000)),
            ("GM0226", "T", .number(70), .number(5000)), ("GM0226", "0-11", .number(60), .number(3500)),
            ("GM0226", "12-17", .secret, .number(1500)),
            ("GM1955", "T", .number(20), .number(800)), ("GM1955", "0-11", .number(20), .number(800)),
        ]
        set.append(codes: [rows.map(\.0), rows.map(\.1), rows.map { _ in "2024JJ00" }], values: [rows.map(\.2), rows.map(\.3)])
        try! store.replaceCBSTable(set, catalog: "test")
        return store
    }()

    static func indicator(_ selection: String) throws -> Indicator {
        let file = RepositoryFixtures.temporaryFolder().appendingPathComponent("jeugd.yaml")
        try """
        indicators:
          - id: test.jongeren-pct
            title: { nl: "Jongeren (test)", en: "Youths (test)" }
            unit: { nl: "%", en: "%" }
            numerator: { source: cbs, table: SYNTH06, topics: [Jongeren]\(selection) }
            denominator: { source: cbs, table: SYNTH06, topics: [Bevolking]\(selection) }
            multiplier: 100
        """.write(to: file, atomically: true, encoding: .utf8)
        return try IndicatorCatalog(store: store, userFile: file).indicator("test.jongeren-pct")
    }

    static var engine: ComparisonEngine {
        ComparisonEngine(source: store, atlas: try! MunicipalityAtlas(store: store), regions: nil)
    }

    @Test("the picked age codes are summed; the total row is not added to them")
    func picked() throws {
        let data = try Self.engine.data(try Self.indicator(", where: { Leeftijd: [0-11, 12-17] }"), year: 2024)
        let westervoort = try #require(data.observations["GM0293"])
        #expect(westervoort.numerator == 90 && westervoort.denominator == 3000)
        #expect(westervoort.value == 3)
        // Picking the total alone gives the same rate: one code may be written without brackets.
        let total = try Self.engine.data(try Self.indicator(", where: { Leeftijd: T }"), year: 2024)
        #expect(total.observations["GM0293"]?.value == 3)
    }

    @Test("a secret part or a missing row makes the sum missing, never a partial sum or 0")
    func incomplete() throws {
        let data = try Self.engine.data(try Self.indicator(", where: { Leeftijd: [0-11, 12-17] }"), year: 2024)
        #expect(data.observations["GM0226"]?.value == nil)
        #expect(data.observations["GM0226"]?.status != .ok)
        #expect(data.observations["GM1955"]?.value == nil)
    }

    @Test("a dimension left unpicked, or one the table lacks, is an error that says what to write")
    func unpicked() throws {
        let none = #expect(throws: CompareError.self) { try Self.engine.data(try Self.indicator(""), year: 2024) }
        #expect(none?.reason.en == "CBS table SYNTH06 has a dimension Leeftijd its numerator does not pick codes of")
        #expect(none?.hint.description.contains("where: { Leeftijd: [CODE, …] }") == true)
        let wrong = #expect(throws: CompareError.self) {
            try Self.engine.data(try Self.indicator(", where: { Leeftijd: T, Geslacht: M }"), year: 2024)
        }
        #expect(wrong?.reason.en == "its numerator picks codes of Geslacht, which CBS table SYNTH06 does not have")
    }

    @Test("indicators show says which codes are summed")
    func described() throws {
        let indicator = try Self.indicator(", where: { Leeftijd: [0-11, 12-17] }")
        guard case .cbs(_, _, let selection) = indicator.numerator else {
            Issue.record("not a CBS indicator")
            return
        }
        #expect(selection == ["Leeftijd": ["0-11", "12-17"]])
    }
}
