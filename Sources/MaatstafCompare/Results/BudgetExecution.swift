public import MaatstafCore

/// One year's accounts against its budget: per municipality what was planned and what was spent per inhabitant,
/// and the same for the national total and the chosen groups.
///
/// A group's two rates are taken over the same members — those with a value in both documents — so the difference
/// is a difference in spending, not in who delivered. Who is left out, and why, is kept.
public struct BudgetExecution: Sendable {
    public var indicator: Indicator
    public var year: Int
    public var budget: IndicatorData
    public var accounts: IndicatorData
    public var municipalities: [Entry]
    /// Each concrete group once, national first.
    public var groups: [Group]
    /// The engine's notes per document (who delivered nothing, who books nothing on the lines).
    public var notes: [Iv3DocumentKind: [IndicatorNote]]

    /// Planned against spent, and the difference (spent − planned) in the indicator's unit and as a percentage of
    /// the budget. Nil where either is missing (or, for the percentage, the budget is 0).
    public struct Figures: Sendable, Hashable {
        public var budget: Double?
        public var accounts: Double?
        public var difference: Double? {
            guard let budget, let accounts else { return nil }
            return accounts - budget
        }
        public var differencePercent: Double? {
            guard let difference, let budget, budget != 0 else { return nil }
            return difference / budget * 100
        }

        public init(budget: Double?, accounts: Double?) {
            self.budget = budget
            self.accounts = accounts
        }
    }

    public struct Entry: Sendable {
        public var municipality: Municipality
        public var figures: Figures
        /// Why there is no budget or accounts value; nil when there is one.
        public var budgetStatus: Observation.Status?
        public var accountsStatus: Observation.Status?
        /// The keys of `groups` this municipality is compared with, in the order asked.
        public var groupKeys: [String]
    }

    public struct Group: Sendable {
        public var group: ResolvedPeerGroup
        /// Rates over the members counted in both documents.
        public var figures: Figures
        /// Members with a value in both documents.
        public var counted: [String]
        /// Members left out: no value in the budget, in the accounts, or in both.
        public var leftOut: [String]
    }
}
