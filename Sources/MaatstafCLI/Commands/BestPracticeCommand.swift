import ArgumentParser
import MaatstafApp
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafReport

/// `maatstaf best-practice`: who does best, and who improved most, among a municipality's true peers.
struct BestPracticeCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "best-practice",
            abstract: ReaderLanguage.text(
                en: "The best performers and the most improved on an indicator among a municipality's nearest neighbours.",
                nl: "De beste en de meest verbeterde gemeenten op een indicator onder de naaste buren van een gemeente."),
            discussion: ReaderLanguage.text(
                en: """
                    Among the municipality's nearest neighbours (see `maatstaf peers`), or any group with --among: the best \
                    performers on the indicator given its direction, and the most improved from the first to the last \
                    period of one document in the store (accounts when there are two years of them, else budgets). Each \
                    with the gap in €: what the municipality would spend less (+) or more (−) at that rate.

                    Cautions are given where they apply: a difference within the uncertainty (indicators with a confidence \
                    interval), budgets rather than accounts, Iv3 lines that changed between the years, and who has no value \
                    (not delivered, booked elsewhere) and is therefore not ranked. Spending indicators have no direction: the \
                    lowest are listed first, and lower is not better in itself.

                    Examples:
                      maatstaf best-practice --indicator jeugd.hulp Westervoort
                      maatstaf best-practice --indicator wmo.huishoudelijke-hulp --among province --top 10 Duiven
                      maatstaf best-practice --indicator jeugd.hulp --format csv --output beste.csv Westervoort
                    """,
                nl: """
                    Onder de naaste buren van de gemeente (zie `maatstaf peers`), of elke groep met --among: de beste \
                    presteerders op de indicator gezien haar richting, en de meest verbeterde van de eerste tot de \
                    laatste periode van één document in de opslag (jaarrekeningen als er twee jaren van zijn, anders \
                    begrotingen). Elk met het gat in €: wat de gemeente tegen dat cijfer minder (+) of meer (−) zou uitgeven.

                    Kanttekeningen staan erbij waar ze gelden: een verschil binnen de onzekerheid (indicatoren met een \
                    betrouwbaarheidsinterval), begrotingen in plaats van jaarrekeningen, Iv3-taakvelden die tussen de jaren \
                    veranderden, en wie geen waarde heeft (niet geleverd, elders geboekt) en daarom geen plaats krijgt. \
                    Uitgavenindicatoren hebben geen richting: de laagste staan eerst, en lager is niet vanzelf beter.

                    Voorbeelden:
                      maatstaf best-practice --indicator jeugd.hulp Westervoort
                      maatstaf best-practice --indicator wmo.huishoudelijke-hulp --among province --top 10 Duiven
                      maatstaf best-practice --indicator jeugd.hulp --format csv --output beste.csv Westervoort
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataOptions

    @OptionGroup var indicatorChoice: IndicatorOption
    var indicator: String { indicatorChoice.indicator }

    @OptionGroup var yearChoice: YearOption
    var year: Int? { yearChoice.year }

    @OptionGroup var document: KindOption
    var kind: Iv3DocumentKind? { document.kind }

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "The group to look in: peers (default), province, corop, size-class, a region id …",
                nl: "De groep om in te zoeken: peers (standaard), province, corop, size-class, een regio-id …"),
            valueName: "group"))
    var among = "peers"

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(en: "How many to list (default 5).", nl: "Hoeveel er genoemd worden (standaard 5).")))
    var top = 5

    @OptionGroup var output: OutputOptions

    @Argument(
        help: ArgumentHelp(ReaderLanguage.text(en: "The municipality, by name or code.", nl: "De gemeente, met naam of code.")))
    var municipality: String

    func validate() throws {
        if !(1...50).contains(top) {
            throw ValidationError(en: "--top must be from 1 to 50.", nl: "--top moet van 1 tot en met 50 zijn.")
        }
    }

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let indicator = try workspace.indicators().indicator(indicator)
        let year = try workspace.year(self.year, for: indicator, kind: kind)
        let chosen = try workspace.atlas.directory.resolve(municipality)
        let result = try workspace.engine.bestPractice(
            indicator, municipality: chosen, year: year, kind: kind, among: PeerGroup(parsing: among), top: top)
        try output.write(BestPracticeReport(result, locale: output.locale))
    }
}
