import MaatstafCore
import MaatstafModel

extension ComparisonEngine {
    /// The norm "worse and worsening" (Fingertips' red-red) for one municipality: its latest value against the group's
    /// figure, beyond the value's 95% interval where it has one, and the direction of its last steps. Both: breach;
    /// one of the two: near (amber); neither: fine. The series is one document (budgets with budgets) or, for a
    /// monitor of own figures, its months or quarters.
    func worseAndWorsening(
        _ norm: Norm, kind: PeerGroupKind, periods count: Int, indicator: Indicator, municipality: Municipality
    ) throws -> CheckResult {
        func none(_ missing: MissingReason) -> CheckResult {
            CheckResult(
                subject: .norm(norm, threshold: nil), municipality: municipality, indicator: indicator, year: 0, value: nil,
                status: nil, missing: missing)
        }
        // The latest `count` values, oldest first, and the data of the latest (for the group and the interval).
        var values: [Double] = []
        var latestData: IndicatorData?
        if let ownKind = indicator.ownPeriod?.kind, ownKind != .year {
            let series = try ownSeries(indicator, municipality: municipality)
            guard let last = series.last else { return none(.noData) }
            values = series.suffix(count).map(\.value)
            var within = indicator
            within.ownPeriod = OwnPeriod(code: String(last.period.code.suffix(4)))
            latestData = try data(within, year: last.period.year)
        } else {
            let all = try self.periods(for: indicator)
            guard let last = all.last else { return none(.noData) }
            for period in all.filter({ $0.kind == last.kind }).reversed() {
                let data = try data(indicator, year: period.year, kind: period.kind)
                guard let value = data.observations[municipality.code]?.okValue else { break }  // a gap ends the run
                if latestData == nil { latestData = data }
                values.insert(value, at: 0)
                if values.count == count { break }
            }
        }
        guard let data = latestData, let latest = values.last,
            let observation = data.observations[municipality.code]
        else { return none(.noData) }
        let group = try resolver.resolve(.builtIn(kind), for: municipality, year: data.classificationYear)
        guard let rate = GroupSummary(group: group, data: data).rate else { return none(.noData) }
        let lowerIsBetter = indicator.direction == .lowerIsBetter
        func worse(_ a: Double, than b: Double) -> Bool { lowerIsBetter ? a > b : a < b }
        // Beyond the uncertainty: the whole 95% interval on the worse side, where the value has one.
        var beyond = worse(latest, than: rate)
        if indicator.hasInterval, let n = observation.numerator, let d = observation.denominator,
            let interval = ProportionInterval(successes: n, trials: d)?.scaled(by: Double(indicator.multiplier))
        {
            beyond = lowerIsBetter ? interval.lower > rate : interval.upper < rate
        }
        let worsening =
            values.count == count && zip(values, values.dropFirst()).allSatisfy { worse($0.1, than: $0.0) }
        let status: TargetStatus = beyond && worsening ? .missed : (beyond || worsening ? .withinMargin : .met)
        return CheckResult(
            subject: .norm(norm, threshold: rate), municipality: municipality, indicator: indicator, year: data.year,
            value: latest, status: status, missing: nil)
    }
}
