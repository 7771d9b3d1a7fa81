public import ArgumentParser
import Foundation
import MaatstafApp
import MaatstafCore
import MaatstafFetch
import MaatstafModel
import MaatstafReport
public import MaatstafSources

/// `maatstaf import`: a municipality's own figures from its files into the store.
struct ImportCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: ReaderLanguage.text(
                en: "Import a municipality's own figures (CSV) to compare them with open data and check them against targets.",
                nl:
                    "Lees eigen cijfers van een gemeente in (CSV) om ze met open data te vergelijken en aan doelstellingen te toetsen."
            ),
            discussion: ReaderLanguage.text(
                en: """
                    A CSV file or an Excel workbook (.xlsx, the first sheet or --sheet). The sheet or file has one row per \
                    municipality, period and measure: columns gemeente/municipality, \
                    periode/period, maat/measure, waarde/value, and optionally eenheid/unit and toelichting/note; `;` or `,` \
                    between columns (read from the header). Periods as monitors write them: 2021, 2021H1, 2021Q1, 2021-02, \
                    februari 2021, a date (its month). The layout, with examples: docs/own-data.md.

                    Every problem in a file is listed with its row and column, and nothing of that file is stored. \
                    Importing the same file again changes nothing. A changed file of the same name (next month's export) \
                    adds: its new periods are stored as an import of their own (NAME #2), the earlier figures are kept, \
                    and a figure whose value changed is refused, naming both; --replace replaces the earlier imports \
                    instead. `maatstaf imports` lists and removes imports.

                    Examples:
                      maatstaf import examples/own-figures/westervoort-huishoudelijke-hulp.csv
                      maatstaf import --decimal comma monitor.csv
                      maatstaf import --sheet "Monitor 2021" monitor.xlsx
                      maatstaf import --mapping per-maand.yaml maandmonitor.csv     # a column per month
                    """,
                nl: """
                    Een CSV-bestand of een Excel-werkmap (.xlsx, het eerste werkblad of --sheet). Het werkblad of bestand \
                    heeft één rij per gemeente, periode en maat: kolommen gemeente/municipality, periode/period, \
                    maat/measure, waarde/value, en eventueel eenheid/unit en toelichting/note; `;` of `,` tussen de kolommen \
                    (gelezen uit de kopregel). Perioden zoals monitors ze schrijven: 2021, 2021H1, 2021Q1, 2021-02, \
                    februari 2021, een datum (de maand ervan). De indeling, met voorbeelden: docs/own-data.md.

                    Elk probleem in een bestand wordt genoemd met rij en kolom, en niets van dat bestand wordt opgeslagen. \
                    Hetzelfde bestand opnieuw inlezen verandert niets. Een gewijzigd bestand met dezelfde naam (de export \
                    van de volgende maand) voegt toe: de nieuwe perioden worden een eigen import (NAAM #2), de eerdere \
                    cijfers blijven staan, en een cijfer met een andere waarde wordt geweigerd, met beide genoemd; \
                    --replace vervangt de eerdere imports. `maatstaf imports` noemt en verwijdert imports.

                    Voorbeelden:
                      maatstaf import examples/own-figures/westervoort-huishoudelijke-hulp.csv
                      maatstaf import --decimal comma monitor.csv
                      maatstaf import --sheet "Monitor 2021" monitor.xlsx
                      maatstaf import --mapping per-maand.yaml maandmonitor.csv     # een kolom per maand
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var language: LocaleOption
    @OptionGroup var data: DataOptions

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "How decimals are written: comma (3,07), point (3.07), or auto (each value where unambiguous; in Excel, numbers are read as Excel stores them).",
                nl:
                    "Hoe decimalen geschreven zijn: comma (3,07), point (3.07), of auto (per waarde waar dat eenduidig is; in Excel worden getallen gelezen zoals Excel ze bewaart)."
            ))
    )
    var decimal: OwnFiguresFile.Decimal = .auto

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "The sheet of an Excel file to read (default: the first).",
                nl: "Het werkblad van een Excel-bestand om te lezen (standaard: het eerste)."), valueName: "name"))
    var sheet: String?

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "A mapping file for another layout, e.g. a column per month (format: docs/own-data.md).",
                nl: "Een koppelbestand voor een andere indeling, bijvoorbeeld een kolom per maand (indeling: docs/own-data.md)."),
            valueName: "file"))
    var mapping: String?

    @Flag(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "Replace the earlier imports of a file's name with the file. Without it a changed file of the same name adds its new periods and keeps the earlier ones; a changed figure is refused.",
                nl:
                    "Vervang de eerdere imports van de naam van een bestand door het bestand. Zonder deze optie voegt een gewijzigd bestand met dezelfde naam zijn nieuwe perioden toe en blijven de eerdere staan; een gewijzigd cijfer wordt geweigerd."
            )))
    var replace = false

    @Argument(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Files of own figures (CSV or Excel .xlsx).", nl: "Bestanden met eigen cijfers (CSV of Excel .xlsx).")))
    var files: [String]

    func validate() throws {
        if files.isEmpty {
            throw ValidationError(
                en: "Name a file of own figures, e.g. examples/own-figures/westervoort-huishoudelijke-hulp.csv.",
                nl: "Noem een bestand met eigen cijfers, bijvoorbeeld examples/own-figures/westervoort-huishoudelijke-hulp.csv.")
        }
    }

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let wide = try mapping.map { try OwnFiguresMapping.read(URL(fileURLWithPath: $0)) }
        // Every file is read and checked before anything is stored.
        var ready: [(file: String, figures: [OwnFigureRecord], definitions: [OwnDefinitionRecord], sha256: String)] = []
        var remarks: [String: [String]] = [:]
        for file in files {
            guard let bytes = FileManager.default.contents(atPath: file) else {
                throw InputError(
                    subject: file, reason: .en("cannot be read", nl: "is niet te lezen"),
                    hint: .en("Check the path", nl: "Controleer het pad"))
            }
            // An Excel workbook is a ZIP archive: recognised by its first bytes, whatever the file is called.
            let isExcel = bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
            let parsed =
                isExcel
                ? try OwnFiguresFile(
                    workbook: try XLSXWorkbook(data: bytes, source: file), sheet: sheet,
                    decimal: decimal == .auto ? .point : decimal, wide: wide)
                : try OwnFiguresFile(data: bytes, source: file, decimal: decimal, wide: wide)
            var problems: [LocalizedText] = parsed.problems.map { .en($0.described(.en), nl: $0.described(.nl)) }
            var figures: [OwnFigureRecord] = []
            for row in parsed.rows {
                // A row for the Netherlands is a national reference figure, entered with its source in the note.
                if ["nederland", "nl01", "the netherlands", "netherlands"].contains(row.municipality.lowercased()) {
                    if row.note.isEmpty {
                        problems.append(
                            .en(
                                "row \(row.line), column note: a national figure needs its source in the note (e.g. \"Benchmark Wmo 2021\")",
                                nl:
                                    "rij \(row.line), kolom toelichting: een landelijk cijfer heeft zijn bron in de toelichting nodig (bijvoorbeeld \"Benchmark Wmo 2021\")"
                            ))
                    }
                    figures.append(
                        OwnFigureRecord(
                            code: "NL01", period: row.period, measure: row.measure, value: row.value, unit: row.unit,
                            note: row.note, line: row.line))
                    continue
                }
                do {
                    let municipality = try workspace.atlas.directory.resolve(row.municipality)
                    figures.append(
                        OwnFigureRecord(
                            code: municipality.code, period: row.period, measure: row.measure, value: row.value,
                            unit: row.unit, note: row.note, line: row.line))
                } catch let error as ModelError {
                    problems.append(
                        .en(
                            "row \(row.line), column municipality: \"\(row.municipality)\" \(error.reason.en)"
                                + (error.hint.plainText(.en).map { ". \($0)" } ?? ""),
                            nl: "rij \(row.line), kolom gemeente: \"\(row.municipality)\" \(error.reason.nl)"
                                + (error.hint.plainText(.nl).map { ". \($0)" } ?? "")))
                }
            }
            if !problems.isEmpty {
                throw InputError(
                    subject: file,
                    reason: .en(
                        "has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n  "
                            + problems.map(\.en).joined(separator: "\n  "),
                        nl: "heeft \(problems.count) \(problems.count == 1 ? "probleem" : "problemen"):\n  "
                            + problems.map(\.nl).joined(separator: "\n  ")),
                    hint: .en(
                        "Fix the file (decimals: --decimal comma or --decimal point) and import it again; nothing of it was stored (layout: docs/own-data.md)",
                        nl:
                            "Verbeter het bestand (decimalen: --decimal comma of --decimal point) en lees het opnieuw in; er is niets van opgeslagen (indeling: docs/own-data.md)"
                    )
                )
            }
            let definitions = parsed.definitions.map {
                OwnDefinitionRecord(measure: $0.measure, unit: $0.unit, definition: $0.definition)
            }
            ready.append((file, figures, definitions, SHA256.hex(bytes)))
            remarks[file] = Self.remarks(parsed, language.locale)
        }
        for (file, figures, definitions, sha256) in ready {
            let name = URL(fileURLWithPath: file).lastPathComponent
            let outcome = try OwnFigureImports(store: workspace.store).add(
                figures, name: name, path: file, sha256: sha256, decimal: decimal.rawValue, definitions: definitions,
                replace: replace)
            try StandardOutput.line(
                Self.summary(name, figures, outcome, directory: workspace.atlas.directory, language.locale))
            for remark in remarks[file] ?? [] { try StandardOutput.line("  " + remark) }
        }
    }

    /// What reading the file skipped on purpose: a title above the header, and empty value cells (no figure).
    static func remarks(_ parsed: OwnFiguresFile, _ locale: ReportLocale) -> [String] {
        let nl = locale == .nl
        var remarks: [String] = []
        if parsed.titleRows > 0 {
            remarks.append(
                nl
                    ? "De kopregel staat op rij \(parsed.titleRows + 1); de rij(en) erboven zijn een titel en overgeslagen."
                    : "The header is on row \(parsed.titleRows + 1); the row(s) above it are a title and were skipped.")
        }
        if !parsed.emptyValues.isEmpty {
            let rows =
                parsed.emptyValues.prefix(10).map(String.init).joined(separator: ", ")
                + (parsed.emptyValues.count > 10 ? " …" : "")
            remarks.append(
                nl
                    ? "\(parsed.emptyValues.count) lege waarde(n) (rij \(rows)): geen cijfer voor die periode, niet opgeslagen (nooit als 0)."
                    : "\(parsed.emptyValues.count) empty value(s) (row \(rows)): no figure for that period, not stored (never as 0)."
            )
        }
        return remarks
    }

    /// `westervoort.csv: 3 figures of 1 measure (hh-uren-per-client) for Westervoort, 2019JJ00–2021JJ00, imported.`
    static func summary(
        _ name: String, _ figures: [OwnFigureRecord], _ outcome: OwnImportOutcome, directory: MunicipalityDirectory,
        _ locale: ReportLocale = .en
    ) -> String {
        let nl = locale == .nl
        if outcome == .unchanged {
            return nl
                ? "\(name): eerder ingelezen, ongewijzigd (sha256 gelijk); niets te doen."
                : "\(name): imported before, unchanged (sha256 the same); nothing to do."
        }
        let measures = Set(figures.map(\.measure)).sorted()
        let names = Set(figures.map(\.code)).sorted().map { directory.byCode[$0]?.name ?? $0 }
        let periods = figures.map(\.period).sorted()
        let said = { (period: Period) in PeriodWording.text(period, locale: locale) }
        let span =
            periods.first.map { first in first == periods.last! ? said(first) : "\(said(first))–\(said(periods.last!))" } ?? ""
        let what =
            nl
            ? "\(figures.count) cijfer\(figures.count == 1 ? "" : "s") van \(measures.count) \(measures.count == 1 ? "maat" : "maten") (\(measures.joined(separator: ", "))) voor \(names.joined(separator: ", ")), \(span)"
            : "\(figures.count) figure\(figures.count == 1 ? "" : "s") of \(measures.count) measure\(measures.count == 1 ? "" : "s") (\(measures.joined(separator: ", "))) for \(names.joined(separator: ", ")), \(span)"
        switch outcome {
        case .imported: return nl ? "\(name): \(what), ingelezen." : "\(name): \(what), imported."
        case .replaced(let previous):
            return nl
                ? "\(name): \(what), in plaats van de eerdere import(s) van die naam (\(previous) cijfers)."
                : "\(name): \(what), replacing the earlier import(s) of that name (\(previous) figures)."
        case .added(0, let kept, _):
            return nl
                ? "\(name): niets nieuws; de \(kept) cijfers van de eerdere import(s) van die naam zijn gelijk en blijven staan."
                : "\(name): nothing new; the \(kept) figures of the earlier import(s) of that name are the same and stay."
        case .added(let count, let kept, let stored):
            return nl
                ? "\(name): \(count) nieuwe \(count == 1 ? "cijfer" : "cijfers") toegevoegd als \(stored); de \(kept) cijfers van de eerdere import(s) van die naam blijven staan (dit bestand: \(what))."
                : "\(name): \(count) new figure\(count == 1 ? "" : "s") added as \(stored); the \(kept) figures of the earlier import(s) of that name stay (this file: \(what))."
        case .unchanged: return ""
        }
    }
}

extension OwnFiguresFile.Decimal: ExpressibleByArgument {}
