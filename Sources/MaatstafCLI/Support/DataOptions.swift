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

/// Options of commands that read municipalities, regions and statistics.
struct DataOptions: ParsableArguments {
    @OptionGroup var regions: RegionsOption

    @Option(
        name: .customLong("indicators"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "A YAML file with your own indicator definitions (format: docs/indicators.md).",
                nl: "Een YAML-bestand met uw eigen indicatordefinities (indeling: docs/indicators.md)."), valueName: "file"))
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
            ReaderLanguage.text(
                en: "A YAML file with your own indicator definitions (format: docs/indicators.md).",
                nl: "Een YAML-bestand met uw eigen indicatordefinities (indeling: docs/indicators.md)."), valueName: "file"))
    var indicatorsFile: String?

    @OptionGroup var source: Iv3SourceOption

    @OptionGroup var traits: TraitsOption

    var regionsFolder: String? { regions.regionsFolder }
    var iv3Source: Iv3SourcePreference { source.iv3Source }
    var traitsFile: String? { traits.traitsFile }
}

extension Iv3SourcePreference: ExpressibleByArgument {}
