public import MaatstafCore
import MaatstafModel

extension ComparisonEngine {
    /// The year's accounts against its budget for the chosen municipalities and groups (national always first).
    /// An error, naming what the store has, when the year lacks either document.
    public func budgetExecution(
        _ indicator: Indicator, year: Int, municipalities: [Municipality], against groups: [PeerGroup]
    ) throws -> BudgetExecution {
        guard case .iv3 = indicator.numerator else {
            throw CompareError(
                .definitionMismatch, subject: indicator.id,
                reason: .en(
                    "is computed from CBS tables, which have no budget",
                    nl: "wordt berekend uit CBS-tabellen, die geen begroting hebben"),
                hint: .en(
                    "Choose an Iv3 indicator (\(action: .listIndicators))",
                    nl: "Kies een Iv3-indicator (\(action: .listIndicators))"))
        }
        let budget = try data(indicator, year: year, kind: .begroting)
        let accounts = try data(indicator, year: year, kind: .jaarrekening)
        let profiles = try atlas.profiles(year: year)
        let asked = PeerGroup.withNationalFirst(groups)
        var resolved: [String: ResolvedPeerGroup] = [:]
        var order: [String] = []
        var entries: [BudgetExecution.Entry] = []
        for municipality in municipalities {
            guard profiles[municipality.code] != nil else {
                throw notAMunicipality(municipality, in: year)
            }
            var keys: [String] = []
            for group in asked {
                let concrete = try resolver.resolve(group, for: municipality, year: year)
                if resolved[concrete.key] == nil {
                    resolved[concrete.key] = concrete
                    order.append(concrete.key)
                }
                keys.append(concrete.key)
            }
            let planned = budget.observations[municipality.code]
            let spent = accounts.observations[municipality.code]
            entries.append(
                BudgetExecution.Entry(
                    municipality: municipality,
                    figures: .init(budget: planned?.okValue, accounts: spent?.okValue),
                    budgetStatus: planned?.status == .ok ? nil : planned?.status ?? .missing(.noData),
                    accountsStatus: spent?.status == .ok ? nil : spent?.status ?? .missing(.noData), groupKeys: keys))
        }
        let summaries = order.map { key -> BudgetExecution.Group in
            let group = resolved[key]!
            var counted: [String] = []
            var leftOut: [String] = []
            var sums = (budget: 0.0, accounts: 0.0, budgetBase: 0.0, accountsBase: 0.0)
            for code in group.members {
                guard let b = budget.observations[code], b.status == .ok, let bn = b.numerator, let bd = b.denominator,
                    let a = accounts.observations[code], a.status == .ok, let an = a.numerator, let ad = a.denominator
                else {
                    leftOut.append(code)
                    continue
                }
                counted.append(code)
                sums.budget += bn
                sums.budgetBase += bd
                sums.accounts += an
                sums.accountsBase += ad
            }
            let multiplier = Double(indicator.multiplier)
            return BudgetExecution.Group(
                group: group,
                figures: .init(
                    budget: sums.budgetBase > 0 ? sums.budget / sums.budgetBase * multiplier : nil,
                    accounts: sums.accountsBase > 0 ? sums.accounts / sums.accountsBase * multiplier : nil),
                counted: counted, leftOut: leftOut)
        }
        return BudgetExecution(
            indicator: indicator, year: year, budget: budget, accounts: accounts, municipalities: entries,
            groups: summaries,
            notes: [
                .begroting: budget.notes + Self.exclusionNotes(budget, profiles: profiles),
                .jaarrekening: accounts.notes + Self.exclusionNotes(accounts, profiles: profiles),
            ])
    }
}
