import ArgumentParser
import MaatstafApp
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafReport

/// `maatstaf rank`: the league table of an indicator.
struct RankCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "rank",
            abstract: ReaderLanguage.text(
                en: "List municipalities from highest to lowest on an indicator, nationally or within a group.",
                nl: "Zet gemeenten van hoog naar laag op een indicator, landelijk of binnen een groep."),
            discussion: ReaderLanguage.text(
                en: """
                    Examples:
                      maatstaf rank --indicator wmo.huishoudelijke-hulp --year 2025
                      maatstaf rank --indicator jeugd.hulp --within liemers
                      maatstaf rank --indicator jeugd.hulp --within size-class Westervoort
                    Groups that depend on a municipality (\(GroupNames.anchored)) need one.
                    """,
                nl: """
                    Voorbeelden:
                      maatstaf rank --indicator wmo.huishoudelijke-hulp --year 2025
                      maatstaf rank --indicator jeugd.hulp --within liemers
                      maatstaf rank --indicator jeugd.hulp --within size-class Westervoort
                    Groepen die van een gemeente afhangen (\(GroupNames.anchored)) hebben er een nodig.
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataOptions

    @OptionGroup var options: IndicatorOptions
    @OptionGroup var targets: TargetsOption

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Rank within this group or region only (default: all municipalities).",
                nl: "Rangschik alleen binnen deze groep of regio (standaard: alle gemeenten)."), valueName: "group"),
        completion: Completions.groups)
    var within: String?

    @Argument(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "A municipality, to choose its province, COROP, … with --within.",
                nl: "Een gemeente, om met --within haar provincie, COROP-gebied, … te kiezen.")))
    var municipality: String?

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let indicator = try workspace.indicators().indicator(options.indicator)
        let year = try workspace.year(options.year, for: indicator, kind: options.kind)
        let anchor = try municipality.map { try workspace.atlas.directory.resolve($0) }
        let ranking = try workspace.engine.rank(
            indicator, year: year, kind: options.kind, within: within.map { PeerGroup(parsing: $0) }, anchor: anchor)
        var report = RankReport(ranking, locale: options.locale)
        let ranked = ranking.entries.map(\.profile.municipality)
        report.targets = try targets.evaluations(workspace, indicator: indicator, municipalities: ranked, years: [year])
        try options.output.write(report)
    }
}
