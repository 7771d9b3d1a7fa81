public import Foundation
import MaatstafCore

/// CBS's Iv3 definition file for one year (`iv3_definities_Gemeente_YYYY.json`): the official taakveld codes and
/// titles. maatstaf uses it to give full titles (the Iv3 CSVs truncate them) and to check indicator definitions.
public struct Iv3DefinitionsFile: Sendable {
    public struct Taakveld: Sendable, Equatable {
        public var code: String
        public var title: String
        /// The codes of its direct children (`6.71` → `6.711`…`6.714`), empty for a leaf.
        public var children: [String]
    }

    public var year: Int
    /// Every taakveld in the code tree, groups included (`6.`, `6.71`), in file order.
    public var taakvelden: [Taakveld]

    private struct Node: Decodable {
        var code: String
        var omschrijving: String
        var subcodes: [Node]?
    }

    private struct Document: Decodable {
        struct Metadata: Decodable { var boekjaar: String }
        struct CodeList: Decodable { var codelijst: [Node] }
        struct CodeLists: Decodable { var taakveld: CodeList }
        var metadata: Metadata
        var codelijsten: CodeLists
    }

    public init(data: Data, source: String) throws {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw SourceError(
                subject: source,
                reason: .en(
                    "is not a CBS Iv3 definition file (\(error))", nl: "is geen Iv3-definitiebestand van CBS"),
                hint: .en(
                    "Use the file as published by CBS (github.com/statistiekcbs/iv3_definities)",
                    nl: "Gebruik het bestand zoals CBS het publiceert (github.com/statistiekcbs/iv3_definities)"))
        }
        guard let year = Int(document.metadata.boekjaar) else {
            throw SourceError(
                subject: source,
                reason: .en(
                    "boekjaar \"\(document.metadata.boekjaar)\" is not a year",
                    nl: "boekjaar \"\(document.metadata.boekjaar)\" is geen jaartal"),
                hint: .en("Use the file as published by CBS", nl: "Gebruik het bestand zoals CBS het publiceert"))
        }
        self.year = year
        var list: [Taakveld] = []
        func walk(_ nodes: [Node]) {
            for node in nodes {
                list.append(Taakveld(code: node.code, title: node.omschrijving, children: (node.subcodes ?? []).map(\.code)))
                walk(node.subcodes ?? [])
            }
        }
        walk(document.codelijsten.taakveld.codelijst)
        taakvelden = list
    }
}
