import ArgumentParser
import Foundation
import MaatstafApp
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
    @OptionGroup var output: OutputOptions
    @OptionGroup var data: DataOptions

    struct Entry: Encodable {
        var id: String
        var kind: String
        var name: String
        var members: Int?
        var file: String?
    }

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let nl = output.locale == .nl
        // Every group `--against` accepts by name, from the one list in core; its other names in brackets.
        var entries = PeerGroup.named.map { group in
            let names = group.otherNames(in: output.locale)
            let also = names.isEmpty ? "" : " (\(nl ? "ook" : "also"): \(names.joined(separator: ", ")))"
            return Entry(
                id: group.description, kind: "built-in",
                name: ReportWording.groupDescription(group, locale: output.locale) + also, members: nil, file: nil)
        }
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
            nl ? "Regio's uit \(workspace.regions.foldersText)." : "Regions from \(workspace.regions.foldersText)."
        ]
        try output.write(
            Listing(table, name: nl ? "Groepen en regio's" : "Groups and regions", locale: output.locale, json: entries))
    }
}
