import ArgumentParser
import Foundation
import MaatstafCore
import MaatstafModel
import MaatstafReport

struct RegionsListCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list",
            abstract: ReaderLanguage.text(
                en: "List the built-in reference groups and every user region.",
                nl: "Noem de ingebouwde referentiegroepen en elke eigen regio."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var language: LocaleOption
    @OptionGroup var data: DataOptions

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(en: "Output: table, csv, json or markdown.", nl: "Uitvoer: table, csv, json of markdown.")))
    var format: OutputFormat = .table

    struct Entry: Encodable {
        var id: String
        var kind: String
        var name: String
        var members: Int?
        var file: String?
    }

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let nl = language.locale == .nl
        let builtIn: [(PeerGroupKind, String)] = [
            (.national, nl ? "alle gemeenten van Nederland" : "all municipalities of the Netherlands"),
            (.province, nl ? "de provincie van de gemeente" : "the municipality's province"),
            (.corop, nl ? "het COROP-gebied van de gemeente" : "the municipality's COROP region"),
            (
                .labourMarketRegion,
                nl ? "de arbeidsmarktregio van de gemeente (ook: amr)" : "the municipality's labour-market region (also: amr)"
            ),
            (.sizeClass, nl ? "gemeenten van dezelfde CBS-grootteklasse" : "municipalities of the same CBS size class"),
            (.urbanity, nl ? "gemeenten van dezelfde CBS-stedelijkheidsklasse" : "municipalities of the same CBS urbanity class"),
        ]
        // JSON keeps its values stable for scripts; the table says them in the reader's language.
        var entries = builtIn.map { Entry(id: $0.0.rawValue, kind: "built-in", name: $0.1, members: nil, file: nil) }
        entries += workspace.regions.regions.map {
            Entry(id: $0.id, kind: "user region", name: $0.name, members: $0.members.count, file: $0.file)
        }
        var table = Table(columns: [
            .init("id"), .init(nl ? "soort" : "kind"), .init(nl ? "naam" : "name"), .init(nl ? "leden" : "members", .right),
            .init(nl ? "bestand" : "file"),
        ])
        table.rows = entries.map {
            let kind = nl ? ($0.kind == "built-in" ? "ingebouwd" : "eigen regio") : $0.kind
            return [$0.id, kind, $0.name, $0.members.map(String.init) ?? "", $0.file ?? ""]
        }
        table.notes = [
            nl ? "Eigen regio's uit \(workspace.regions.folder.path)." : "User regions from \(workspace.regions.folder.path)."
        ]
        try emit(table, format: format, json: entries)
    }
}
