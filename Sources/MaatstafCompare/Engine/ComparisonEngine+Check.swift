public import MaatstafCore
import MaatstafModel

extension ComparisonEngine {
    /// Every target and norm checked for the latest year the municipality has a value of the indicator (the latest
    /// year with data when it has none): what `maatstaf check` reports. `indicator(id)` looks indicators up.
    public func check(targets: [Target], norms: [Norm], indicator: (String) throws -> Indicator) throws -> [CheckResult] {
        var results: [CheckResult] = []
        var latest: [String: (year: Int, value: Double?, missing: MissingReason?)] = [:]
        /// The latest year the municipality has a value in, with that value.
        func latestValue(_ code: String, _ indicator: Indicator) throws -> (year: Int, value: Double?, missing: MissingReason?)? {
            let key = "\(code)|\(indicator.id)"
            if let known = latest[key] { return known }
            let years = try self.years(for: indicator)
            var found: (year: Int, value: Double?, missing: MissingReason?)?
            for year in years.reversed() {
                let observation = try data(indicator, year: year).observations[code]
                if let value = observation?.okValue {
                    found = (year, value, nil)
                    break
                }
                if found == nil {
                    var reason: MissingReason = .noData
                    if case .missing(let why)? = observation?.status { reason = why }
                    found = (year, nil, reason)
                }
            }
            latest[key] = found
            return found
        }

        let byPair = Dictionary(grouping: targets) { "\($0.municipalityCode)|\($0.indicatorID)" }
        for key in byPair.keys.sorted() {
            let group = byPair[key]!
            let indicator = try indicator(group[0].indicatorID)
            guard let municipality = atlas.directory.byCode[group[0].municipalityCode] else { continue }
            guard let latest = try latestValue(municipality.code, indicator),
                let target = Self.applicableTarget(group, year: latest.year)
            else {
                results.append(
                    CheckResult(
                        subject: .target(
                            TargetEvaluation(
                                target: group[0], applied: group[0], municipality: municipality, year: group[0].year,
                                value: nil, missing: .noData, unresolved: nil, status: nil)),
                        municipality: municipality, indicator: indicator, year: group[0].year, value: nil, status: nil,
                        missing: .noData))
                continue
            }
            let evaluation = try evaluate(target, indicator: indicator, year: latest.year)
            results.append(
                CheckResult(
                    subject: .target(evaluation), municipality: municipality, indicator: indicator, year: latest.year,
                    value: evaluation.value, status: evaluation.status, missing: evaluation.missing ?? evaluation.unresolved))
        }

        for norm in norms {
            let indicator = try indicator(norm.indicatorID)
            guard let municipality = atlas.directory.byCode[norm.municipalityCode] else { continue }
            if case .worseAndWorsening(let kind, let periods) = norm.rule {
                results.append(
                    try worseAndWorsening(norm, kind: kind, periods: periods, indicator: indicator, municipality: municipality))
                continue
            }
            if case .aboveRecentMaximum(let months) = norm.rule {
                results.append(try recentMaximum(norm, months: months, indicator: indicator, municipality: municipality))
                continue
            }
            guard let latest = try latestValue(municipality.code, indicator) else {
                results.append(
                    CheckResult(
                        subject: .norm(norm, threshold: nil), municipality: municipality, indicator: indicator, year: 0,
                        value: nil, status: nil, missing: .noData))
                continue
            }
            var threshold: Double?
            var missing = latest.missing
            switch norm.rule {
            case .aboveGroup(let kind, let percent):
                let data = try data(indicator, year: latest.year)
                // Own figures: the national figure the file entered, never the few municipalities that have them.
                let group = try resolver.resolve(.builtIn(kind), for: municipality, year: data.classificationYear)
                let rate = GroupSummary(group: group, data: data).rate
                threshold = rate.map { $0 * (1 + percent / 100) }
            case .aboveRecentMaximum, .worseAndWorsening: break  // checked above
            case .growth(let percent):
                // The same period a year earlier (the same month of a monthly monitor).
                let earlier = try? data(indicator, year: latest.year - 1).observations[municipality.code]
                if let value = earlier?.okValue {
                    threshold = value * (1 + percent / 100)
                } else if missing == nil {
                    missing = .noData
                }
            }
            let status = latest.value.flatMap { value in threshold.map { norm.evaluate(value, threshold: $0) } }
            results.append(
                CheckResult(
                    subject: .norm(norm, threshold: threshold), municipality: municipality, indicator: indicator,
                    year: latest.year, value: latest.value, status: status, missing: status == nil ? (missing ?? .noData) : nil))
        }
        // A monitor: every result of a monthly or quarterly own figure says where the monitor stands.
        var monitors: [String: OwnMonitor?] = [:]
        for index in results.indices {
            let result = results[index]
            guard let kind = result.indicator.ownPeriod?.kind, kind != .year else { continue }
            let key = "\(result.municipality.code)|\(result.indicator.id)"
            if monitors[key] == nil {
                monitors[key] = OwnMonitor(
                    series: try ownSeries(result.indicator, municipality: result.municipality),
                    accumulation: result.indicator.accumulation)
            }
            results[index].monitor = monitors[key] ?? nil
        }
        return results
    }

    /// The latest month of an indicator over own monthly figures against the highest of the months before it.
    private func recentMaximum(_ norm: Norm, months: Int, indicator: Indicator, municipality: Municipality) throws -> CheckResult
    {
        guard case .own(let measure) = indicator.numerator else {
            return CheckResult(
                subject: .norm(norm, threshold: nil), municipality: municipality, indicator: indicator, year: 0, value: nil,
                status: nil, missing: .noData)
        }
        /// The indicator's value in one month: the same definition, that month of the year.
        func value(in period: Period) throws -> Double? { ownValue(indicator, municipality: municipality, in: period) }
        let periods = try loader.source.ownFigures(measure: measure, period: nil)
            .filter { $0.code == municipality.code && $0.period.kind == .month }.map(\.period)
        guard let latest = periods.max(), let now = try value(in: latest) else {
            return CheckResult(
                subject: .norm(norm, threshold: nil), municipality: municipality, indicator: indicator, year: 0, value: nil,
                status: nil, missing: .noOwnFigure(measure: measure, period: "MM"))
        }
        var before: [Double] = []
        var month = latest
        for _ in 0..<months {
            month =
                month.number == 1
                ? Period(year: month.year - 1, kind: .month, number: 12)!
                : Period(year: month.year, kind: .month, number: month.number - 1)!
            if let earlier = try value(in: month) { before.append(earlier) }
        }
        let threshold = before.max()
        return CheckResult(
            subject: .norm(norm, threshold: threshold), municipality: municipality, indicator: indicator,
            year: latest.year, value: now, status: threshold.map { norm.evaluate(now, threshold: $0) },
            missing: threshold == nil ? .noData : nil)
    }
}
