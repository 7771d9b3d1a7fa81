import ArgumentParser
import Foundation
import MaatstafApp
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafReport

/// `maatstaf explain`: why a municipality differs from a group, or changed since a base year — its figure split
/// exactly over the factors whose product it is.
struct ExplainCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "explain",
            abstract: ReaderLanguage.text(
                en: "Split a gap or a change exactly into its factors: need, volume, price.",
                nl: "Ontleed een verschil of een verandering precies in zijn factoren: behoefte, volume, prijs."),
            discussion: ReaderLanguage.text(
                en: """
                    A decomposition writes an indicator as the product of other indicators (Wmo spending per inhabitant = \
                    the need index × spending ÷ allocation × the national allocation per inhabitant). Against a group \
                    (--against, default the Netherlands) the gap is split over the factors, in the indicator's unit and, \
                    for euros, in euros in all; with --base-year the change since that year is split the same way. The \
                    parts sum exactly to the gap (Shapley averaging, docs/explain.md). A factor without a value, or a \
                    definition that changed between the years, gives no split and says why.

                    Built in: fonds.wmo.uitgaven-en-behoefte and fonds.jeugd.uitgaven-en-behoefte; your own under \
                    decompositions: in an --indicator-file. `maatstaf explain --list` shows them.

                    Examples:
                      maatstaf explain --indicator fonds.wmo.uitgaven --year 2025 Westervoort
                      maatstaf explain --indicator fonds.wmo.uitgaven --against national,province,1stroom Westervoort
                      maatstaf explain --decomposition eigen.jeugd-volume-en-gebruik --base-year 2019 --year 2021 \\
                        --indicator-file examples/own-figures/indicators.yaml Steenwijkerland
                    """,
                nl: """
                    Een ontleding schrijft een indicator als het product van andere indicatoren (Wmo-uitgaven per inwoner \
                    = de behoefte-index × uitgaven ÷ uitkering × de landelijke uitkering per inwoner). Tegenover een groep \
                    (--against, standaard Nederland) wordt het verschil over de factoren verdeeld, in de eenheid van de \
                    indicator en, bij euro's, in euro's in totaal; met --base-year de verandering sinds dat jaar. De \
                    delen tellen precies op tot het verschil (Shapley-middeling, docs/explain.md). Een factor zonder \
                    waarde, of een definitie die tussen de jaren veranderde, geeft geen ontleding en zegt waarom.

                    Ingebouwd: fonds.wmo.uitgaven-en-behoefte en fonds.jeugd.uitgaven-en-behoefte; eigen ontledingen \
                    onder decompositions: in een --indicator-file. `maatstaf explain --list` noemt ze.

                    Voorbeelden:
                      maatstaf explain --indicator fonds.wmo.uitgaven --year 2025 Westervoort
                      maatstaf explain --indicator fonds.wmo.uitgaven --against national,province,1stroom Westervoort
                      maatstaf explain --decomposition eigen.jeugd-volume-en-gebruik --base-year 2019 --year 2021 \\
                        --indicator-file examples/own-figures/indicators.yaml Steenwijkerland
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataOptions

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "The indicator to explain; its decomposition is used (see --list).",
                nl: "De indicator om te verklaren; haar ontleding wordt gebruikt (zie --list)."),
            valueName: "id"),
        completion: Completions.indicators)
    var indicator: String?

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "The decomposition, by id (when an indicator has several).",
                nl: "De ontleding, met haar id (als een indicator er meer heeft)."),
            valueName: "id"))
    var decomposition: String?

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Groups to split the gap against, comma-separated (default: national).",
                nl: "Groepen om het verschil tegen te ontleden, gescheiden door komma's (standaard: national)."),
            valueName: "groups"),
        completion: Completions.groups)
    var against: String?

    @Option(
        name: .customLong("base-year"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Split the change from this year to --year instead of a gap to a group.",
                nl: "Ontleed de verandering van dit jaar tot --year in plaats van een verschil met een groep."),
            valueName: "year"))
    var baseYear: Int?

    @OptionGroup var yearChoice: YearOption
    @OptionGroup var document: KindOption

    @Flag(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "List the decompositions and stop.", nl: "Noem de ontledingen en stop.")))
    var list = false

    @OptionGroup var output: OutputOptions

    @Argument(
        help: ArgumentHelp(ReaderLanguage.text(en: "Municipalities, by name or code.", nl: "Gemeenten, met naam of code.")),
        completion: Completions.municipalities)
    var municipalities: [String] = []

    func validate() throws {
        if list { return }
        if municipalities.isEmpty {
            throw ValidationError(
                en: "Name at least one municipality, e.g. Westervoort.",
                nl: "Noem minstens één gemeente, bijvoorbeeld Westervoort.")
        }
        if indicator == nil && decomposition == nil {
            throw ValidationError(
                en: "Name what to explain: --indicator ID or --decomposition ID (maatstaf explain --list).",
                nl: "Noem wat u wilt verklaren: --indicator ID of --decomposition ID (maatstaf explain --list).")
        }
        if baseYear != nil && against != nil {
            throw ValidationError(
                en: "Choose one: --against splits a gap to groups, --base-year a change over time.",
                nl: "Kies één: --against ontleedt een verschil met groepen, --base-year een verandering in de tijd.")
        }
        if let baseYear, let year = yearChoice.year, baseYear >= year {
            throw ValidationError(
                en: "--base-year must come before --year.", nl: "--base-year moet vóór --year liggen.")
        }
    }

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let catalog = try workspace.indicators()
        if list {
            try output.write(DecompositionListing(catalog.decompositions, locale: output.locale))
            return
        }
        let chosen = try choose(catalog)
        let engine = workspace.engine
        let indicators = try ([chosen.indicator] + chosen.factors.map(\.indicator)).map { try catalog.indicator($0) }
        let year = try yearChoice.year ?? latestYear(indicators, engine: engine, workspace: workspace)
        let places = try municipalities.map { try workspace.atlas.directory.resolve($0) }
        let groups = (against ?? "national").split(separator: ",").map { PeerGroup(parsing: String($0)) }
        let run = try engine.explain(
            chosen, year: year, kind: document.kind, municipalities: places, against: groups, baseYear: baseYear,
            indicator: catalog.indicator)
        try output.write(ExplainReport(run, locale: output.locale))
    }

    /// The decomposition asked for: by id, or the one of the indicator.
    func choose(_ catalog: IndicatorCatalog) throws -> Decomposition {
        let known = catalog.decompositions.map(\.id).joined(separator: ", ")
        if let decomposition {
            guard let found = catalog.decompositions.first(where: { $0.id == decomposition }) else {
                throw InputError(
                    subject: decomposition,
                    reason: .en("is not a decomposition", nl: "is geen ontleding"),
                    hint: .en("Decompositions: \(known)", nl: "Ontledingen: \(known)"))
            }
            if let indicator, indicator != found.indicator {
                throw InputError(
                    subject: decomposition,
                    reason: .en(
                        "splits \(found.indicator), not \(indicator)", nl: "ontleedt \(found.indicator), niet \(indicator)"),
                    hint: .en("Leave out --indicator", nl: "Laat --indicator weg"))
            }
            return found
        }
        let id = indicator ?? ""
        _ = try catalog.indicator(id)  // an unknown id names the closest ones
        let matching = catalog.decompositions.filter { $0.indicator == id }
        guard matching.count == 1 else {
            throw InputError(
                subject: id,
                reason: matching.isEmpty
                    ? .en("has no decomposition", nl: "heeft geen ontleding")
                    : .en(
                        "has \(matching.count) decompositions: \(matching.map(\.id).joined(separator: ", "))",
                        nl: "heeft \(matching.count) ontledingen: \(matching.map(\.id).joined(separator: ", "))"),
                hint: matching.isEmpty
                    ? .en(
                        "Decompositions: \(known); write your own under decompositions: in an --indicator-file (docs/explain.md)",
                        nl:
                            "Ontledingen: \(known); schrijf een eigen onder decompositions: in een --indicator-file (docs/explain.md)"
                    )
                    : .en("Choose one with --decomposition", nl: "Kies er een met --decomposition"))
        }
        return matching[0]
    }

    /// The latest year every indicator of the split has data for.
    func latestYear(_ indicators: [Indicator], engine: ComparisonEngine, workspace: Workspace) throws -> Int {
        var common: Set<Int>?
        for indicator in indicators {
            let years = Set(try engine.years(for: indicator))
            common = common.map { $0.intersection(years) } ?? years
        }
        guard let latest = common?.max() else {
            throw CompareError(
                .yearNotAvailable, subject: indicators[0].id,
                reason: .en(
                    "and its factors have no year with data in common",
                    nl: "en haar factoren hebben geen jaar met gegevens gemeen"),
                hint: .en(
                    "Fetch or import what is missing; \(action: .showIndicator(indicators[0].id)) says what each needs",
                    nl: "Haal op of lees in wat ontbreekt; \(action: .showIndicator(indicators[0].id)) zegt wat elk nodig heeft"))
        }
        return latest
    }
}
