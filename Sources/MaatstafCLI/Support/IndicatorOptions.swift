public import ArgumentParser
public import MaatstafCore
import MaatstafModel

/// `--indicator ID`: the one indicator a command computes (compare, rank, trend, budget, best-practice).
struct IndicatorOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "The indicator id (see `maatstaf indicators list`).", nl: "De indicator-id (zie `maatstaf indicators list`).")
        ),
        completion: Completions.indicators)
    var indicator: String
}

/// `--year` of a command that computes one indicator: the latest year with data unless given.
struct YearOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Year (default: the latest year with data for the indicator).",
                nl: "Jaar (standaard: het laatste jaar met gegevens voor de indicator).")))
    var year: Int?
}

/// `--kind`: which Iv3 document a figure comes from, the same words and default in every command.
struct KindOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "Iv3 document: jaarrekening (accounts: what was spent) or begroting (budget: what was planned). Default: the accounts when the year has them, else the budget; the output says which.",
                nl:
                    "Iv3-document: jaarrekening (wat besteed is) of begroting (wat gepland is). Standaard: de jaarrekening als het jaar die heeft, anders de begroting; de uitvoer zegt welke."
            ),
            valueName: "kind"))
    var kind: Iv3DocumentKind?
}

/// Options shared by the commands that compute an indicator (`compare`, `rank`).
struct IndicatorOptions: ParsableArguments {
    @OptionGroup var choice: IndicatorOption

    @OptionGroup var yearChoice: YearOption

    @OptionGroup var document: KindOption

    @OptionGroup var output: OutputOptions

    var indicator: String { choice.indicator }
    var year: Int? { yearChoice.year }
    var kind: Iv3DocumentKind? { document.kind }
    var locale: ReportLocale { output.locale }
}

extension ReportLocale: ExpressibleByArgument {}

extension Iv3DocumentKind: ExpressibleByArgument {
    /// The Dutch names Iv3 uses, and the English ones (`accounts`, `budget`) a reader of the English help may type.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "jaarrekening", "accounts", "realisatie": self = .jaarrekening
        case "begroting", "budget": self = .begroting
        default: return nil
        }
    }

    public static var allValueStrings: [String] { ["jaarrekening", "begroting"] }
}
