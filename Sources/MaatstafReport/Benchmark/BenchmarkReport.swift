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
    /// How a fetch is written for the reader: the CLI passes its command line; without one the report describes the
    /// request in words.
    public var fetchText: (@Sendable (FetchRequest) -> String)?
    /// How advice naming options and commands is written for the reader: the CLI passes its spelling; without one
    /// the report uses the neutral one.
    public var adviceText: (@Sendable (Advice) -> String)?

    public init(
        locale: ReportLocale, municipalities: [Municipality], sections: [IndicatorSection],
        unavailable: [UnavailableIndicator] = [], targets: [TargetResult] = [], targetsNotShown: Int = 0
    ) {
        self.locale = locale
        self.municipalities = municipalities
        self.sections = sections
        self.unavailable = unavailable
        self.targets = targets
        self.targetsNotShown = targetsNotShown
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

/// Where a trend must not be drawn as one line: between two years whose figures differ in kind (accounts beside a
/// budget) or in definition (the 2025 Iv3 layout). A series is never bridged across either.
public struct TrendBreak: Sendable, Hashable {
    public var from: Int
    public var to: Int
    public var definitionChanged: Bool
    public var kindChanged: Bool

    /// The breaks between consecutive points.
    public static func breaks(in points: [TrendPoint]) -> [TrendBreak] {
        zip(points, points.dropFirst()).compactMap { a, b in
            let definition = a.taakvelden != b.taakvelden
            let kind = a.isBudget != b.isBudget
            return definition || kind
                ? TrendBreak(from: a.year, to: b.year, definitionChanged: definition, kindChanged: kind) : nil
        }
    }

    /// The points split at every break: each part may be drawn as one line.
    public static func segments(of points: [TrendPoint]) -> [[TrendPoint]] {
        let starts = Set(breaks(in: points).map(\.to))
        var parts: [[TrendPoint]] = []
        for point in points {
            if parts.isEmpty || starts.contains(point.year) {
                parts.append([point])
            } else {
                parts[parts.count - 1].append(point)
            }
        }
        return parts
    }
}

/// An indicator that was asked for but cannot be shown, e.g. because its CBS table is not fetched.
public struct UnavailableIndicator: Sendable {
    public var indicator: Indicator
    public var reason: String
    /// What to do, when no fetch mends it.
    public var hint: Advice
    /// The fetches that mend it.
    public var fetch: [FetchRequest]

    public init(indicator: Indicator, reason: String, hint: Advice = .none, fetch: [FetchRequest] = []) {
        self.indicator = indicator
        self.reason = reason
        self.hint = hint
        self.fetch = fetch
    }
}

extension BenchmarkReport {
    /// What to do to include an unavailable indicator, in the report's words.
    func remedy(_ item: UnavailableIndicator) -> String {
        guard !item.fetch.isEmpty else { return adviceText?(item.hint) ?? item.hint.description }
        let wording = NoteWording(locale: locale)
        return item.fetch.map { fetchText?($0) ?? wording.fetch($0) }.joined(separator: " && ")
    }
}

/// A target next to the value it is about.
public struct TargetResult: Sendable {
    public var target: Target
    /// The municipality's value in the target's year; nil when it has none (then there is no status).
    public var actual: Double?
    public var status: TargetStatus?

    public init(target: Target, actual: Double?) {
        self.target = target
        self.actual = actual
        self.status = actual.map { target.evaluate($0) }
    }
}
