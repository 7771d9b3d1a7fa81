import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafTestServer
import Testing

/// Series over the years on the real snapshot (2023 budget, 2023 accounts, 2025 budget), against values computed
/// from the raw Iv3 CSVs.
@Suite("Series over the years: budgets and accounts apart, breaks marked")
struct SeriesTests {
    typealias Engine = ComparisonEngineTests
    static let youth2023 = ["6.72", "6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c"]
    static let youth2025 = ["6.751", "6.752", "6.753", "6.761", "6.762", "6.763", "6.792"]

    @Test("jeugd.hulp from 2023: three points, indices per document, the layout change marked, to the cent")
    func youthCare() throws {
        let names = ["Westervoort", "Duiven", "Steenwijkerland"]
        let chosen = try names.map { try Engine.atlas.directory.resolve($0) }
        let series = try Engine.engine.series(
            try Engine.catalog.indicator("jeugd.hulp"), municipalities: chosen, against: [.builtIn(.province)],
            baseYear: 2023)
        #expect(series.points.map(\.period.description) == ["2023 begroting", "2023 jaarrekening", "2025 begroting"])
        let (budget2023, accounts2023, budget2025) = (series.points[0], series.points[1], series.points[2])
        let counts: ([String]) -> (RawIv3.Municipality) -> Bool = { lines in { $0.delivered && $0.books(lines) } }
        for (name, municipality) in zip(names, chosen) {
            let b23 = Engine.rawBudget2023.rate(name, Self.youth2023)
            let a23 = Engine.raw2023.rate(name, Self.youth2023)
            let b25 = Engine.raw2025.rate(name, Self.youth2025)
            #expect(sameCent(budget2023.comparisons[municipality.code]?.observation.value, b23))
            #expect(sameCent(accounts2023.comparisons[municipality.code]?.observation.value, a23))
            #expect(sameCent(budget2025.comparisons[municipality.code]?.observation.value, b25))
            // Budget against budget: the 2025 budget as a share of the 2023 budget, never of the 2023 accounts.
            let index = try #require(series.index(municipality.code, at: budget2025))
            #expect(sameCent(index.value, b25 / b23 * 100))
            #expect(index.acrossDefinitionChange)
            #expect(series.index(municipality.code, at: accounts2023)?.value == 100)
            #expect(series.index(municipality.code, at: accounts2023)?.acrossDefinitionChange == false)
            let change = try #require(series.changePerYear(municipality.code, at: budget2025))
            #expect(sameCent(change.value, (b25 - b23) / 2))
            #expect(series.changePerYear(municipality.code, at: accounts2023) == nil)
        }
        let national23 = Engine.rawBudget2023.groupRate(Self.youth2023, where: counts(Self.youth2023))
        let national25 = Engine.raw2025.groupRate(Self.youth2025, where: counts(Self.youth2025))
        #expect(sameCent(budget2023.national.rate, national23))
        #expect(sameCent(budget2025.national.rate, national25))
        #expect(sameCent(series.nationalIndex(at: budget2025)?.value, national25 / national23 * 100))
        #expect(series.definitionChanges(before: budget2025))
        #expect(!series.definitionChanges(before: accounts2023))
        // The province column: Gelderland's budget 2025 rate, from the raw file.
        let gelderland = Engine.raw2025.groupRate(Self.youth2025) {
            counts(Self.youth2025)($0) && $0.province == "Gelderland"
        }
        #expect(sameCent(budget2025.comparisons[chosen[0].code]?.references[1].summary.rate, gelderland))
    }

    @Test("a municipality that did not exist has no value in those years, not a figure on other boundaries")
    func dissolved() throws {
        let brielle = try Engine.atlas.directory.resolve("Brielle")  // merged into Voorne aan Zee on 1 January 2023
        let westervoort = try Engine.atlas.directory.resolve("Westervoort")
        let series = try Engine.engine.series(
            try Engine.catalog.indicator("wmo.huishoudelijke-hulp"), municipalities: [brielle, westervoort], against: [])
        #expect(series.points.allSatisfy { $0.comparisons[brielle.code] == nil })
        #expect(series.points.allSatisfy { $0.comparisons[westervoort.code] != nil })
        #expect(series.index(brielle.code, at: series.points[2]) == nil)
    }

    @Test("a base year or span without data is an error naming the years there are")
    func badBase() throws {
        let indicator = try Engine.catalog.indicator("wmo.huishoudelijke-hulp")
        let westervoort = try Engine.atlas.directory.resolve("Westervoort")
        let base = #expect(throws: CompareError.self) {
            try Engine.engine.series(indicator, municipalities: [westervoort], against: [], baseYear: 2019)
        }
        #expect(base?.reason.en == "has no data for the base year 2019")
        #expect(base?.hint.english == "Choose a base year of the series: 2023, 2025")
        let span = #expect(throws: CompareError.self) {
            try Engine.engine.series(indicator, municipalities: [westervoort], against: [], years: 2010...2020)
        }
        #expect(span?.reason.en == "has no data from 2010 to 2020 in the store")
        #expect(span?.hint.english == "Periods in the store: 2023 begroting, 2023 jaarrekening, 2025 begroting")
    }
}
