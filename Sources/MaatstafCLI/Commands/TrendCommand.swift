import ArgumentParser
import Foundation
import MaatstafApp
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafReport

/// `maatstaf trend`: an indicator over every year in the store, against a base year.
struct TrendCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "trend",
            abstract: ReaderLanguage.text(
                en: "An indicator over the years: value, index against a base year, change per year, beside the country.",
                nl: "Een indicator door de jaren: waarde, index tegen een basisjaar, verandering per jaar, naast het land."),
            discussion: ReaderLanguage.text(
                en: """
                    For each municipality and each period in the store: the value, the document (budget or accounts), an \
                    index against the base year (= 100, budget against budget and accounts against accounts), the change \
                    per year since the previous point of the same document, the national rate and its index, and the rate \
                    of each group in --against.

                    Budgets and accounts are separate series: planned and spent are different figures. Where the \
                    definition changes (the 2025 Iv3 layout), an index or change across it is marked † and explained; it \
                    is never bridged silently. A municipality that did not exist in a year has no value there, unless \
                    --boundaries puts the series on one year's boundaries: then Eemsdelta in 2019 is Appingedam, Delfzijl \
                    and Loppersum added up (amounts and inhabitants summed, then divided), said at every point. A \
                    municipality divided among several has no value on later boundaries: its figures cannot be divided. \
                    The mergers come from CBS's own record, fetched once with `maatstaf fetch mergers` (docs/mergers.md).

                    The embedded data has the 2023 accounts, the 2023 budget and the 2025 budget; fetched years join the \
                    series.

                    Examples:
                      maatstaf trend --indicator jeugd.hulp --base-year 2023 Westervoort Duiven Steenwijkerland
                      maatstaf trend --indicator wmo.huishoudelijke-hulp --against province,1stroom Duiven
                      maatstaf trend --indicator jeugd.hulp --format csv --locale nl --output jeugd-reeks.csv Zevenaar
                      maatstaf trend --indicator wmo.maatwerk --years 2019..2025 --boundaries 2025 Eemsdelta
                    """,
                nl: """
                    Per gemeente en per periode in de opslag: de waarde, het document (begroting of jaarrekening), een \
                    index tegen het basisjaar (= 100, begroting tegen begroting en jaarrekening tegen jaarrekening), de \
                    verandering per jaar sinds het vorige punt van hetzelfde document, het landelijke cijfer en zijn index, \
                    en het cijfer van elke groep in --against.

                    Begrotingen en jaarrekeningen zijn aparte reeksen: gepland en besteed zijn verschillende cijfers. Waar de \
                    definitie verandert (de Iv3-indeling van 2025), wordt een index of verandering daaroverheen gemarkeerd \
                    met † en uitgelegd; ze wordt nooit stil overbrugd. Een gemeente die in een jaar niet bestond, heeft daar \
                    geen waarde, tenzij --boundaries de reeks op de grenzen van één jaar zet: dan is Eemsdelta in 2019 \
                    Appingedam, Delfzijl en Loppersum samen (bedragen en inwoners opgeteld, dan gedeeld), bij elk punt \
                    gezegd. Een gemeente die over meerdere is verdeeld, heeft op latere grenzen geen waarde: haar cijfers \
                    laten zich niet verdelen. De herindelingen komen uit het eigen overzicht van CBS, eenmaal opgehaald \
                    met `maatstaf fetch mergers` (docs/mergers.md).

                    De ingebouwde gegevens hebben de jaarrekening 2023, de begroting 2023 en de begroting 2025; opgehaalde \
                    jaren sluiten aan in de reeks.

                    Voorbeelden:
                      maatstaf trend --indicator jeugd.hulp --base-year 2023 Westervoort Duiven Steenwijkerland
                      maatstaf trend --indicator wmo.huishoudelijke-hulp --against province,1stroom Duiven
                      maatstaf trend --indicator jeugd.hulp --format csv --locale nl --output jeugd-reeks.csv Zevenaar
                      maatstaf trend --indicator wmo.maatwerk --years 2019..2025 --boundaries 2025 Eemsdelta
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataOptions

    @OptionGroup var indicatorChoice: IndicatorOption
    var indicator: String { indicatorChoice.indicator }

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "The year indices are measured from (default: the first year of the series).",
                nl: "Het jaar waartegen de indexen gemeten worden (standaard: het eerste jaar van de reeks)."), valueName: "year")
    )
    var baseYear: Int?

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Only these years, e.g. 2019..2025 (default: every year in the store).",
                nl: "Alleen deze jaren, bijvoorbeeld 2019..2025 (standaard: elk jaar in de opslag)."), valueName: "from..to"))
    var years: YearSpan?

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "Put the series on this year's municipal boundaries: a merged municipality is, in earlier years, the sum of the municipalities that went into it (needs `maatstaf fetch mergers` once).",
                nl:
                    "Zet de reeks op de gemeentegrenzen van dit jaar: een heringedeelde gemeente is in eerdere jaren de som van de gemeenten die erin opgingen (eenmaal `maatstaf fetch mergers` nodig)."
            ), valueName: "year"))
    var boundaries: Int?

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Reference groups besides the national figure, comma-separated.",
                nl: "Referentiegroepen naast het landelijke cijfer, gescheiden door komma's."), valueName: "groups"),
        completion: Completions.groups)
    var against = "national"

    @OptionGroup var output: OutputOptions
    @OptionGroup var targets: TargetsOption

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
        if let baseYear, let years, !years.range.contains(baseYear) {
            throw ValidationError(
                en: "--base-year \(baseYear) is outside --years \(years.range.lowerBound)..\(years.range.upperBound).",
                nl: "--base-year \(baseYear) ligt buiten --years \(years.range.lowerBound)..\(years.range.upperBound).")
        }
    }

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let indicator = try workspace.indicators().indicator(indicator)
        let chosen = try municipalities.map { try workspace.atlas.directory.resolve($0) }
        let groups = against.split(separator: ",").map { PeerGroup(parsing: String($0)) }
        let series = try workspace.engine.series(
            indicator, municipalities: chosen, against: groups, years: years?.range, baseYear: baseYear,
            boundaries: boundaries)
        var report = TrendReport(series, locale: output.locale)
        report.targets = try targets.evaluations(
            workspace, indicator: indicator, municipalities: chosen,
            years: Array(Set(series.points.map(\.period.year))).sorted())
        try output.write(report)
    }
}

/// `--years 2019..2025` (or a single year).
struct YearSpan: ExpressibleByArgument {
    var range: ClosedRange<Int>

    init?(argument: String) {
        let parts = argument.components(separatedBy: "..")
        guard (1...2).contains(parts.count), let from = Int(parts[0]), let to = Int(parts.last!), from <= to else {
            return nil
        }
        range = from...to
    }
}
