import MaatstafCompare
public import MaatstafCore
import MaatstafModel
public import MaatstafReport

/// What a report is asked for, by the command line or by a dashboard view.
public struct ReportRequest: Sendable {
    public var indicators: [Indicator]
    /// Nil: each indicator's latest year.
    public var year: Int?
    /// Nil: the accounts where the year has them.
    public var kind: Iv3DocumentKind?
    public var municipalities: [Municipality]
    public var against: [PeerGroup]
    public var targets: [Target]
    /// A regional view of each indicator per group (a region id, or a built-in group of the first municipality).
    public var regionViews: [PeerGroup]
    public var locale: ReportLocale

    public init(
        indicators: [Indicator], year: Int?, kind: Iv3DocumentKind? = nil, municipalities: [Municipality],
        against: [PeerGroup], targets: [Target] = [], regionViews: [PeerGroup] = [], locale: ReportLocale
    ) {
        self.indicators = indicators
        self.year = year
        self.kind = kind
        self.municipalities = municipalities
        self.against = against
        self.targets = targets
        self.regionViews = regionViews
        self.locale = locale
    }
}

/// How the edge that asks spells advice and fetches for its reader: the CLI as commands (`maatstaf fetch …`), the
/// dashboard likewise, for a reader who will run them.
public struct AdviceSpelling: Sendable {
    public var advice: @Sendable (Advice, ReportLocale) -> String
    public var fetch: @Sendable (FetchRequest) -> String

    public init(
        advice: @escaping @Sendable (Advice, ReportLocale) -> String, fetch: @escaping @Sendable (FetchRequest) -> String
    ) {
        self.advice = advice
        self.fetch = fetch
    }
}

extension Workspace {
    /// The report `maatstaf report` writes and a dashboard view shows: every indicator compared, the regional views,
    /// the maps' shapes and names, the edge's spelling of advice. One use case, so the page, its download and the
    /// command cannot drift apart. `shapes`: the boundaries when the caller holds them already (the dashboard reads
    /// them once at start); else read from the store.
    public func report(
        _ request: ReportRequest, spelling: AdviceSpelling, shapes: [Int: [String: String]]? = nil
    ) throws -> BenchmarkReport {
        let engine = self.engine
        var report = try BenchmarkReportBuilder(engine: engine).build(
            indicators: request.indicators, year: request.year, municipalities: request.municipalities,
            against: request.against, targets: request.targets, locale: request.locale, kind: request.kind)
        for group in request.regionViews {
            for section in report.sections {
                report.regionViews.append(
                    try engine.regionBreakdown(
                        section.indicator, year: section.comparison.year, kind: section.comparison.data.document,
                        region: group, anchor: request.municipalities.first))
            }
        }
        report.shapes = try shapes ?? self.shapes()
        report.names = atlas.directory.byCode.mapValues(\.name)
        report.fetchText = spelling.fetch
        report.adviceText = spelling.advice
        return report
    }
}
