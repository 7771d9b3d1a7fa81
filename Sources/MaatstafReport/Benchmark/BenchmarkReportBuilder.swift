import Foundation
public import MaatstafCompare
public import MaatstafCore
import MaatstafModel

/// Computes a `BenchmarkReport` through the comparison engine: the same numbers `maatstaf compare` prints.
public struct BenchmarkReportBuilder: Sendable {
    public let engine: ComparisonEngine

    public init(engine: ComparisonEngine) {
        self.engine = engine
    }

    /// - Parameters:
    ///   - year: the report's year; nil takes each indicator's latest year in the store.
    ///   - groups: reference groups besides the Netherlands, which every report shows.
    ///   - kind: the Iv3 document (accounts or budget) of indicators from Iv3; nil prefers the accounts.
    /// An indicator without data (its CBS table not fetched, or not defined for `year`) is listed as unavailable
    /// rather than failing the whole report; an unknown municipality or a year no indicator has is an error.
    public func build(
        indicators: [Indicator], year: Int?, municipalities: [Municipality], against groups: [PeerGroup],
        targets: [Target], locale: ReportLocale, kind: Iv3DocumentKind? = nil
    ) throws -> BenchmarkReport {
        let groups = PeerGroup.withNationalFirst(groups)
        var sections: [IndicatorSection] = []
        var unavailable: [UnavailableIndicator] = []
        for indicator in indicators {
            let years = try engine.years(for: indicator)
            guard let chosenYear = year ?? years.last, years.contains(chosenYear) else {
                unavailable.append(try unavailableIndicator(indicator, years: years, year: year))
                continue
            }
            let data: IndicatorData
            do {
                data = try engine.data(indicator, year: chosenYear, kind: kind)
            } catch let error as CompareError where error.kind == .tableNotFetched {
                // Its tables are stored, but as a part fetched for other codes: left out with the fetch that mends it.
                unavailable.append(
                    UnavailableIndicator(
                        indicator: indicator,
                        why: .partFetched(
                            table: error.partial?.table ?? "",
                            lacking: error.partial?.lacking.map { ($0.dimension, $0.codes) } ?? []),
                        hint: error.hint, fetch: error.fetch))
                continue
            }
            let comparison = try engine.compare(data, municipalities: municipalities, against: groups)
            guard let nationalSummary = comparison.municipalities.first?.references.first?.summary else { continue }
            // Every period in the store, budgets and accounts apart. A year the stored part of a CBS table cannot
            // answer is left out of the trend, not the whole report.
            let trend = try engine.periods(for: indicator).compactMap { period -> TrendPoint? in
                do {
                    let current = period.year == chosenYear && period.kind == data.document ? data : nil
                    return try trendPoint(
                        indicator, period: period, municipalities: municipalities, current: current)
                } catch let error as CompareError where error.kind == .tableNotFetched || error.kind == .yearNotAvailable {
                    return nil
                }
            }
            var section = IndicatorSection(comparison: comparison, national: nationalSummary, trend: trend)
            if case .own = indicator.numerator {
                for municipality in municipalities {
                    let series = try engine.ownSeries(indicator, municipality: municipality)
                    section.ownSeries[municipality.code] = series.map { OwnPoint(period: $0.period, value: $0.value) }
                    section.monitors[municipality.code] = OwnMonitor(series: series, accumulation: indicator.accumulation)
                }
            }
            sections.append(section)
        }
        if sections.isEmpty, let year, !indicators.isEmpty {
            throw CompareError(
                .yearNotAvailable, subject: String(year),
                reason: .en(
                    "none of the indicators has data for \(year)", nl: "geen van de indicatoren heeft gegevens over \(year)"),
                hint: .en(
                    "Leave out \(option: .year) to use each indicator's latest year",
                    nl: "Laat \(option: .year) weg om van elke indicator het laatste jaar te nemen"))
        }
        // Per municipality and indicator shown: the target that applies to the section's year (that year's; else
        // the next ahead; else the last), checked against that year's value; the others stay in the file's path,
        // drawn in the trend panels. A target for another year is never silently used: the report says which.
        var results: [TargetResult] = []
        var notShown = 0
        var path: [Target] = []
        let byPair = Dictionary(grouping: targets) { "\($0.municipalityCode)|\($0.indicatorID)" }
        for key in byPair.keys.sorted() {
            let group = byPair[key]!
            guard let first = group.first, municipalities.contains(where: { $0.code == first.municipalityCode }),
                let section = sections.first(where: { $0.indicator.id == first.indicatorID })
            else {
                notShown += group.count
                continue
            }
            // A relative target is drawn at what it resolves to (−3 % on 2019: the 2019 value less 3 %).
            path += group.compactMap { target in
                engine.pathBound(target, indicator: section.indicator, document: section.comparison.data.document)
                    .map(target.resolved)
            }
            guard let target = ComparisonEngine.applicableTarget(group, year: section.comparison.year) else { continue }
            do {
                let evaluation = try engine.evaluate(
                    target, indicator: section.indicator, year: section.comparison.year)
                results.append(
                    TargetResult(
                        target: evaluation.applied, actual: evaluation.value, resolved: evaluation.unresolved == nil,
                        valueYear: section.comparison.year))
            } catch let error as CompareError where error.kind == .yearNotAvailable || error.kind == .tableNotFetched {
                results.append(TargetResult(target: target, actual: nil, resolved: false, valueYear: section.comparison.year))
            }
        }
        return BenchmarkReport(
            locale: locale, municipalities: municipalities, sections: sections,
            unavailable: unavailable, targets: results, targetsNotShown: notShown, targetPath: path)
    }

    private func trendPoint(
        _ indicator: Indicator, period: IndicatorPeriod, municipalities: [Municipality],
        current: IndicatorData?
    ) throws -> TrendPoint {
        let year = period.year
        let data = try current ?? engine.data(indicator, year: year, kind: period.kind)
        let summary = GroupSummary(group: .national(members: data.observations.keys.sorted()), data: data)
        var values: [String: Double] = [:]
        for municipality in municipalities {
            if let observation = data.observations[municipality.code], observation.status == .ok, let value = observation.value {
                values[municipality.code] = value
            }
        }
        return TrendPoint(
            year: year, isBudget: data.isBudget, national: summary.rate, values: values, taakvelden: data.taakvelden)
    }

    private func unavailableIndicator(_ indicator: Indicator, years: [Int], year: Int?) throws -> UnavailableIndicator {
        if years.isEmpty, try engine.notFetchedError(indicator, year: year) != nil {
            return UnavailableIndicator(
                indicator: indicator, why: .notFetched(tables: try engine.missingTables(for: indicator)),
                fetch: try engine.fetchRequests(for: indicator, year: year))
        }
        return UnavailableIndicator(
            indicator: indicator, why: years.isEmpty ? .noData : .noDataForYear(year ?? 0, years: years), hint: .none)
    }
}
