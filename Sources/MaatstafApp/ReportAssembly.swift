public import MaatstafCompare
public import MaatstafCore
import MaatstafModel
public import MaatstafReport
import MaatstafStore

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
    /// them once at start); else read from the store. `engine`: one that lives longer than this report (the
    /// dashboard's: what it read from the store, it keeps, since the store does not change while it serves); else a
    /// new one.
    public func report(
        _ request: ReportRequest, spelling: AdviceSpelling, shapes: [Int: MapShapes]? = nil,
        engine: ComparisonEngine? = nil
    ) throws -> BenchmarkReport {
        let engine = engine ?? self.engine
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
        try explain(&report, municipalities: request.municipalities, engine: engine)
        report.shapes = try shapes ?? self.shapes()
        report.names = atlas.directory.byCode.mapValues(\.name)
        report.fetchText = spelling.fetch
        report.adviceText = spelling.advice
        return report
    }

    /// Under each indicator with a decomposition: why each chosen municipality differs from the Netherlands, and for
    /// the fund's need the measures behind it. A split that cannot be computed (a factor's year not in the store)
    /// leaves the section as it was: the report still shows every figure it has.
    func explain(_ report: inout BenchmarkReport, municipalities: [Municipality], engine: ComparisonEngine) throws {
        let catalog = try indicators()
        for index in report.sections.indices {
            let section = report.sections[index]
            guard let decomposition = catalog.decompositions.first(where: { $0.indicator == section.indicator.id }) else {
                continue
            }
            do {
                report.sections[index].explanation = try engine.explain(
                    decomposition, year: section.comparison.year, kind: section.comparison.data.document,
                    municipalities: municipalities, against: [.builtIn(.national)], baseYear: nil,
                    indicator: catalog.indicator)
            } catch is CompareError {
                continue
            }
            // The fund's need as a factor: the measures behind it, from the circulaire that belongs to the year.
            let clusters = try decomposition.factors.compactMap { factor -> String? in
                if case .fundNeed(let cluster) = try catalog.indicator(factor.indicator).numerator { return cluster }
                return nil
            }
            guard let cluster = clusters.first,
                let circulaire = try store.fundCirculaire(
                    FundCirculaireRule.circulaire(for: section.comparison.year, chosen: self.circulaire).id)
            else { continue }
            let profiles = try atlas.profiles(year: section.comparison.data.classificationYear)
            let population = profiles.filter { circulaire.municipalities[$0.key] != nil }.mapValues(\.population)
            report.sections[index].needs = municipalities.compactMap {
                circulaire.needDifference(of: $0.code, in: cluster, population: population)
            }
        }
    }
}
