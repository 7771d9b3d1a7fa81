public import MaatstafCore

extension ComparisonEngine {
    /// An indicator over own figures in one period of any year: the same definition, that month, quarter or
    /// half-year (or the whole year); nil without a value.
    public func ownValue(_ indicator: Indicator, municipality: Municipality, in period: Period) -> Double? {
        var within = indicator
        within.ownPeriod =
            period.kind == .year
            ? nil : OwnPeriod(code: "\(period.kind.rawValue)\(period.number < 10 ? "0" : "")\(period.number)")
        return (try? data(within, year: period.year))?.observations[municipality.code]?.okValue
    }

    /// Every period of the indicator's kind (each month for a monthly definition) the municipality has figures for,
    /// oldest first, with the indicator's value: what a monitor shows over time. Empty for other indicators.
    public func ownSeries(_ indicator: Indicator, municipality: Municipality) throws -> [(period: Period, value: Double)] {
        guard case .own(let measure) = indicator.numerator else { return [] }
        let kind = indicator.ownPeriod?.kind ?? .year
        let periods = Set(
            try loader.source.ownFigures(measure: measure, period: nil)
                .filter { $0.code == municipality.code && $0.period.kind == kind }.map(\.period)
        ).sorted()
        return periods.compactMap { period in ownValue(indicator, municipality: municipality, in: period).map { (period, $0) } }
    }
}
