import ArgumentParser
import Foundation
import MaatstafCore
import MaatstafStore

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
        let store = try global.openStore()
        if let remove {
            guard try store.removeOwnImport(name: remove) else {
                let known = try store.ownImports().map(\.name)
                throw InputError(
                    subject: remove, reason: .en("is not an import", nl: "is geen import"),
                    hint: known.isEmpty
                        ? .en("There are no imports", nl: "Er zijn geen imports")
                        : .en("Imports: \(known.joined(separator: ", "))", nl: "Imports: \(known.joined(separator: ", "))"))
            }
            try StandardOutput.line(
                language.locale == .nl
                    ? "import \(remove) en haar cijfers verwijderd" : "removed the import \(remove) and its figures")
            return
        }
        let imports = try store.ownImports()
        if imports.isEmpty {
            return try StandardOutput.line(
                language.locale == .nl
                    ? "geen imports (maatstaf import BESTAND voegt er een toe)" : "no imports (maatstaf import FILE adds one)")
        }
        for entry in imports {
            try StandardOutput.line(
                language.locale == .nl
                    ? "\(entry.name)\t\(entry.rows) cijfers\tsha256 \(entry.sha256.prefix(12))…\tingelezen \(entry.importedAt)\t\(entry.path)"
                    : "\(entry.name)\t\(entry.rows) figures\tsha256 \(entry.sha256.prefix(12))…\timported \(entry.importedAt)\t\(entry.path)"
            )
        }
    }
}
