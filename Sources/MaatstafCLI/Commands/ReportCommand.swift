import ArgumentParser
import Foundation
import MaatstafApp
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafReport

/// `maatstaf report`: a benchmark report people read — one HTML file with charts, or Markdown for a memo.
struct ReportCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report",
            abstract: ReaderLanguage.text(
                en: "Write a benchmark report: one self-contained HTML file with charts, or Markdown for a memo.",
                nl: "Schrijf een vergelijkingsrapport: één zelfstandig HTML-bestand met grafieken, of Markdown voor een notitie."),
            discussion: ReaderLanguage.text(
                en: """
                    For each indicator: the municipalities beside the Netherlands and their reference groups, all \
                    municipalities as dots with the chosen ones highlighted, a trend over the years in the store, a table \
                    with differences and gaps in euros, and the definition with sources and footnotes. A summary on top \
                    shows where each municipality sits between the lowest and highest municipality, and, with --targets, \
                    whether it meets its targets.

                    The HTML file needs nothing else: no scripts, no fonts or images from the internet; it prints on A4. \
                    Reports are in Dutch unless --locale en, or LANG (LC_ALL, LC_MESSAGES) says English.

                    Indicator sets (--set): \(IndicatorCatalog.sets.map { "\($0.name): \($0.description.en)" }.joined(separator: "; ")).

                    Targets (--targets FILE, format in docs/targets.md): per municipality, indicator and year a bound \
                    (at-most or at-least) and a margin; met is green, within the margin amber, otherwise red.

                    Examples:
                      maatstaf report Westervoort Duiven Steenwijkerland --output report.html
                      maatstaf report --set wmo --against national,corop,1stroom Duiven Westervoort --output wmo.html
                      maatstaf report --indicators wmo.huishoudelijke-hulp,jeugd.hulp --format markdown Zevenaar > memo.md
                      maatstaf report --targets doelen.yaml --locale en Westervoort --output westervoort.html
                    """,
                nl: """
                    Per indicator: de gemeenten naast Nederland en hun referentiegroepen, alle gemeenten als stippen met de \
                    gekozen gemeenten gemarkeerd, een ontwikkeling over de jaren in de opslag, een tabel met verschillen en \
                    gaten in euro's, en de definitie met bronnen en voetnoten. Een samenvatting bovenaan toont waar elke \
                    gemeente staat tussen de laagste en de hoogste gemeente, en, met --targets, of ze haar doelstellingen \
                    haalt.

                    Het HTML-bestand heeft niets anders nodig: geen scripts, geen lettertypen of afbeeldingen van internet; \
                    het drukt af op A4. Rapporten zijn in het Nederlands, tenzij --locale en, of LANG (LC_ALL, LC_MESSAGES) \
                    Engels noemt.

                    Indicatorsets (--set): \(IndicatorCatalog.sets.map { "\($0.name): \($0.description.nl)" }.joined(separator: "; ")).

                    Doelstellingen (--targets BESTAND, indeling in docs/targets.md): per gemeente, indicator en jaar een \
                    grens (at-most of at-least) en een marge; gehaald is groen, binnen de marge oranje, anders rood.

                    Voorbeelden:
                      maatstaf report Westervoort Duiven Steenwijkerland --output rapport.html
                      maatstaf report --set wmo --against national,corop,1stroom Duiven Westervoort --output wmo.html
                      maatstaf report --indicators wmo.huishoudelijke-hulp,jeugd.hulp --format markdown Zevenaar > memo.md
                      maatstaf report --targets doelen.yaml --locale en Westervoort --output westervoort.html
                    """))
    }

    /// What a report is written as; an Excel workbook holds each indicator's comparison as a sheet of number cells.
    static let formats: [OutputFormat] = [.html, .markdown, .xlsx]

    @OptionGroup var global: GlobalOptions

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Indicator ids, comma-separated (see `maatstaf indicators list`).",
                nl: "Indicator-ids, gescheiden door komma's (zie `maatstaf indicators list`)."), valueName: "ids"),
        completion: Completions.indicatorList)
    var indicators: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "A named set of indicators (default: sociaal-domein).",
                nl: "Een benoemde set indicatoren (standaard: sociaal-domein)."), valueName: "name"))
    var indicatorSet: String?

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Year (default: each indicator's latest year in the store).",
                nl: "Jaar (standaard: van elke indicator het laatste jaar in de opslag).")))
    var year: Int?

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Reference groups besides the Netherlands, comma-separated.",
                nl: "Referentiegroepen naast Nederland, gescheiden door komma's."), valueName: "groups"),
        completion: Completions.groups)
    var against = "province,size-class"

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "A YAML file with targets per municipality, indicator and year (docs/targets.md).",
                nl: "Een YAML-bestand met doelstellingen per gemeente, indicator en jaar (docs/targets.md)."), valueName: "file"))
    var targets: String?

    @OptionGroup var language: LocaleOption

    var locale: ReportLocale { language.locale }

    @Option(
        name: .customLong("format"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "html (one self-contained file with charts), markdown (tables and footnotes, for a memo) or xlsx (an Excel workbook: a sheet per indicator and regional view).",
                nl:
                    "html (één zelfstandig bestand met grafieken), markdown (tabellen en voetnoten, voor een notitie) of xlsx (een Excel-werkmap: een werkblad per indicator en regiobeeld)."
            ), valueName: "format"),
        completion: .list(Self.formats.map(\.rawValue)),
        transform: { try OutputFormat.parse($0, offered: Self.formats) })
    var formatChoice: OutputFormat?

    /// `--format`, else what `--output`'s extension names, else HTML.
    var format: OutputFormat { formatChoice ?? output.flatMap(OutputFormat.init(fileName:)) ?? .html }

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Write to this file (needed for HTML on a terminal).",
                nl: "Schrijf naar dit bestand (nodig voor HTML op een terminal)."), valueName: "file"))
    var output: String?

    @OptionGroup var data: IndicatorFileDataOptions

    @Option(
        name: .customLong("region"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "Add a regional view of each indicator for this region (a region id, or jeugdregio/corop/… of the first municipality): shares, cost-split keys, what-if; repeatable.",
                nl:
                    "Voeg per indicator een regiobeeld toe voor deze regio (een regio-id, of jeugdregio/corop/… van de eerste gemeente): aandelen, verdeelsleutels, wat-als; herhaalbaar."
            ),
            valueName: "region"))
    var regionViews: [String] = []

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
        if indicators != nil && indicatorSet != nil {
            throw ValidationError(
                en: "Give either --indicators or --set, not both.", nl: "Geef --indicators of --set, niet allebei.")
        }
        try OutputFormat.validate(formatChoice, output: output, offered: Self.formats)
        if format == .html && output == nil && Console.current.outputIsTerminal {
            throw ValidationError(
                en: "An HTML report belongs in a file: add --output report.html (or use --format markdown).",
                nl: "Een HTML-rapport hoort in een bestand: voeg --output rapport.html toe (of gebruik --format markdown).")
        }
    }

    func run() async throws {
        var workspace = try Workspace.open(global: global, regionsFolder: data.regionsFolder, indicatorsFile: data.indicatorsFile)
        workspace.iv3Source = data.iv3Source
        workspace.circulaire = data.circulaire
        try workspace.readTraits(data.traitsFile)
        let catalog = try workspace.indicators()
        var chosenIndicators: [Indicator]
        if let indicators {
            chosenIndicators = try indicators.split(separator: ",").map {
                try catalog.indicator(String($0).trimmingCharacters(in: .whitespaces))
            }
        } else {
            chosenIndicators = try catalog.set(indicatorSet ?? "sociaal-domein")
        }
        let chosen = try municipalities.map { try workspace.atlas.directory.resolve($0) }
        let targetList =
            try targets.map {
                try TargetFile.read(URL(fileURLWithPath: $0), directory: workspace.atlas.directory, indicators: catalog)
            } ?? []
        // Without --indicators, the indicators the targets file sets targets on for these municipalities join the
        // set: a file of targets says what the user watches.
        if indicators == nil {
            for target in targetList
            where chosen.contains(where: { $0.code == target.municipalityCode })
                && !chosenIndicators.contains(where: { $0.id == target.indicatorID })
            {
                chosenIndicators.append(try catalog.indicator(target.indicatorID))
            }
        }
        let groups = against.split(separator: ",").map { PeerGroup(parsing: String($0)) }
        let report = try workspace.report(
            ReportRequest(
                indicators: chosenIndicators, year: year, municipalities: chosen, against: groups, targets: targetList,
                regionViews: regionViews.map { PeerGroup(parsing: $0) }, locale: locale),
            spelling: .commandLine)
        if report.sections.isEmpty {
            func reasons(_ locale: ReportLocale) -> String {
                report.unavailable.map { "\($0.indicator.id) \($0.reason(locale))" }.joined(separator: "; ")
            }
            throw CompareError(
                .tableNotFetched, subject: "report",
                reason: .en("no indicator has data: \(reasons(.en))", nl: "geen indicator heeft gegevens: \(reasons(.nl))"),
                hint: .en(
                    "Fetch the tables named, or choose other indicators",
                    nl: "Haal de genoemde tabellen op, of kies andere indicatoren"),
                fetch: report.unavailable.flatMap(\.fetch))
        }
        if format == .xlsx, let output {
            try OutputFile.write(
                SpreadsheetWriter.workbook(report.dataTables, notes: report.workbookNotes, locale: locale), to: output)
            if !global.quiet {
                Console.current.error(
                    locale == .nl
                        ? "\(output) geschreven: \(report.sections.count) indicator(en) als werkbladen.\n"
                        : "Wrote \(output): \(report.sections.count) indicator(s) as sheets.\n")
            }
            return
        }
        let text = format == .html ? report.renderHTML() : report.renderMarkdown()
        try OutputFile.write(text, to: output)
        if let output, !global.quiet {
            let size = text.utf8.count
            Console.current.error(
                locale == .nl
                    ? "\(output) geschreven: \(report.sections.count) indicator(en), \(chosen.count) gemeente\(chosen.count == 1 ? "" : "n"), \(size / 1024) kB.\n"
                    : "Wrote \(output): \(report.sections.count) indicator(s), \(chosen.count) municipalit\(chosen.count == 1 ? "y" : "ies"), \(size / 1024) kB.\n"
            )
            for item in report.unavailable {
                let remedy =
                    item.fetch.isEmpty
                    ? (item.hint.isEmpty ? "" : ". \(item.hint.commandLine(locale))")
                    : ". " + FetchRequest.sentence(item.fetch, locale)
                Console.current.error(
                    (locale == .nl ? "Weggelaten: " : "Left out ") + "\(item.indicator.id): \(item.reason(locale))\(remedy).\n")
            }
        }
    }
}
