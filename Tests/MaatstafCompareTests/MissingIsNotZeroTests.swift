import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafStore
import MaatstafTestServer
import Testing

/// A municipality without an Iv3 delivery, and one that books nothing on a statutory service's line, are never
/// figures of €0. Expected values are computed here from the raw CSVs of the embedded snapshot
/// (`../shared/data/raw/SOURCES.md`, section 11, describes both defects of the published files).
@Suite("Missing is never zero: no delivery and nothing booked")
struct MissingIsNotZeroTests {
    static var engine: ComparisonEngine { ComparisonEngineTests.engine }
    static var catalog: IndicatorCatalog { ComparisonEngineTests.catalog }

    func municipality(_ name: String) throws -> Municipality { try ComparisonEngineTests.atlas.directory.resolve(name) }

    @Test("Vijfheerenlanden 2023: no delivery, so no value, no rank and in no group")
    func noDelivery() throws {
        let indicator = try Self.catalog.indicator("participatie.inkomen")
        let comparison = try Self.engine.compare(
            indicator, year: 2023, municipalities: [try municipality("Vijfheerenlanden")],
            against: [.builtIn(.national), .builtIn(.province)])
        let result = comparison.municipalities[0]
        #expect(result.observation.status == .missing(.noDelivery(kind: .jaarrekening, year: 2023)))
        #expect(result.rank == nil)
        #expect(result.references.allSatisfy { $0.summary.excluded[.noDelivery] == [result.profile.code] })
        #expect(comparison.notes.contains(.noDelivery(names: ["Vijfheerenlanden"], kind: .jaarrekening, year: 2023)))
        // Utrecht's rate over its municipalities with a delivery, from the raw file.
        let raw = ComparisonEngineTests.raw2023
        let utrecht = raw.groupRate(["6.3"]) { $0.delivered && $0.province == "Utrecht" }
        #expect(sameCent(result.references[1].summary.rate, utrecht))
        #expect(
            raw.municipalities.values.filter { $0.province == "Utrecht" }.count
                == result.references[1].summary.group.members.count)
    }

    @Test(
        "every Iv3 indicator's national rate is Σ amounts ÷ Σ inhabitants over the municipalities that count",
        arguments: [2023, 2025])
    func nationalRates(_ year: Int) throws {
        let raw = year == 2023 ? ComparisonEngineTests.raw2023 : ComparisonEngineTests.raw2025
        let nobody = [try municipality("Westervoort")]
        var checked = 0
        for indicator in Self.catalog.indicators {
            // Per inhabitant only: spending ÷ the fund's allocation, and spending with a share of the overhead, have
            // their own tests (FundCommandTests).
            guard case .iv3(let measure, _) = indicator.numerator, indicator.denominator == .population,
                indicator.overhead == nil, let layout = indicator.iv3Layout(for: year)
            else { continue }
            let netto = measure == .netto
            guard measure != .baten else { continue }
            let comparison = try Self.engine.compare(
                indicator, year: year, municipalities: nobody, against: [.builtIn(.national)])
            let taakvelden = layout.taakvelden
            let counts: (RawIv3.Municipality) -> Bool
            if case .notBooked = indicator.zero {
                counts = { $0.delivered && $0.books(taakvelden, netto: netto) }
            } else {
                counts = { $0.delivered }
            }
            let expected = raw.groupRate(taakvelden, netto: netto, where: counts)
            #expect(sameCent(comparison.municipalities[0].references[0].summary.rate, expected), "\(indicator.id) \(year)")
            #expect(
                comparison.municipalities[0].references[0].summary.distribution?.count
                    == raw.municipalities.values.filter(counts).count, "\(indicator.id) \(year)")
            checked += 1
        }
        #expect(checked > 100)  // the named indicators and two measures of every taakveld of the year
    }

    @Test("household help 2025: municipalities booking nothing on 6.711 are named, left out, and pointed to wmo.maatwerk")
    func notBooked() throws {
        let indicator = try Self.catalog.indicator("wmo.huishoudelijke-hulp")
        let chosen = try ["Westervoort", "Arnhem", "Renkum"].map(municipality)
        let comparison = try Self.engine.compare(
            indicator, year: 2025, municipalities: chosen,
            against: [.builtIn(.national), .builtIn(.province), .userRegion("liemers")])
        let raw = ComparisonEngineTests.raw2025
        let zeroLine = raw.municipalities.filter { $0.value.delivered && !$0.value.books(["6.711"]) }.keys.sorted()
        #expect(zeroLine.count == 34)  // SOURCES.md §11: 38 book nothing on 6.711, four of them delivered nothing at all
        #expect(comparison.notes.contains(.notBooked(names: zeroLine, taakvelden: ["6.711"], broader: "wmo.maatwerk")))
        for result in comparison.municipalities.dropFirst() {
            #expect(result.observation.status == .missing(.notBooked(taakvelden: ["6.711"], broader: "wmo.maatwerk")))
            #expect(result.rank == nil)
        }
        let counted: (RawIv3.Municipality) -> Bool = { $0.delivered && $0.books(["6.711"]) }
        let westervoort = comparison.municipalities[0]
        #expect(sameCent(westervoort.references[0].summary.rate, raw.groupRate(["6.711"], where: counted)))
        #expect(
            sameCent(
                westervoort.references[1].summary.rate,
                raw.groupRate(["6.711"]) { counted($0) && $0.province == "Gelderland" }))
        #expect(westervoort.rankedCount == raw.municipalities.values.filter(counted).count)
        #expect(westervoort.references[0].summary.excluded[.notBooked]?.count == 34)
        #expect(westervoort.references[0].summary.excluded[.noDelivery]?.count == 4)
        // The generic line indicator keeps the zeros as reported values: same municipalities, now counted with 0.
        let generic = try Self.engine.compare(
            try Self.catalog.indicator("iv3.6.711.lasten"), year: 2025, municipalities: chosen,
            against: [.builtIn(.national)])
        #expect(generic.municipalities[1].observation.value == 0)
        #expect(generic.municipalities[0].references[0].summary.zeros.count == 34)
        #expect(sameCent(generic.municipalities[0].references[0].summary.rate, raw.groupRate(["6.711"]) { $0.delivered }))
        #expect(generic.notes.contains(.reportedZero(names: ["Arnhem", "Renkum"])))
    }
}
