import ArgumentParser
import Foundation
import MaatstafApp
import MaatstafCore

/// `maatstaf fund import FOLDER`: a new circulaire from BZK's files, checked whole before it is stored.
struct FundImportCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: ReaderLanguage.text(
                en:
                    "Import a circulaire from a folder of BZK's files (GF_<C>_Gewichten.csv, _Volumina.csv, _SIUDU.csv, Uitkeringsfactor.csv).",
                nl:
                    "Lees een circulaire in uit een map met de bestanden van BZK (GF_<C>_Gewichten.csv, _Volumina.csv, _SIUDU.csv, Uitkeringsfactor.csv)."
            ),
            discussion: ReaderLanguage.text(
                en: """
                    Checked before anything is stored: every municipality of the year present and known by its CBS code, \
                    every weighted measure with a volume, every payment of a cluster with a column, every number readable, \
                    the factor there. Any problem is named with file, line and column; nothing is stored. A circulaire \
                    imported before is replaced by a new import of it; the snapshot's circulaires are not.

                    Example:
                      maatstaf fund import ~/Downloads/meicirculaire-2025
                    """,
                nl: """
                    Gecontroleerd voordat er iets wordt opgeslagen: elke gemeente van het jaar aanwezig en bekend met haar \
                    CBS-code, elke gewogen maatstaf met een volume, elke uitkering van een cluster met een kolom, elk getal \
                    leesbaar, de factor aanwezig. Elk probleem wordt genoemd met bestand, regel en kolom; er wordt dan niets \
                    opgeslagen. Een eerdere import van dezelfde circulaire wordt vervangen; die van de snapshot niet.

                    Voorbeeld:
                      maatstaf fund import ~/Downloads/meicirculaire-2025
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var language: LocaleOption

    @Argument(help: ArgumentHelp(ReaderLanguage.text(en: "The folder with the files.", nl: "De map met de bestanden.")))
    var folder: String

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let fund = FundAllocations(store: workspace.store, atlas: workspace.atlas)
        let (circulaire, replaced) = try fund.importFolder(URL(fileURLWithPath: folder))
        let nl = language.locale == .nl
        let count = circulaire.municipalities.count
        try StandardOutput.line(
            nl
                ? "\(circulaire.id): \(count) gemeenten, \(circulaire.clusters.count) clusters, \(circulaire.measures.count) maatstaven, \(circulaire.payments.count) uitkeringen, \(replaced ? "eerdere import vervangen" : "ingelezen")."
                : "\(circulaire.id): \(count) municipalities, \(circulaire.clusters.count) clusters, \(circulaire.measures.count) measures, \(circulaire.payments.count) payments, \(replaced ? "earlier import replaced" : "imported")."
        )
    }
}
