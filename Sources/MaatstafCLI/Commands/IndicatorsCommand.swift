import ArgumentParser
import MaatstafApp
import MaatstafCore
import MaatstafModel
import MaatstafReport

/// `maatstaf indicators …`: what can be compared, and exactly how each indicator is defined.
struct IndicatorsCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "indicators",
            abstract: ReaderLanguage.text(
                en: "List indicators, or show exactly how one is defined.",
                nl: "Noem de indicatoren, of toon precies hoe een indicator gedefinieerd is."),
            subcommands: [IndicatorsListCommand.self, IndicatorsShowCommand.self],
            defaultSubcommand: IndicatorsListCommand.self
        )
    }
}

struct IndicatorsListCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list", abstract: ReaderLanguage.text(en: "List the indicators.", nl: "Noem de indicatoren."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var data: DataOptions

    @Flag(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Include the generic per-taakveld Iv3 indicators (iv3.<taakveld>.lasten|baten|netto).",
                nl: "Neem ook de algemene Iv3-indicatoren per taakveld mee (iv3.<taakveld>.lasten|baten|netto).")))
    var all = false

    struct Entry: Encodable {
        var id: String
        var title: String
        var unit: String
        var origin: String
    }

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let catalog = try workspace.indicators()
        let list = all ? catalog.indicators : catalog.named
        let locale = output.locale
        let nl = locale == .nl
        var table = Table(columns: [
            .init("id"), .init(nl ? "titel" : "title"), .init(nl ? "eenheid" : "unit"),
            .init(nl ? "vastgelegd in" : "defined in"),
        ])
        table.rows = list.map {
            // English keeps the spelling scripts know (`built-in`); Dutch says it in words.
            [
                $0.id, $0.title.text(locale), $0.unit.text(locale),
                nl ? ReportWording.origin($0.origin, locale: locale) : $0.origin.description,
            ]
        }
        let generic = catalog.indicators.count - catalog.named.count
        table.notes =
            all
            ? []
            : [
                nl
                    ? "Verder \(generic) algemene Iv3-indicatoren, één per taakveld en maat, bijvoorbeeld iv3.6.71a.lasten (--all noemt ze)."
                    : "Also \(generic) generic Iv3 indicators, one per taakveld and measure, e.g. iv3.6.71a.lasten (--all lists them)."
            ]
        let entries = list.map {
            Entry(id: $0.id, title: $0.title.text(locale), unit: $0.unit.text(locale), origin: $0.origin.description)
        }
        try output.write(Listing(table, name: nl ? "Indicatoren" : "Indicators", locale: locale, json: entries))
    }
}

struct IndicatorsShowCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "show",
            abstract: ReaderLanguage.text(
                en: "Show an indicator's definition: what it sums per year and layout, checked against CBS's Iv3 code lists.",
                nl:
                    "Toon de definitie van een indicator: wat ze per jaar en indeling optelt, getoetst aan de Iv3-codelijsten van CBS."
            ))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var language: LocaleOption
    @OptionGroup var data: DataOptions

    @Argument(help: ArgumentHelp(ReaderLanguage.text(en: "The indicator id.", nl: "De indicator-id.")))
    var id: String

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let indicator = try workspace.indicators().indicator(id)
        let description = try workspace.describe(indicator)
        try Console.current.output(description.render(language.locale) { $0.commandLine })
    }
}
