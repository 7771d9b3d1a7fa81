public import MaatstafCore

/// An indicator over every period in the store for chosen municipalities and their reference groups: what a council
/// reads as "where do we stand, and are we moving?".
///
/// Budgets and accounts are separate series (planned against spent), and a change of definition (the 2025 Iv3
/// layout) splits a series: an index or a yearly change across one is marked, never passed off as a movement.
public struct IndicatorSeries: Sendable {
    public var indicator: Indicator
    /// Oldest first; within a year the budget before the accounts.
    public var points: [Point]
    /// The year indices are measured from (= 100).
    public var baseYear: Int
    /// The chosen municipalities, in the order named.
    public var municipalities: [Municipality]
    /// Periods the store has a document of, in which the indicator has no value because that year's Iv3 layout has no
    /// line of its own for it (household help before 2023): said in every output, never left out silently.
    public var withoutLine: [IndicatorPeriod] = []
    /// For a monthly or quarterly monitor of own figures: per municipality code, its latest figure in the monitor's
    /// rhythm (previous period, a year earlier, year to date, rolling year, projection).
    public var monitors: [String: OwnMonitor] = [:]
    /// The year whose municipal boundaries the series is on (`--boundaries`); nil: each year on its own.
    public var boundaries: Int?

    /// One period: every chosen municipality's comparison, the national figure and the period's provenance.
    public struct Point: Sendable {
        public var period: IndicatorPeriod
        public var national: GroupSummary
        /// Code → the comparison; absent when it was not a municipality in that year (merged, not yet formed).
        public var comparisons: [String: MunicipalityComparison]
        /// The taakvelden summed (Iv3); a difference between two points of one series is a change of definition.
        public var taakvelden: [String]
        public var sources: [SourceReference]
        public var notes: [IndicatorNote]

        public init(
            period: IndicatorPeriod, national: GroupSummary, comparisons: [String: MunicipalityComparison],
            taakvelden: [String], sources: [SourceReference], notes: [IndicatorNote]
        ) {
            self.period = period
            self.national = national
            self.comparisons = comparisons
            self.taakvelden = taakvelden
            self.sources = sources
            self.notes = notes
        }
    }

    /// A figure measured against another point of the same series.
    public struct Change: Sendable, Hashable {
        /// The value as a share of the earlier one × 100 (index), or the change per year.
        public var value: Double
        /// The definition differs between the two points: the figure compares different things.
        public var acrossDefinitionChange: Bool
    }

    public init(indicator: Indicator, points: [Point], baseYear: Int, municipalities: [Municipality]) {
        self.indicator = indicator
        self.points = points
        self.baseYear = baseYear
        self.municipalities = municipalities
    }

    /// The point of the same series (document kind) in the base year.
    public func base(of point: Point) -> Point? {
        points.first { $0.period.year == baseYear && $0.period.kind == point.period.kind }
    }

    /// The previous point of the same series.
    public func previous(of point: Point) -> Point? {
        points.last { $0.period.kind == point.period.kind && $0.period.year < point.period.year }
    }

    /// A municipality's value at `point` as an index against the base year (base = 100); nil without both values
    /// or when the base value is 0.
    public func index(_ code: String, at point: Point) -> Change? {
        guard let base = base(of: point) else { return nil }
        return Self.ratio(point.comparisons[code]?.observation.okValue, base.comparisons[code]?.observation.okValue)
            .map { Change(value: $0 * 100, acrossDefinitionChange: base.taakvelden != point.taakvelden) }
    }

    /// The national rate at `point` as an index against the base year.
    public func nationalIndex(at point: Point) -> Change? {
        guard let base = base(of: point) else { return nil }
        return Self.ratio(point.national.rate, base.national.rate)
            .map { Change(value: $0 * 100, acrossDefinitionChange: base.taakvelden != point.taakvelden) }
    }

    /// The change per year since the previous point of the same series, in the indicator's unit: (value − earlier)
    /// ÷ years between them.
    public func changePerYear(_ code: String, at point: Point) -> Change? {
        guard let earlier = previous(of: point), let now = point.comparisons[code]?.observation.okValue,
            let then = earlier.comparisons[code]?.observation.okValue
        else { return nil }
        let years = Double(point.period.year - earlier.period.year)
        return Change(value: (now - then) / years, acrossDefinitionChange: earlier.taakvelden != point.taakvelden)
    }

    /// Whether the definition changes between this point and the previous one of its series.
    public func definitionChanges(before point: Point) -> Bool {
        guard let earlier = previous(of: point) else { return false }
        return earlier.taakvelden != point.taakvelden
    }

    private static func ratio(_ value: Double?, _ base: Double?) -> Double? {
        guard let value, let base, base != 0 else { return nil }
        return value / base
    }
}
