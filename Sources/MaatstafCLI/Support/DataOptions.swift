public import ArgumentParser
import Foundation
public import MaatstafCore
import MaatstafReport

/// Where user regions come from; shared by every command that compares.
struct RegionsOption: ParsableArguments {
    @Option(
        name: .customLong("regions"),
        help: ArgumentHelp(
            "Folder of user region files (default: $MAATSTAF_REGIONS_DIR, else ./regions).", valueName: "dir"))
    var regionsFolder: String?
}

/// Which copy of an Iv3 document is read when the snapshot and a fetched CBS table both hold it.
struct Iv3SourceOption: ParsableArguments {
    @Option(
        name: .customLong("iv3-source"),
        help: ArgumentHelp(
            "When the embedded snapshot and a fetched CBS Iv3 table hold the same document: cbs (the fetched table, the default) or snapshot. The output says which was read.",
            valueName: "source"))
    var iv3Source: Iv3SourcePreference = .fetched
}

/// The traits nearest neighbours are found on, for every command that can compare with the group `peers`.
struct TraitsOption: ParsableArguments {
    @Option(
        name: .customLong("traits"),
        help: ArgumentHelp(
            "A YAML file choosing and weighting the traits of nearest neighbours, for the group peers (format: docs/peers.md; default: population, density, centre function, social structure, and the shares of youths and 65+ when CBS 85984NED is fetched).",
            valueName: "file"))
    var traitsFile: String?
}

/// Options of commands that read municipalities, regions and statistics.
struct DataOptions: ParsableArguments {
    @OptionGroup var regions: RegionsOption

    @Option(
        name: .customLong("indicators"),
        help: ArgumentHelp(
            "A YAML file with your own indicator definitions (format: docs/indicators.md).", valueName: "file"))
    var indicatorsFile: String?

    @OptionGroup var source: Iv3SourceOption

    @OptionGroup var traits: TraitsOption

    var regionsFolder: String? { regions.regionsFolder }
    var iv3Source: Iv3SourcePreference { source.iv3Source }
    var traitsFile: String? { traits.traitsFile }
}

/// Data options of the commands whose `--indicators` lists indicator ids (report, region): a file of one's own
/// indicators is `--indicator-file` there.
struct IndicatorFileDataOptions: ParsableArguments {
    @OptionGroup var regions: RegionsOption

    @Option(
        name: .customLong("indicator-file"),
        help: ArgumentHelp(
            "A YAML file with your own indicator definitions (format: docs/indicators.md).", valueName: "file"))
    var indicatorsFile: String?

    @OptionGroup var source: Iv3SourceOption

    @OptionGroup var traits: TraitsOption

    var regionsFolder: String? { regions.regionsFolder }
    var iv3Source: Iv3SourcePreference { source.iv3Source }
    var traitsFile: String? { traits.traitsFile }
}

/// How a command prints its result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case csv
    case json
    case markdown
    case xlsx
}

extension ParsableCommand {
    /// Prints a table in the chosen format; JSON encodes `json` instead, with sorted keys for stable diffs.
    func emit<T: Encodable>(_ table: Table, format: OutputFormat, json: T) throws {
        switch format {
        case .table: try Console.current.output(table.renderText())
        case .csv: try Console.current.output(table.renderCSV())
        case .markdown: try Console.current.output(table.renderMarkdown())
        case .xlsx:
            throw ValidationError(
                en: "--format xlsx is available for compare, rank and trend; use --format csv here.",
                nl: "--format xlsx is er voor compare, rank en trend; gebruik hier --format csv.")
        case .json:
            try Console.current.output(try JSONOutput.encode(json))
        }
    }
}

extension Iv3SourcePreference: ExpressibleByArgument {}
