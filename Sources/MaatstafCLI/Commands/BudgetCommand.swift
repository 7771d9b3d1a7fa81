import ArgumentParser
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafReport

/// `maatstaf budget`: a year's accounts against its budget.
struct BudgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "A year's accounts against its budget: what was planned and what was spent, per inhabitant.",
        discussion: """
            For each municipality: the budgeted (begroting) and the actual (jaarrekening) value of an Iv3 indicator \
            for one year, the difference in euros and as a percentage of the budget; and the same for the national \
            total and each group of --against. A group's rates count only the municipalities with a value in both \
            documents, so its difference is over the same municipalities; who is left out is said.

            The embedded data has both documents for 2023.

            Examples:
              maatstaf budget --indicator wmo.huishoudelijke-hulp --year 2023 Westervoort Duiven
              maatstaf budget --indicator jeugd.hulp --against national,province,1stroom Duiven Westervoort
              maatstaf budget --indicator sociaal-domein.netto --format csv --locale nl --output begroting.csv Zevenaar
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataOptions

    @Option(help: "The indicator id, an Iv3 indicator (see `maatstaf indicators list`).")
    var indicator: String

    @Option(help: "Year (default: the latest year that has both a budget and accounts).")
    var year: Int?

    @Option(help: ArgumentHelp("Reference groups, comma-separated.", valueName: "groups"))
    var against = "national,province,size-class"

    @OptionGroup var output: OutputOptions

    @Argument(help: "Municipalities, by name or code.")
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
