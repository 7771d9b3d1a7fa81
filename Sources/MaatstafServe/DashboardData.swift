public import MaatstafApp
import MaatstafCompare
public import MaatstafCore
import MaatstafModel
import MaatstafReport

/// What the dashboard shows from: the same engine, names and indicators as the commands, read once at start. The
/// store does not change while the dashboard runs (it writes nothing but the cache), so what each indicator has is
/// looked up once, not per request.
public struct DashboardData: Sendable {
    /// The use cases' workspace: the same store, atlas, regions and indicators as the commands.
    let workspace: Workspace
    let engine: ComparisonEngine
    var atlas: MunicipalityAtlas { workspace.atlas }
    let catalog: IndicatorCatalog
    /// The named indicators (not the generic one per Iv3 taakveld), in the catalog's order.
    let indicators: [Indicator]
    /// Every period with data, per indicator id; an indicator without periods is listed as not fetched.
    let periods: [String: [IndicatorPeriod]]
    let regions: [UserRegion]
    /// The reference groups a user can choose, besides the Netherlands which every view shows: every named group
    /// from core's one list, then the user's regions.
    let groupChoices: [PeerGroup]
    /// Boundaries per year, as SVG paths per municipality code (the store's, as the report draws them).
    let shapes: [Int: MapShapes]
    /// The name of every municipality code, dissolved ones included.
    let names: [String: String]
    /// The language of a page whose address does not say.
    let defaultLocale: ReportLocale
    /// How the edge that started the dashboard spells advice and fetch commands (the CLI: `maatstaf fetch …`).
    let spelling: AdviceSpelling
    /// Where the dashboard lives under a reverse proxy (`/maatstaf`); empty at the root. Every route and every link
    /// the pages make starts with it.
    public var basePath = ""
    var adviceText: @Sendable (Advice, ReportLocale) -> String { spelling.advice }
    var fetchText: @Sendable (FetchRequest) -> String { spelling.fetch }

    public init(workspace: Workspace, defaultLocale: ReportLocale, spelling: AdviceSpelling) throws {
        self.workspace = workspace
        let engine = workspace.engine
        self.engine = engine
        let catalog = try workspace.indicators()
        self.catalog = catalog
        self.indicators = catalog.named
        var periods: [String: [IndicatorPeriod]] = [:]
        for indicator in catalog.named {
            periods[indicator.id] = try engine.periods(for: indicator)
        }
        self.periods = periods
        self.regions = workspace.regions.regions
        self.groupChoices =
            PeerGroup.named.filter { $0 != .builtIn(.national) } + workspace.regions.regions.map { .userRegion($0.id) }
        self.shapes = try workspace.shapes()
        self.names = workspace.atlas.directory.byCode.mapValues(\.name)
        self.defaultLocale = defaultLocale
        self.spelling = spelling
    }

    /// The indicator a first visit shows: the first of the social-domain set with data, else the first with data.
    var defaultIndicator: Indicator? {
        let social = (try? catalog.set("sociaal-domein")) ?? []
        return (social + indicators).first { !(periods[$0.id] ?? []).isEmpty } ?? indicators.first
    }

    /// The report `maatstaf report` writes for a view (one indicator): the same use case as the command's, with the
    /// shapes read at start and the one engine, which keeps what it read from the store between requests.
    func report(_ state: ViewState) throws -> BenchmarkReport {
        try workspace.report(
            ReportRequest(
                indicators: [state.indicator], year: state.year, kind: state.kind, municipalities: state.municipalities,
                against: state.groups, locale: state.locale),
            spelling: spelling, shapes: shapes, engine: engine)
    }
}
