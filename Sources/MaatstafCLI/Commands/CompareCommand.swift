public import ArgumentParser
import MaatstafApp
import MaatstafCompare
import MaatstafCore
import MaatstafModel
public import MaatstafReport

/// `maatstaf compare`: where municipalities stand on one indicator.
struct CompareCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "compare",
            abstract: ReaderLanguage.text(
                en: "Compare municipalities on an indicator with the national rate, their region and their peers.",
                nl: "Vergelijk gemeenten op een indicator met het landelijke cijfer, hun regio en vergelijkbare gemeenten."),
            discussion: ReaderLanguage.text(
                en: """
                    For each municipality: its value per inhabitant, its rank among all municipalities, and for each \
                    reference group the group's rate as a whole (total ÷ total population), the average municipality, \
                    median and quartiles, the difference, and the gap: what it would spend more or less at the group's rate.

                    Reference groups (--against, comma-separated): \(GroupNames.help), and any region id from regions/ \
                    (see `maatstaf regions list`).

                    Examples:
                      maatstaf compare --indicator iv3.6.71a.lasten --year 2023 Westervoort Duiven Steenwijkerland
                      maatstaf compare --indicator wmo.huishoudelijke-hulp --against national,corop,1stroom Duiven
                      maatstaf compare --indicator jeugd.hulp --year 2023 --kind begroting Westervoort
                      maatstaf compare --indicator jeugd.hulp --format csv --locale nl --output jeugd.csv Zevenaar
                      maatstaf compare --indicator jeugd.hulp --against province,liemers --layout wide --output jeugd.csv \
                        Westervoort Duiven
                    """,
                nl: """
                    Per gemeente: de waarde per inwoner, de plaats onder alle gemeenten, en per referentiegroep het cijfer \
                    van de groep als geheel (totaal ÷ totaal aantal inwoners), de gemiddelde gemeente, mediaan en \
                    kwartielen, het verschil, en het gat: wat de gemeente tegen het cijfer van de groep meer of minder zou \
                    uitgeven.

                    Referentiegroepen (--against, gescheiden door komma's): \(GroupNames.help), en elke regio-id uit \
                    regions/ (zie `maatstaf regions list`).

                    Voorbeelden:
                      maatstaf compare --indicator iv3.6.71a.lasten --year 2023 Westervoort Duiven Steenwijkerland
                      maatstaf compare --indicator wmo.huishoudelijke-hulp --against national,corop,1stroom Duiven
                      maatstaf compare --indicator jeugd.hulp --year 2023 --kind begroting Westervoort
                      maatstaf compare --indicator jeugd.hulp --format csv --locale nl --output jeugd.csv Zevenaar
                      maatstaf compare --indicator jeugd.hulp --against province,liemers --layout wide --output jeugd.csv \
                        Westervoort Duiven
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataOptions

    @OptionGroup var options: IndicatorOptions
    @OptionGroup var targets: TargetsOption

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Reference groups besides the Netherlands (always shown), comma-separated.",
                nl: "Referentiegroepen naast Nederland (dat altijd getoond wordt), gescheiden door komma's."),
            valueName: "groups"),
        completion: Completions.groups)
    var against = "province,size-class"

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "CSV layout: long (a row per municipality and group, for analysts) or wide (a row per municipality, a column per group, for reading). An xlsx workbook has both sheets.",
                nl:
                    "Indeling van CSV: long (een rij per gemeente en groep, voor analisten) of wide (een rij per gemeente, een kolom per groep, om te lezen). Een xlsx-werkmap heeft beide bladen."
            ), valueName: "layout"))
    var layout: TableLayout = .long

    @Argument(
        help: ArgumentHelp(ReaderLanguage.text(en: "Municipalities, by name or code.", nl: "Gemeenten, met naam of code.")),
        completion: Completions.municipalities)
    var municipalities: [String]

    func validate() throws {
        if municipalities.isEmpty {
            throw ValidationError(
                en: "Name at least one municipality, e.g. Westervoort.",
                nl: "Noem minstens één gemeente, bijvoorbeeld Westervoort.")
        }
    }

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let indicator = try workspace.indicators().indicator(options.indicator)
        let year = try workspace.year(options.year, for: indicator, kind: options.kind)
        let chosen = try municipalities.map { try workspace.atlas.directory.resolve($0) }
        let groups = PeerGroup.withNationalFirst(against.split(separator: ",").map { PeerGroup(parsing: String($0)) })
        let comparison = try workspace.engine.compare(
            indicator, year: year, kind: options.kind, municipalities: chosen, against: groups)
        var report = CompareReport(comparison, locale: options.locale)
        report.layout = layout
        report.targets = try targets.evaluations(workspace, indicator: indicator, municipalities: chosen, years: [year])
        try options.output.write(report)
        if let missing = MissingValues(comparison) { throw missing }
    }
}

extension TableLayout: ExpressibleByArgument {}
