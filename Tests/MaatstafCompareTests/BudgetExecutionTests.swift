import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafTestServer
import Testing

/// Accounts against budget for 2023 on the real snapshot, against values computed from the two raw Iv3 CSVs.
@Suite("Accounts against budget")
struct BudgetExecutionTests {
    typealias Engine = ComparisonEngineTests

    @Test("household help 2023: per municipality and for the country over the same municipalities, to the cent")
    func householdHelp() throws {
        let names = ["Westervoort", "Duiven", "Zevenaar"]
        let chosen = try names.map { try Engine.atlas.directory.resolve($0) }
        let execution = try Engine.engine.budgetExecution(
            try Engine.catalog.indicator("wmo.huishoudelijke-hulp"), year: 2023, municipalities: chosen,
            against: [.builtIn(.province)])
        let budget = Engine.rawBudget2023
        let accounts = Engine.raw2023
        for (index, name) in names.enumerated() {
            let figures = execution.municipalities[index].figures
            let planned = budget.rate(name, ["6.71a"])
            let spent = accounts.rate(name, ["6.71a"])
            #expect(sameCent(figures.budget, planned))
            #expect(sameCent(figures.accounts, spent))
            #expect(sameCent(figures.difference, spent - planned))
            #expect(sameCent(figures.differencePercent, (spent - planned) / planned * 100))
        }
        // The country over the municipalities with a value in both: delivered, and booking on 6.71a, in each file.
        let counts: (RawIv3, String) -> Bool = { raw, name in
            raw.municipalities[name].map { $0.delivered && $0.books(["6.71a"]) } ?? false
        }
        let common = budget.municipalities.keys.filter { counts(budget, $0) && counts(accounts, $0) }
        func rate(_ raw: RawIv3) -> Double {
            let total = common.reduce(0.0) { $0 + raw.total(raw.municipalities[$1]!, ["6.71a"], netto: false) }
            return total / common.reduce(0.0) { $0 + raw.municipalities[$1]!.population }
        }
        let national = try #require(execution.groups.first)
        #expect(national.group.group == .builtIn(.national))
        #expect(national.counted.count == common.count)
        #expect(national.leftOut.count == 342 - common.count)
        #expect(sameCent(national.figures.budget, rate(budget)))
        #expect(sameCent(national.figures.accounts, rate(accounts)))
        // Westervoort and Duiven share Gelderland: one group, listed once, named by both.
        #expect(execution.groups.count == 2)
        #expect(execution.municipalities.allSatisfy { $0.groupKeys.count == 2 })
    }

    @Test("a year without accounts, or an indicator over CBS tables, is an error naming what is there")
    func errors() throws {
        let westervoort = try Engine.atlas.directory.resolve("Westervoort")
        let noAccounts = #expect(throws: CompareError.self) {
            try Engine.engine.budgetExecution(
                try Engine.catalog.indicator("jeugd.hulp"), year: 2025, municipalities: [westervoort], against: [])
        }
        #expect(noAccounts?.reason.en == "no Iv3 jaarrekening data for 2025 in the store")
        let cbs = #expect(throws: CompareError.self) {
            try Engine.engine.budgetExecution(
                try Engine.catalog.indicator("wmo.clienten-per-1000"), year: 2023, municipalities: [westervoort],
                against: [])
        }
        #expect(cbs?.reason.en == "is computed from CBS tables, which have no budget")
    }
}
