import ArgumentParser
import Foundation
import MaatstafCore
import MaatstafModel
import MaatstafReport

struct RegionsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the built-in reference groups and every user region.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataOptions

    @Option(help: "Output: table, csv, json or markdown.")
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
        let builtIn: [(PeerGroupKind, String)] = [
            (.national, "all municipalities of the Netherlands"),
            (.province, "the municipality's province"),
            (.corop, "the municipality's COROP region"),
            (.labourMarketRegion, "the municipality's labour-market region (also: amr)"),
            (.sizeClass, "municipalities of the same CBS size class"),
            (.urbanity, "municipalities of the same CBS urbanity class"),
        ]
        var entries = builtIn.map { Entry(id: $0.0.rawValue, kind: "built-in", name: $0.1, members: nil, file: nil) }
        entries += workspace.regions.regions.map {
            Entry(id: $0.id, kind: "user region", name: $0.name, members: $0.members.count, file: $0.file)
        }
        var table = Table(columns: [.init("id"), .init("kind"), .init("name"), .init("members", .right), .init("file")])
        table.rows = entries.map { [$0.id, $0.kind, $0.name, $0.members.map(String.init) ?? "", $0.file ?? ""] }
        table.notes = ["User regions from \(workspace.regions.folder.path)."]
        try emit(table, format: format, json: entries)
    }
}
