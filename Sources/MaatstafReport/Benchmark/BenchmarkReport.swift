public import MaatstafCompare
public import MaatstafCore
import MaatstafModel

/// Everything `maatstaf report` shows, computed once and rendered as HTML or Markdown: per indicator a comparison,
/// the spread of all municipalities, and a trend; a summary with targets on top.
public struct BenchmarkReport: Sendable {
    public var locale: ReportLocale
    /// The chosen municipalities, in the order the user named them.
    public var municipalities: [Municipality]
    public var sections: [IndicatorSection]
    /// Indicators asked for that could not be shown, with why and what to do.
    public var unavailable: [UnavailableIndicator]
    public var targets: [TargetResult]
    /// Targets in the file for municipalities or indicators not in this report; counted so nothing is silently dropped.
    public var targetsNotShown: Int
    /// Every target with a number of the municipalities and indicators shown: the path drawn in the trend panels.
    public var targetPath: [Target]
    /// How a fetch is written for the reader: the CLI passes its command line; without one the report describes the
    /// request in words.
    public var fetchText: (@Sendable (FetchRequest) -> String)?
    /// How advice naming options and commands is written for the reader: the CLI passes its spelling; without one
    /// the report uses the neutral one.
    public var adviceText: (@Sendable (Advice, ReportLocale) -> String)?
    /// Municipal boundaries per year as SVG paths on the Dutch grid, and every municipality's name: the map per
    /// indicator. Empty: no maps.
    public var shapes: [Int: MapShapes] = [:]
    public var names: [String: String] = [:]
    /// Regional views (`--region`): each region's members on each indicator of the report, after the indicators.
    public var regionViews: [RegionBreakdown] = []
    /// Where a click on a municipality of the map leads (the dashboard adds it to the view); nil in a printed report.
    public var mapLink: (@Sendable (String) -> String)?

    /// Every figure shown comes from imported own figures: the report credits their files, not CBS.
    var ownOnly: Bool {
        !sections.isEmpty && sections.allSatisfy { Attribution.credit(for: $0.comparison.data.sources) == nil }
    }

    public init(
        locale: ReportLocale, municipalities: [Municipality], sections: [IndicatorSection],
        unavailable: [UnavailableIndicator] = [], targets: [TargetResult] = [], targetsNotShown: Int = 0,
        targetPath: [Target] = []
    ) {
        self.locale = locale
        self.municipalities = municipalities
        self.sections = sections
        self.unavailable = unavailable
        self.targets = targets
        self.targetsNotShown = targetsNotShown
        self.targetPath = targetPath
    }

    /// The target for a municipality and indicator, if the file set one.
    public func target(_ code: String, _ indicatorID: String) -> TargetResult? {
        targets.first { $0.target.municipalityCode == code && $0.target.indicatorID == indicatorID }
    }
}

/// One indicator of a report.
public struct IndicatorSection: Sendable {
    /// The comparison for the report's year; its data holds every municipality's observation.
    public var comparison: Comparison
    /// The Netherlands as a whole, always shown whatever `--against` says.
    public var national: GroupSummary
    /// One point per year in the store, oldest first (a single point when the store holds one year).
    public var trend: [TrendPoint]
    /// For an indicator over own figures: per municipality code, its value in every period of the definition's kind.
    public var ownSeries: [String: [OwnPoint]] = [:]
    /// For a monthly or quarterly monitor of own figures: per municipality code, its latest figure in the monitor's
    /// rhythm.
    public var monitors: [String: OwnMonitor] = [:]
    /// Why each chosen municipality differs from the Netherlands, split over the indicator's decomposition
    /// (`maatstaf explain`); empty when it has none. With the run's notes and the factors' indicators.
    public var explanation: ExplainRun?
    /// For a decomposition over the fund's need: per chosen municipality, the measures behind its need per inhabitant
    /// against the Netherlands.
    public var needs: [NeedDifference] = []

    public init(comparison: Comparison, national: GroupSummary, trend: [TrendPoint]) {
        self.comparison = comparison
        self.national = national
        self.trend = trend
    }

    public var indicator: Indicator { comparison.indicator }

    /// The values of every municipality with one, for the distribution chart.
    public var allValues: [Double] {
        comparison.data.observations.values.compactMap { $0.status == .ok ? $0.value : nil }
    }

    /// The direction of travel: the municipality's value in the report's year as a change (%) on the first year of
    /// the same series (budget with budget, accounts with accounts); nil without both values or with only one year.
    public func change(_ code: String) -> (percent: Double, since: Int, acrossDefinitionChange: Bool)? {
        let series = trend.filter { $0.isBudget == comparison.data.isBudget }
        guard let base = series.first, base.year < comparison.year,
            let now = series.first(where: { $0.year == comparison.year }), let from = base.values[code],
            let to = now.values[code], from != 0
        else { return nil }
        return ((to - from) / from * 100, base.year, base.taakvelden != now.taakvelden)
    }

    /// Reference groups shown beside the municipalities: national first, each concrete group once.
    public var referenceGroups: [GroupSummary] {
        var seen: Set<String> = [national.group.key]
        var groups = [national]
        for municipality in comparison.municipalities {
            for reference in municipality.references where seen.insert(reference.summary.group.key).inserted {
                groups.append(reference.summary)
            }
        }
        return groups
    }
}

/// An indicator's figures in one year, for the trend chart.
public struct TrendPoint: Sendable, Hashable {
    public var year: Int
    /// Budget figures (Iv3 begroting), marked in the chart.
    public var isBudget: Bool
    public var national: Double?
    /// Chosen municipality code → value; absent when it has none that year.
    public var values: [String: Double]
    /// The taakvelden summed that year (Iv3); a change between two points is a change of definition.
    public var taakvelden: [String]

