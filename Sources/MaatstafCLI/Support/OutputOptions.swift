import ArgumentParser
import MaatstafCompare
import MaatstafCore
import MaatstafReport

/// How a command that prints a table writes it: the format, the reader's language and where to. Every such command
/// takes this one group, so `--format`, `--output` and `--locale` mean the same everywhere, and every format is
/// written by the report module's one writer (`ResultWriter`).
struct OutputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "Output: table, csv, json, markdown or xlsx (an Excel workbook, with --output). Default: what --output's extension names (.csv, .json, .md, .xlsx), else table.",
                nl:
                    "Uitvoer: table, csv, json, markdown of xlsx (een Excel-werkmap, met --output). Standaard: wat de extensie van --output noemt (.csv, .json, .md, .xlsx), anders table."
            ), valueName: "format"),
        completion: .list(OutputFormat.tabular.map(\.rawValue)),
        transform: { try OutputFormat.parse($0, offered: OutputFormat.tabular) })
    var format: OutputFormat?

    @OptionGroup var language: LocaleOption

    var locale: ReportLocale { language.locale }

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Write to this file instead of stdout.",
                nl: "Schrijf naar dit bestand in plaats van naar de standaarduitvoer."), valueName: "file"))
    var output: String?

    /// `--format`, else the format `--output`'s extension names, else a table.
    var chosenFormat: OutputFormat { format ?? output.flatMap(OutputFormat.init(fileName:)) ?? .table }

    func validate() throws {
        try OutputFormat.validate(format, output: output, offered: OutputFormat.tabular)
    }

    /// Writes `result` in the chosen format, through the one writer.
    func write(_ result: some TabularResult) throws {
        try OutputFile.write(ResultWriter.bytes(result, as: chosenFormat), to: output)
    }
}

extension OutputFormat {
    /// A `--format` value, refused with the formats this command offers.
    static func parse(_ text: String, offered: [OutputFormat]) throws -> OutputFormat {
        guard let format = OutputFormat(rawValue: text.lowercased()), offered.contains(format) else {
            let list = offered.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(
                en: "\(text) is not a format this command writes; choose one of: \(list).",
                nl: "\(text) is geen uitvoer die deze opdracht schrijft; kies een van: \(list).")
        }
        return format
    }

    /// Refuses an output file whose extension names another format than `--format`, a format this command does not
    /// write, or a workbook for the terminal: the extension is a promise about what is in the file.
    static func validate(_ format: OutputFormat?, output: String?, offered: [OutputFormat]) throws {
        let named = output.flatMap(OutputFormat.init(fileName:))
        if let named, let output {
            if let format, format != named {
                throw ValidationError(
                    en: "\(output) is named as \(named.rawValue), but --format says \(format.rawValue): change one of them.",
                    nl:
                        "\(output) heeft de naam van \(named.rawValue), maar --format zegt \(format.rawValue): verander een van beide."
                )
            }
            if format == nil, !offered.contains(named) {
                let list = offered.map(\.rawValue).joined(separator: ", ")
                throw ValidationError(
                    en:
                        "\(output): this command does not write \(named.rawValue); it writes \(list) (give --format, or another extension).",
                    nl:
                        "\(output): deze opdracht schrijft geen \(named.rawValue); ze schrijft \(list) (geef --format, of een andere extensie)."
                )
            }
        }
        if (format ?? named) == .xlsx && output == nil {
            throw ValidationError(
                en: "An Excel workbook belongs in a file: add --output NAME.xlsx.",
                nl: "Een Excel-werkmap hoort in een bestand: voeg --output NAAM.xlsx toe.")
        }
    }
}
