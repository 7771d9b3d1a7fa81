import ArgumentParser
import Foundation
import MaatstafApp
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafReport

/// `maatstaf export-all`: every municipality × indicator × period × reference group in one tidy file.
struct ExportAllCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export-all",
            abstract: ReaderLanguage.text(
                en: "Everything in one tidy file for analysts: every municipality, indicator, period and reference group.",
                nl: "Alles in één net bestand voor analisten: elke gemeente, indicator, periode en referentiegroep."),
            discussion: ReaderLanguage.text(
                en: """
                    One row per municipality × indicator × period (every Iv3 document and year in the store) × reference \
                    group, with the value, numerator, denominator, the 95% interval where the indicator has one, the status \
                    (why there is no value), the rank, the group's rate and size, and the source files with their sha256. \
                    Column names and keys are stable: docs/export-all.md. CSV (plain numbers; --locale nl for ; and decimal \
                    commas) or JSON Lines (one object per line, keys sorted, null for no value). Indicators whose CBS tables \
                    are not fetched are left out and named on stderr.

                    Examples:
                      maatstaf export-all --output maatstaf.csv
                      maatstaf export-all --set all --against national,province,jeugdregio --format jsonl --output alles.jsonl
                    """,
                nl: """
                    Eén rij per gemeente × indicator × periode (elk Iv3-document en jaar in de opslag) × referentiegroep, \
                    met de waarde, teller, noemer, het 95%-interval waar de indicator er een heeft, de status (waarom er geen \
                    waarde is), de plaats, het cijfer en de omvang van de groep, en de bronbestanden met hun sha256. \
                    Kolomnamen en sleutels zijn vast: docs/export-all.md. CSV (kale getallen; --locale nl voor ; en \
                    decimale komma's) of JSON Lines (één object per regel, sleutels gesorteerd, null voor geen waarde). \
                    Indicatoren waarvan de CBS-tabellen niet opgehaald zijn, blijven weg en worden op stderr genoemd.

                    Voorbeelden:
                      maatstaf export-all --output maatstaf.csv
                      maatstaf export-all --set all --against national,province,jeugdregio --format jsonl --output alles.jsonl
                    """))
    }

    /// CSV, or JSON Lines (one object per line).
    static let formats: [OutputFormat] = [.csv, .jsonl]

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataOptions

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Indicator set (sociaal-domein, wmo, jeugd, participatie, all) or ids, comma-separated.",
                nl: "Indicatorset (sociaal-domein, wmo, jeugd, participatie, all) of ids, gescheiden door komma's."),
            valueName: "set"))
    var set = "all"

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(en: "Reference groups, comma-separated.", nl: "Referentiegroepen, gescheiden door komma's."),
            valueName: "groups"),
        completion: Completions.groups)
    var against = "national,province,corop,labour-market-region,size-class,urbanity,jeugdregio"

    @Option(
        name: .customLong("format"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "csv or jsonl (JSON Lines). Default: what --output's extension names, else csv.",
                nl: "csv of jsonl (JSON Lines). Standaard: wat de extensie van --output noemt, anders csv."),
            valueName: "format"),
        completion: .list(Self.formats.map(\.rawValue)),
        transform: { try OutputFormat.parse($0, offered: Self.formats) })
    var formatChoice: OutputFormat?

    @OptionGroup var language: LocaleOption

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Write to this file instead of stdout.",
                nl: "Schrijf naar dit bestand in plaats van naar de standaarduitvoer."), valueName: "file"))
    var output: String?

    /// `--format`, else what `--output`'s extension names, else CSV.
    var format: OutputFormat { formatChoice ?? output.flatMap(OutputFormat.init(fileName:)) ?? .csv }

    func validate() throws {
        try OutputFormat.validate(formatChoice, output: output, offered: Self.formats)
    }

    /// Indicators and periods computed together; a few per core keeps the cores busy.
    private static let batch = 32

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let catalog = try workspace.indicators()
        let indicators: [Indicator]
        if IndicatorCatalog.sets.contains(where: { $0.name == set }) {
            indicators = try catalog.set(set)
        } else {
            indicators = try set.split(separator: ",").map {
                try catalog.indicator(String($0).trimmingCharacters(in: .whitespaces))
            }
        }
        let groups = against.split(separator: ",").map { PeerGroup(parsing: String($0)) }
        let engine = workspace.engine
        var skipped: [String] = []
        var items: [(indicator: Indicator, period: IndicatorPeriod)] = []
        for indicator in indicators {
            if let missing = try? engine.missingTables(for: indicator), !missing.isEmpty {
                skipped.append(
                    language.locale == .nl
                        ? "\(indicator.id) (CBS \(missing.joined(separator: ", ")) niet opgehaald)"
                        : "\(indicator.id) (CBS \(missing.joined(separator: ", ")) not fetched)")
                continue
            }
            items += try engine.periods(for: indicator).map { (indicator, $0) }
            // Years whose Iv3 layout has no line of its own for the indicator: left out, and said.
            for period in try engine.periodsWithoutLine(for: indicator) {
                let broader = indicator.acrossLayouts.map { language.locale == .nl ? "; gebruik \($0)" : "; use \($0)" } ?? ""
                skipped.append(
                    language.locale == .nl
                        ? "\(indicator.id) \(period) (geen eigen taakveld in de Iv3-indeling van dat jaar\(broader))"
                        : "\(indicator.id) \(period) (no taakveld of its own in that year's Iv3 layout\(broader))")
            }
        }
        // Each indicator and period is computed on its own, on every core, a batch at a time (so that memory holds a
        // batch of comparisons, not all of them), and written in the order of `items`.
        let atlas = workspace.atlas
        // The file's language and CSV dialect: --locale, or a locale the environment names outright; else the plain
        // one (`,` and `.`), also under C — messages keep the reader's language.
        let fileLocale = language.explicit ?? .en
        let export = TidyExport(
            format: format == .jsonl ? .jsonLines : .csv(CSVDialect(fileLocale)), locale: fileLocale)
        // Written a batch at a time as it is computed: memory holds one batch, not the file. A failure mid-way leaves
        // no half file (an earlier one stays; `OutputFile.Stream`).
        let stream = try OutputFile.Stream(output)
        try stream.write(export.head)
        for start in stride(from: 0, to: items.count, by: Self.batch) {
            let batch = Array(items[start..<min(start + Self.batch, items.count)])
            let chunks = try ConcurrentMap.map(batch) { item in
                let data = try engine.data(item.indicator, year: item.period.year, kind: item.period.kind)
                let profiles = try atlas.profiles(year: data.classificationYear)
                let municipalities = profiles.values.map(\.municipality).sorted { $0.code < $1.code }
                return export.lines(try engine.compare(data, municipalities: municipalities, against: groups))
            }
            for chunk in chunks { try stream.write(chunk) }
        }
        if !skipped.isEmpty && !global.quiet {
            Console.current.error(
                (language.locale == .nl ? "maatstaf: weggelaten: " : "maatstaf: left out: ") + skipped.joined(separator: "; ")
                    + ".\n")
        }
        try stream.commit()
    }
}
