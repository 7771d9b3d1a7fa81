import ArgumentParser
import Foundation
import MaatstafApp
import MaatstafCore

/// `maatstaf imports`: the files of own figures in the store; `--remove NAME` takes one out.
struct ImportsCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "imports",
            abstract: ReaderLanguage.text(
                en: "List the imported files of own figures, or remove one.",
                nl: "Noem de ingelezen bestanden met eigen cijfers, of verwijder er een."),
            discussion: ReaderLanguage.text(
                en: """
                    Each line: the file name, its figures, its sha256 and when it was imported. Removing an import removes \
                    its figures; importing the file again brings them back.

                    Examples:
                      maatstaf imports
                      maatstaf imports --remove westervoort-huishoudelijke-hulp.csv
                    """,
                nl: """
                    Elke regel: de bestandsnaam, de cijfers, de sha256 en wanneer het ingelezen is. Een import verwijderen \
                    verwijdert de cijfers; het bestand opnieuw inlezen brengt ze terug.

                    Voorbeelden:
                      maatstaf imports
                      maatstaf imports --remove westervoort-huishoudelijke-hulp.csv
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var language: LocaleOption

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(en: "Remove the import of this file name.", nl: "Verwijder de import van deze bestandsnaam."),
            valueName: "name"))
    var remove: String?

    func run() async throws {
        let imports = OwnFigureImports(store: try global.openStore())
        if let remove {
            try imports.remove(remove)
            try StandardOutput.line(
                language.locale == .nl
                    ? "import \(remove) en haar cijfers verwijderd" : "removed the import \(remove) and its figures")
            return
        }
        let list = try imports.list()
        if list.isEmpty {
            return try StandardOutput.line(
                language.locale == .nl
                    ? "geen imports (maatstaf import BESTAND voegt er een toe)" : "no imports (maatstaf import FILE adds one)")
        }
        for entry in list {
            try StandardOutput.line(
                language.locale == .nl
                    ? "\(entry.name)\t\(entry.rows) \(entry.rows == 1 ? "cijfer" : "cijfers")\tsha256 \(entry.sha256.prefix(12))…\tingelezen \(entry.importedAt)\t\(entry.path)"
                    : "\(entry.name)\t\(entry.rows) figure\(entry.rows == 1 ? "" : "s")\tsha256 \(entry.sha256.prefix(12))…\timported \(entry.importedAt)\t\(entry.path)"
            )
        }
    }
}
