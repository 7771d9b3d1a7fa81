import ArgumentParser
import Foundation
import MaatstafCore
import MaatstafSources

/// Which CBS catalog a command reads, and where: `fetch` and `tables` share these.
struct CatalogOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "opendata (StatLine) or dataderden (third-party tables such as Iv3).",
                nl: "opendata (StatLine) of dataderden (tabellen van derden zoals Iv3).")))
    var catalog: CBSCatalogOption = .opendata

    @Option(
        name: .customLong("cbs-base"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Base URL of the catalog instead of CBS's (default: $MAATSTAF_CBS_BASE, else the public catalog).",
                nl:
                    "Basisadres van de catalogus in plaats van dat van CBS (standaard: $MAATSTAF_CBS_BASE, anders de openbare catalogus)."
            ), valueName: "url"))
    var cbsBase: String?

    /// `--cbs-base`, else `$MAATSTAF_CBS_BASE`, else `publicBase` (the chosen catalog's host unless a command knows better).
    func base(publicBase: String? = nil) -> String {
        let environment = Console.variable("MAATSTAF_CBS_BASE")
        return cbsBase ?? environment ?? publicBase ?? catalog.value.publicBase
    }
}

/// `--catalog` as a command-line value.
enum CBSCatalogOption: String, ExpressibleByArgument, CaseIterable {
    case opendata
    case dataderden

    var value: CBSCatalog { CBSCatalog(rawValue: rawValue)! }
}
