import ArgumentParser
import MaatstafApp
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafReport

/// `maatstaf budget`: a year's accounts against its budget.
struct BudgetCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "budget",
            abstract: ReaderLanguage.text(
                en: "A year's accounts against its budget: what was planned and what was spent, per inhabitant.",
                nl: "De jaarrekening van een jaar naast de begroting: wat gepland was en wat besteed is, per inwoner."),
            discussion: ReaderLanguage.text(
                en: """
                    For each municipality: the budgeted (begroting) and the actual (jaarrekening) value of an Iv3 indicator \
                    for one year, the difference in euros and as a percentage of the budget; and the same for the national \
                    total and each group of --against. A group's rates count only the municipalities with a value in both \
                    documents, so its difference is over the same municipalities; who is left out is said.

                    The embedded data has both documents for 2023.

                    Examples:
                      maatstaf budget --indicator wmo.huishoudelijke-hulp --year 2023 Westervoort Duiven
                      maatstaf budget --indicator jeugd.hulp --against national,province,1stroom Duiven Westervoort
                      maatstaf budget --indicator sociaal-domein.netto --format csv --locale nl --output begroting.csv Zevenaar
                    """,
                nl: """
                    Per gemeente: de begrote (begroting) en de werkelijke (jaarrekening) waarde van een Iv3-indicator voor \
                    één jaar, het verschil in euro's en als percentage van de begroting; en hetzelfde voor het landelijke \
                    totaal en elke groep van --against. De cijfers van een groep tellen alleen de gemeenten met een waarde in \
                    beide documenten, zodat het verschil over dezelfde gemeenten gaat; wie buiten blijft, wordt genoemd.

                    De ingebouwde gegevens hebben beide documenten voor 2023.

                    Voorbeelden:
                      maatstaf budget --indicator wmo.huishoudelijke-hulp --year 2023 Westervoort Duiven
                      maatstaf budget --indicator jeugd.hulp --against national,province,1stroom Duiven Westervoort
                      maatstaf budget --indicator sociaal-domein.netto --format csv --locale nl --output begroting.csv Zevenaar
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataOptions

    @OptionGroup var indicatorChoice: IndicatorOption
    var indicator: String { indicatorChoice.indicator }

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Year (default: the latest year that has both a budget and accounts).",
                nl: "Jaar (standaard: het laatste jaar met zowel een begroting als een jaarrekening).")))
    var year: Int?

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(en: "Reference groups, comma-separated.", nl: "Referentiegroepen, gescheiden door komma's."),
            valueName: "groups"),
        completion: Completions.groups)
    var against = "national,province,size-class"

    @OptionGroup var output: OutputOptions

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
        let indicator = try workspace.indicators().indicator(indicator)
        let periods = try workspace.engine.periods(for: indicator)
        let both = Set(periods.filter { $0.kind == .begroting }.map(\.year))
            .intersection(periods.filter { $0.kind == .jaarrekening }.map(\.year)).sorted()
        guard let chosenYear = year ?? both.last else {
            throw CompareError(
                .yearNotAvailable, subject: indicator.id,
                reason: .en(
                    "has no year with both a budget and accounts in the store",
                    nl: "heeft in de opslag geen jaar met zowel een begroting als een jaarrekening"),
                hint: .en(
                    "Periods in the store: \(periods.map(\.description).joined(separator: ", "))",
                    nl: "Perioden in de opslag: \(periods.map(\.description).joined(separator: ", "))"))
        }
        let chosen = try municipalities.map { try workspace.atlas.directory.resolve($0) }
        let groups = against.split(separator: ",").map { PeerGroup(parsing: String($0)) }
        let execution = try workspace.engine.budgetExecution(
            indicator, year: chosenYear, municipalities: chosen, against: groups)
        try output.write(BudgetExecutionReport(execution, locale: output.locale))
    }
}
