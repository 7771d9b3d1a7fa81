import ArgumentParser
import Foundation
import MaatstafApp
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafReport

/// `maatstaf check`: every target and norm of a file against the latest figures — the alarm a council can run from
/// cron.
struct CheckCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: ReaderLanguage.text(
                en: "Check every target and norm in a file against the latest figures; the exit code says if any is missed.",
                nl:
                    "Toets elke doelstelling en norm in een bestand aan de laatste cijfers; de afsluitcode zegt of er een gemist is."
            ),
            discussion: ReaderLanguage.text(
                en: """
                    For each municipality and indicator in the file: the latest year the municipality has a value in, the \
                    target that applies to it (that year's; else the next one ahead; else the last one — the line says \
                    which), and every norm (an alarm when the value is more than N % above a group's rate, grows more \
                    than N % on a year earlier, or is worse than a group and worsening). One line each, worst first: MISSED/BREACH, NO VALUE, NEAR, MET/FINE; then \
                    a summary. Runs offline from the store.

                    Exit codes: 0 every target met and no norm breached; 1 a target missed or a norm breached; 2 only \
                    near-misses (within the file's margin); 3 a target or norm could not be checked (no value); plus the \
                    usual 64, 65, 70, 74 for errors.

                    Examples:
                      maatstaf check --targets examples/own-figures/targets.yaml --indicators examples/own-figures/indicators.yaml
                      maatstaf check --targets doelen.yaml --alerts-only --locale nl     # from cron: only what needs attention
                      maatstaf check --targets doelen.yaml --format json
                    """,
                nl: """
                    Per gemeente en indicator in het bestand: het laatste jaar waarin de gemeente een waarde heeft, de \
                    doelstelling die erbij hoort (die van dat jaar; anders de eerstvolgende; anders de laatste — de regel \
                    zegt welke), en elke norm (een alarm als de waarde meer dan N % boven het cijfer van een groep ligt, \
                    meer dan N % groeit ten opzichte van een jaar eerder, of slechter is dan een groep en verslechtert). Eén regel per stuk, het ergste eerst: \
                    GEMIST/ALARM, GEEN WAARDE, BIJNA, GEHAALD/GOED; dan een samenvatting. Werkt offline uit de opslag.

                    Afsluitcodes: 0 elke doelstelling gehaald en geen norm overschreden; 1 een doelstelling gemist of een \
                    norm overschreden; 2 alleen bijna gehaald (binnen de marge van het bestand); 3 een doelstelling of norm \
                    niet te toetsen (geen waarde); plus de gewone 64, 65, 70, 74 bij fouten.

                    Voorbeelden:
                      maatstaf check --targets examples/own-figures/targets.yaml --indicators examples/own-figures/indicators.yaml
                      maatstaf check --targets doelen.yaml --alerts-only --locale nl     # uit cron: alleen wat aandacht vraagt
                      maatstaf check --targets doelen.yaml --format json
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataOptions

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "The file of targets and norms (format: docs/own-data.md).",
                nl: "Het bestand met doelstellingen en normen (indeling: docs/own-data.md)."), valueName: "file"))
    var targets: String

    @Flag(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Print only missed, near and unchecked lines (and the summary).",
                nl: "Toon alleen gemiste, bijna gehaalde en niet te toetsen regels (en de samenvatting).")))
    var alertsOnly = false

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(en: "Output: table (one line each) or json.", nl: "Uitvoer: table (één regel per stuk) of json."),
            valueName: "format"),
        completion: .list(["table", "json"]),
        transform: { try OutputFormat.parse($0, offered: [.table, .json]) })
    var format: OutputFormat = .table

    @OptionGroup var language: LocaleOption

    var locale: ReportLocale { language.locale }

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let results = try workspace.check(targets: URL(fileURLWithPath: targets))
        let report = CheckReport(results, locale: locale)
        try OutputFile.write(format == .json ? try report.renderJSON() : report.renderText(alertsOnly: alertsOnly), to: nil)
        if let alarm = CheckAlarm(results) { throw alarm }
    }
}

/// What `check` found that a scheduler must act on, as an exit code: 1 missed or breached, 3 unchecked, 2 near.
struct CheckAlarm: Error {
    var code: Int32
    var message: LocalizedText

    init?(_ results: [CheckResult]) {
        let missed = results.filter { $0.status == .missed }.count
        let unchecked = results.filter { $0.status == nil }.count
        let near = results.filter { $0.status == .withinMargin }.count
        if missed > 0 {
            (code, message) = (
                1,
                .en(
                    "\(missed) target(s) missed or norm(s) breached",
                    nl: "\(missed) doel(en) niet gehaald of norm(en) overschreden")
            )
        } else if unchecked > 0 {
            (code, message) = (
                3,
                .en(
                    "\(unchecked) target(s) or norm(s) could not be checked: no value",
                    nl: "\(unchecked) doel(en) of norm(en) niet te toetsen: geen waarde")
            )
        } else if near > 0 {
            (code, message) = (
                2, .en("\(near) target(s) or norm(s) within the margin", nl: "\(near) doel(en) of norm(en) binnen de marge")
            )
        } else {
            return nil
        }
    }
}
