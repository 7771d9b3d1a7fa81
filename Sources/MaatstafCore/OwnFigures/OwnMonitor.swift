/// A monthly or quarterly monitor's latest figure in the rhythm it is reported in: against the previous monitor, the
/// same period a year earlier, the year so far, the last year rolling, and where the year is heading. Computed from
/// the municipality's own series alone; nothing is filled in — a figure that needs a missing period has no value.
public struct OwnMonitor: Sendable, Hashable {
    /// A period with its value.
    public struct Point: Sendable, Hashable {
        public var period: Period
        public var value: Double

        public init(period: Period, value: Double) {
            self.period = period
            self.value = value
        }
    }

    /// Where the year is heading, and how that was worked out.
    public enum Projection: Sendable, Hashable {
        /// The year so far divided by the share of their year the earlier `years` had reached at the same point
        /// (`share`, their mean): a monitor with a season is projected by its own season.
        case pattern(value: Double, years: [Int], share: Double)
        /// The year so far × periods per year ÷ periods elapsed: without two earlier complete years there is no
        /// pattern, so the year is assumed to go on at its pace so far.
        case linear(value: Double, elapsed: Int, perYear: Int)

        public var value: Double {
            switch self {
            case .pattern(let value, _, _), .linear(let value, _, _): value
            }
        }
    }

    /// Why a figure of the rhythm has no value.
    public enum Gap: Sendable, Hashable {
        /// The indicator does not say whether its periods sum (flow) or the latest counts (stock).
        case accumulationNotDeclared
        /// A period the figure needs has no value (never counted as 0).
        case missing([Period])
        /// A stock has no year's total to project: its latest value is the year's.
        case stockHasNoTotal
    }

    public var accumulation: Accumulation?
    public var latest: Point
    /// The period right before the latest ("t.o.v. vorige monitor"); nil without a value there.
    public var previous: Point?
    /// The same period a year earlier; nil without a value there.
    public var yearEarlier: Point?
    /// A flow: the sum of the year's periods up to the latest; a stock: the latest value.
    public var yearToDate: Double?
    /// The same span of the year before, to set the year so far against.
    public var yearToDateEarlier: Double?
    /// The last full year of periods ending with the latest (four quarters, twelve months): a flow's sum, a stock's
    /// mean.
    public var rolling: Double?
    public var projection: Projection?
    /// Why the year so far, the rolling year or the projection has no value, when one has none.
    public var yearToDateGap: Gap?
    public var rollingGap: Gap?
    public var projectionGap: Gap?

    /// Fewest earlier complete years whose pattern a projection follows.
    public static let patternYears = 2

    /// The monitor at the latest period of `series` (periods of one kind, months or quarters); nil for a series
    /// without periods, of whole years, or of one period a year (each year's February is a yearly count taken in
    /// February, not a monitor: it has no previous month to compare with).
    public init?(series: [(period: Period, value: Double)], accumulation: Accumulation?) {
        guard let last = series.max(by: { $0.period < $1.period }), last.period.kind != .year,
            Dictionary(grouping: series, by: \.period.year).values.contains(where: { $0.count > 1 })
        else { return nil }
        let kind = last.period.kind
        let perYear = kind.perYear
        let values = Dictionary(series.map { ($0.period, $0.value) }, uniquingKeysWith: { first, _ in first })
        func point(_ period: Period?) -> Point? {
            period.flatMap { period in values[period].map { Point(period: period, value: $0) } }
        }
        func shifted(_ period: Period, by periods: Int) -> Period? {
            let index = period.year * perYear + (period.number - 1) + periods
            return Period(year: index / perYear, kind: kind, number: index % perYear + 1)
        }
        self.accumulation = accumulation
        latest = Point(period: last.period, value: last.value)
        previous = point(shifted(last.period, by: -1))
        yearEarlier = point(shifted(last.period, by: -perYear))

        /// The values of `periods`, or the ones without a value.
        func all(_ periods: [Period]) -> Result<[Double], GapError> {
            let missing = periods.filter { values[$0] == nil }
            return missing.isEmpty ? .success(periods.map { values[$0]! }) : .failure(GapError(periods: missing))
        }
        func span(year: Int, through number: Int) -> [Period] {
            (1...number).compactMap { Period(year: year, kind: kind, number: $0) }
        }
        guard let accumulation else {
            yearToDateGap = .accumulationNotDeclared
            rollingGap = .accumulationNotDeclared
            projectionGap = .accumulationNotDeclared
            return
        }
        let n = last.period.number
        switch accumulation {
        case .stock:
            yearToDate = last.value
            yearToDateEarlier = yearEarlier?.value
            projectionGap = .stockHasNoTotal
        case .flow:
            switch all(span(year: last.period.year, through: n)) {
            case .success(let sofar): yearToDate = sofar.reduce(0, +)
            case .failure(let gap): yearToDateGap = .missing(gap.periods)
            }
            if case .success(let before) = all(span(year: last.period.year - 1, through: n)) {
                yearToDateEarlier = before.reduce(0, +)
            }
        }
        let lastYear = (0..<perYear).reversed().compactMap { shifted(last.period, by: -$0) }
        switch all(lastYear) {
        case .success(let year):
            rolling = accumulation == .flow ? year.reduce(0, +) : year.reduce(0, +) / Double(year.count)
        case .failure(let gap): rollingGap = .missing(gap.periods)
        }
        guard accumulation == .flow else { return }
        guard let yearToDate else {
            projectionGap = yearToDateGap
            return
        }
        // Earlier complete years: the share of their total reached by the same point.
        var shares: [(year: Int, share: Double)] = []
        let years = Set(values.keys.map(\.year)).filter { $0 < last.period.year }.sorted()
        for year in years {
            guard case .success(let whole) = all(span(year: year, through: perYear)) else { continue }
            let total = whole.reduce(0, +)
            guard total > 0 else { continue }
            shares.append((year, whole.prefix(n).reduce(0, +) / total))
        }
        if shares.count >= Self.patternYears {
            let share = shares.map(\.share).reduce(0, +) / Double(shares.count)
            if share > 0 {
                projection = .pattern(value: yearToDate / share, years: shares.map(\.year), share: share)
                return
            }
        }
        projection = .linear(value: yearToDate * Double(perYear) / Double(n), elapsed: n, perYear: perYear)
    }

    private struct GapError: Error {
        var periods: [Period]
    }
}