    public init(year: Int, isBudget: Bool, national: Double?, values: [String: Double], taakvelden: [String] = []) {
        self.year = year
        self.isBudget = isBudget
        self.national = national
        self.values = values
        self.taakvelden = taakvelden
    }
}

/// Where a trend must not be drawn as one line. Budgets and accounts are separate series (planned against spent),
/// each drawn on its own; within a series a change of definition (the 2025 Iv3 layout) breaks the line. A series is
/// never bridged across either.
public struct TrendBreak: Sendable, Hashable {
    public var from: Int
    public var to: Int
    /// The series the break is in: the budgets, or the accounts (and figures from CBS tables).
    public var isBudget: Bool

    public init(from: Int, to: Int, isBudget: Bool) {
        self.from = from
        self.to = to
        self.isBudget = isBudget
    }

    /// The breaks between consecutive points of one series whose definitions differ.
    public static func breaks(in points: [TrendPoint]) -> [TrendBreak] {
        var breaks: [TrendBreak] = []
        for series in [false, true] {
            let part = points.filter { $0.isBudget == series }
            for (a, b) in zip(part, part.dropFirst()) where a.taakvelden != b.taakvelden {
                breaks.append(TrendBreak(from: a.year, to: b.year, isBudget: series))
            }
        }
        return breaks.sorted { ($0.from, $0.to, $0.isBudget ? 0 : 1) < ($1.from, $1.to, $1.isBudget ? 0 : 1) }
    }

    /// The points as lines that may be drawn: per series (accounts, then budgets), split at every break.
    public static func segments(of points: [TrendPoint]) -> [[TrendPoint]] {
        var parts: [[TrendPoint]] = []
        for series in [false, true] {
            var previous: TrendPoint?
            for point in points where point.isBudget == series {
                if let before = previous, before.taakvelden == point.taakvelden {
                    parts[parts.count - 1].append(point)
                } else {
                    parts.append([point])
                }
                previous = point
            }
        }
        return parts
    }
}

/// An indicator that was asked for but cannot be shown, e.g. because its CBS table is not fetched.
public struct UnavailableIndicator: Sendable {
    public var indicator: Indicator
    /// Why it is not in the report, as a fact; words in the reader's language come from `reason(_:)`.
    public var why: Why
    /// What to do, when no fetch mends it.
    public var hint: Advice
    /// The fetches that mend it.
    public var fetch: [FetchRequest]

    public enum Why: Sendable {
        /// Its CBS tables are not in the store.
        case notFetched(tables: [String])
        /// Its table is stored, but as a part fetched for other codes: the codes its rows lack, per dimension.
        case partFetched(table: String, lacking: [(dimension: String, codes: [String])])
        /// The store has no data for it at all.
        case noData
        /// The store has data for other years only.
        case noDataForYear(Int, years: [Int])
    }

    public init(indicator: Indicator, why: Why, hint: Advice = .none, fetch: [FetchRequest] = []) {
        self.indicator = indicator
        self.why = why
        self.hint = hint
        self.fetch = fetch
    }

    /// Why, in words.
    public func reason(_ locale: ReportLocale) -> String {
        let nl = locale == .nl
        switch why {
        case .notFetched(let tables):
            let list = tables.joined(separator: nl ? " en " : " and ")
            return nl
                ? "heeft CBS-tabel\(tables.count == 1 ? "" : "len") \(list) nodig, die niet in de opslag \(tables.count == 1 ? "staat" : "staan")"
                : "needs CBS table\(tables.count == 1 ? "" : "s") \(list), which \(tables.count == 1 ? "is" : "are") not in the store"
        case .partFetched(let table, let lacking):
            let codes = lacking.map { "\($0.dimension) \($0.codes.joined(separator: ", "))" }.joined(separator: "; ")
            return nl
                ? "het opgeslagen deel van CBS-tabel \(table) heeft geen rijen voor \(codes) (het is voor andere codes opgehaald)"
                : "the stored part of CBS table \(table) has no rows for \(codes) (it was fetched for other codes)"
        case .noData:
            return nl ? "heeft geen gegevens in de opslag" : "has no data in the store"
        case .noDataForYear(let year, let years):
            let list = years.map(String.init).joined(separator: ", ")
            return nl ? "heeft geen gegevens voor \(year) (jaren: \(list))" : "has no data for \(year) (years: \(list))"
        }
    }
}

extension BenchmarkReport {
    /// What to do to include an unavailable indicator, in the report's words.
    func remedy(_ item: UnavailableIndicator) -> String {
        guard !item.fetch.isEmpty else {
            return adviceText?(item.hint, locale) ?? item.hint.plainText(locale) ?? item.hint.description
        }
        let wording = NoteWording(locale: locale)
        return item.fetch.map { fetchText?($0) ?? wording.fetch($0) }.joined(separator: " && ")
    }
}

/// A target next to the value it is about.
public struct TargetResult: Sendable {
    public var target: Target
    /// The municipality's value in `valueYear`; nil when it has none (then there is no status).
    public var actual: Double?
    public var status: TargetStatus?
    /// The year of the value checked: the report's year, which may differ from the target's (then it says so).
    public var valueYear: Int

    /// `resolved`: false when a relative target's bound cannot be formed that year (then there is no status).
    public init(target: Target, actual: Double?, resolved: Bool = true, valueYear: Int? = nil) {
        self.target = target
        self.actual = actual
        self.status = resolved ? actual.map { target.evaluate($0) } : nil
        self.valueYear = valueYear ?? target.year
    }
}
