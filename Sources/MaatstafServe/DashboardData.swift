public import MaatstafCompare
public import MaatstafCore
public import MaatstafModel
import MaatstafReport

/// What the dashboard shows from: the same engine, names and indicators as the commands, read once at start. The
/// store does not change while the dashboard runs (it writes nothing but the cache), so what each indicator has is
/// looked up once, not per request.
public struct DashboardData: Sendable {
    let engine: ComparisonEngine
    let atlas: MunicipalityAtlas
    let catalog: IndicatorCatalog
    /// The named indicators (not the generic one per Iv3 taakveld), in the catalog's order.
    let indicators: [Indicator]
    /// Every period with data, per indicator id; an indicator without periods is listed as not fetched.
    let periods: [String: [IndicatorPeriod]]
    let regions: [UserRegion]
    /// The reference groups a user can choose, besides the Netherlands which every view shows.
    let groupChoices: [PeerGroup]
    /// Boundaries per year, as SVG paths per municipality code (the store's, as the report draws them).
    let shapes: [Int: [String: String]]
    /// The name of every municipality code, dissolved ones included.
    let names: [String: String]
    /// The language of a page whose address does not say.
    let defaultLocale: ReportLocale
    /// How the edge that started the dashboard spells advice and fetch commands (the CLI: `maatstaf fetch …`).
    let adviceText: @Sendable (Advice, ReportLocale) -> String
    let fetchText: @Sendable (FetchRequest) -> String

    public init(
        engine: ComparisonEngine, atlas: MunicipalityAtlas, catalog: IndicatorCatalog, regions: [UserRegion],
        shapes: [Int: [String: String]], defaultLocale: ReportLocale,
        adviceText: @escaping @Sendable (Advice, ReportLocale) -> String, fetchText: @escaping @Sendable (FetchRequest) -> String
    ) throws {
        self.engine = engine
        self.atlas = atlas
        self.catalog = catalog
        self.indicators = catalog.named
        var periods: [String: [IndicatorPeriod]] = [:]
        for indicator in catalog.named {
            periods[indicator.id] = try engine.periods(for: indicator)
        }
        self.periods = periods
        self.regions = regions
        self.groupChoices =
            PeerGroupKind.allCases.filter { $0 != .national }.map { PeerGroup.builtIn($0) } + [.peers]
            + regions.map { .userRegion($0.id) }
        self.shapes = shapes
        self.names = atlas.directory.byCode.mapValues(\.name)
        self.defaultLocale = defaultLocale
        self.adviceText = adviceText
        self.fetchText = fetchText
    }

    /// The indicator a first visit shows: the first of the social-domain set with data, else the first with data.
    var defaultIndicator: Indicator? {
        let social = (try? catalog.set("sociaal-domein")) ?? []
        return (social + indicators).first { !(periods[$0.id] ?? []).isEmpty } ?? indicators.first
    }

    /// The report `maatstaf report` writes for a view (one indicator), with the map's shapes and names and the
    /// edge's spelling of advice; the page and the report download both start from it.
    func report(_ state: ViewState) throws -> BenchmarkReport {
        var report = try BenchmarkReportBuilder(engine: engine).build(
            indicators: [state.indicator], year: state.year, municipalities: state.municipalities,
            against: state.groups, targets: [], locale: state.locale, kind: state.kind)
        report.shapes = shapes
        report.names = names
        report.fetchText = fetchText
        report.adviceText = adviceText
        return report
    }

}
