public import MaatstafCore
import MaatstafModel

extension ComparisonEngine {
    /// The indicator in every period the store holds (within `years`, when given), for the chosen municipalities
    /// against `groups`. A municipality that did not exist in a period has no comparison there, rather than a value
    /// on other boundaries — unless `boundaries` names a year: then a municipality of that year is, in earlier years,
    /// the sum of the municipalities that went into it whole (CBS's record of mergers, said in a note at each point).
    /// `baseYear` defaults to the first year of the series.
    public func series(
        _ indicator: Indicator, municipalities: [Municipality], against groups: [PeerGroup],
        years: ClosedRange<Int>? = nil, baseYear: Int? = nil, boundaries: Int? = nil
    ) throws -> IndicatorSeries {
        let periods = try self.periods(for: indicator).filter { years?.contains($0.year) ?? true }
        guard let first = periods.first else {
            if let error = try notFetchedError(indicator, year: nil) { throw error }
            let all = try self.periods(for: indicator).map(\.description).joined(separator: ", ")
            throw CompareError(
                .yearNotAvailable, subject: indicator.id,
                reason: years.map {
                    .en(
                        "has no data from \($0.lowerBound) to \($0.upperBound) in the store",
                        nl: "heeft in de opslag geen gegevens van \($0.lowerBound) tot \($0.upperBound)")
                } ?? .en("has no data for any year in the store", nl: "heeft in de opslag voor geen enkel jaar gegevens"),
                hint: all.isEmpty ? .none : .en("Periods in the store: \(all)", nl: "Perioden in de opslag: \(all)"))
        }
        let base = baseYear ?? first.year
        guard periods.contains(where: { $0.year == base }) else {
            throw CompareError(
                .yearNotAvailable, subject: indicator.id,
                reason: .en("has no data for the base year \(base)", nl: "heeft geen gegevens voor het basisjaar \(base)"),
                hint: .en(
                    "Choose a base year of the series: \(Set(periods.map(\.year)).sorted().map(String.init).joined(separator: ", "))",
                    nl:
                        "Kies een basisjaar uit de reeks: \(Set(periods.map(\.year)).sorted().map(String.init).joined(separator: ", "))"
                )
            )
        }
        let groups = PeerGroup.withNationalFirst(groups)
        var history: MergerHistory?
        if let boundaries, let last = periods.last {
            try checkBoundaries(boundaries, indicator: indicator, municipalities: municipalities, lastYear: last.year)
            history = try mergerHistory(for: indicator.id)
        }
        var points: [IndicatorSeries.Point] = []
        for period in periods {
            let data = try data(indicator, year: period.year, kind: period.kind)
            var summaries: [String: GroupSummary] = [:]
            var comparisons: [String: MunicipalityComparison] = [:]
            var notes = data.notes
            for municipality in municipalities {
                if let boundaries, let history,
                    let summed = try comparisonOnBoundaries(
                        municipality, data: data, boundaries: boundaries, history: history, against: groups,
                        summaries: &summaries)
                {
                    comparisons[municipality.code] = summed.comparison
                    if let note = summed.note, !notes.contains(note) { notes.append(note) }
                    continue
                }
                do {
                    let comparison = try compare(data, municipalities: [municipality], against: groups, summaries: &summaries)
                    comparisons[municipality.code] = comparison.municipalities.first
                    for note in comparison.notes where !notes.contains(note) { notes.append(note) }
                } catch let error as CompareError where error.kind == .municipalityNotAvailable {
                    continue  // not a municipality in that year: no value, said by the absence
                }
            }
            let members = try atlas.profiles(year: data.classificationYear).keys.sorted()
            let nationalSummary =
                summaries.values.first { $0.group.key == ResolvedPeerGroup.national(members: members).key }
                ?? GroupSummary(group: .national(members: members), data: data)
            points.append(
                IndicatorSeries.Point(
                    period: period, national: nationalSummary, comparisons: comparisons, taakvelden: data.taakvelden,
                    sources: data.sources, notes: notes))
        }
        var series = IndicatorSeries(indicator: indicator, points: points, baseYear: base, municipalities: municipalities)
        series.boundaries = boundaries
        series.withoutLine = try periodsWithoutLine(for: indicator).filter { years?.contains($0.year) ?? true }
        if let kind = indicator.ownPeriod?.kind, kind != .year {
            for municipality in municipalities {
                let own = try ownSeries(indicator, municipality: municipality)
                    .filter { years?.contains($0.period.year) ?? true }
                series.monitors[municipality.code] = OwnMonitor(series: own, accumulation: indicator.accumulation)
            }
        }
        return series
    }
}
