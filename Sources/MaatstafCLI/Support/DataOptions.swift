public import ArgumentParser
import Foundation
public import MaatstafCore
import MaatstafReport

/// Where user regions come from; shared by every command that compares.
struct RegionsOption: ParsableArguments {
    @Option(
        name: .customLong("regions"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Folder of user region files (default: $MAATSTAF_REGIONS_DIR, else ./regions).",
                nl: "Map met eigen regiobestanden (standaard: $MAATSTAF_REGIONS_DIR, anders ./regions)."), valueName: "dir"))
    var regionsFolder: String?
}

/// Which copy of an Iv3 document is read when the snapshot and a fetched CBS table both hold it.
struct Iv3SourceOption: ParsableArguments {
    @Option(
        name: .customLong("iv3-source"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "When the embedded snapshot and a fetched CBS Iv3 table hold the same document: cbs (the fetched table, the default) or snapshot. The output says which was read.",
                nl:
                    "Als de ingebouwde snapshot en een opgehaalde Iv3-tabel van CBS hetzelfde document bevatten: cbs (de opgehaalde tabel, de standaard) of snapshot. De uitvoer zegt welke gelezen is."
            ),
            valueName: "source"))
    var iv3Source: Iv3SourcePreference = .fetched
}

/// The traits nearest neighbours are found on, for every command that can compare with the group `peers`.
struct TraitsOption: ParsableArguments {
    @Option(
        name: .customLong("traits"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "A YAML file choosing and weighting the traits of nearest neighbours, for the group peers (format: docs/peers.md; default: population, density, centre function, social structure, and the shares of youths and 65+ when CBS 85984NED is fetched).",
                nl:
                    "Een YAML-bestand dat de kenmerken van naaste buren kiest en weegt, voor de groep peers (indeling: docs/peers.md; standaard: inwoners, dichtheid, centrumfunctie, sociale structuur, en de aandelen jongeren en 65-plussers als CBS 85984NED opgehaald is)."
            ),
            valueName: "file"))
    var traitsFile: String?
}

/// `--indicator-file`: a YAML file of one's own indicator definitions, the same option in every command.
struct IndicatorFileOption: ParsableArguments {
    @Option(
        name: .customLong("indicator-file"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "A YAML file with your own indicator definitions (format: docs/indicators.md).",
                nl: "Een YAML-bestand met uw eigen indicatordefinities (indeling: docs/indicators.md)."), valueName: "file"))
    var indicatorFile: String?
}

/// `--circulaire`: the municipal fund's circulaire for its own year, instead of the May circular of the year before
/// (the rule BZK's tool follows). Checked for its form here; for being in the store where it is used.
struct CirculaireOption: ParsableArguments {
    @Option(
        name: .customLong("circulaire"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "The municipal fund's circulaire for its year, e.g. S2024_2024 (the September circular of 2024) for the 2024 accounts; default: the May circular of the year before (M2024_2025 for 2025). `maatstaf fund list` lists them.",
                nl:
                    "De circulaire van het gemeentefonds voor haar jaar, bijvoorbeeld S2024_2024 (de septembercirculaire 2024) bij de jaarrekening 2024; standaard: de meicirculaire van het jaar ervoor (M2024_2025 voor 2025). `maatstaf fund list` noemt ze."
            ),
            valueName: "circulaire"))
    var circulaire: String?

    func validate() throws {
        if let circulaire, FundCirculaireRule.year(of: circulaire) == nil {
            throw ValidationError(
                en:
                    "--circulaire \(circulaire): give it as M or S, the year it was issued, _ and the year it is for (M2024_2025).",
                nl: "--circulaire \(circulaire): geef haar als M of S, het jaar van uitgave, _ en het jaar waarvoor (M2024_2025)."
            )
        }
    }
}

/// Options of commands that read municipalities, regions and statistics.
struct DataOptions: ParsableArguments {
    @OptionGroup var regions: RegionsOption

    @OptionGroup var file: IndicatorFileOption

    /// The spelling of `--indicator-file` before `--indicators` came to mean a list of ids (report, region); still
    /// read, with a note, because users' scripts and notes have it.
    @Option(name: .customLong("indicators"), help: .hidden)
    var legacyIndicatorsFile: String?

    @OptionGroup var source: Iv3SourceOption

    @OptionGroup var traits: TraitsOption

    @OptionGroup var fund: CirculaireOption

    var regionsFolder: String? { regions.regionsFolder }
    var indicatorsFile: String? { file.indicatorFile ?? legacyIndicatorsFile }
    var iv3Source: Iv3SourcePreference { source.iv3Source }
    var traitsFile: String? { traits.traitsFile }
    var circulaire: String? { fund.circulaire }

    func validate() throws {
        guard let legacy = legacyIndicatorsFile else { return }
        if file.indicatorFile != nil {
            throw ValidationError(
                en: "Give the file of your own indicators once, with --indicator-file.",
                nl: "Geef het bestand met eigen indicatoren één keer, met --indicator-file.")
        }
        Console.current.error(
            ReaderLanguage.text(
                en:
                    "maatstaf: note: --indicators \(legacy) is read as --indicator-file \(legacy); --indicators now lists indicator ids (report, region).\n",
                nl:
                    "maatstaf: let op: --indicators \(legacy) is gelezen als --indicator-file \(legacy); --indicators noemt nu indicator-ids (report, region).\n"
            ))
    }
}

/// Data options of the commands whose `--indicators` lists indicator ids (report, region): like `DataOptions`, without
/// the old spelling of `--indicator-file`.
struct IndicatorFileDataOptions: ParsableArguments {
    @OptionGroup var regions: RegionsOption

    @OptionGroup var file: IndicatorFileOption

    @OptionGroup var source: Iv3SourceOption

    @OptionGroup var traits: TraitsOption

    @OptionGroup var fund: CirculaireOption

    var regionsFolder: String? { regions.regionsFolder }
    var indicatorsFile: String? { file.indicatorFile }
    var iv3Source: Iv3SourcePreference { source.iv3Source }
    var traitsFile: String? { traits.traitsFile }
    var circulaire: String? { fund.circulaire }
}

extension Iv3SourcePreference: ExpressibleByArgument {}
