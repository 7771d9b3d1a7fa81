public import GRDB
import MaatstafCore

// Every record here is read by column (`init(row:)`), not through `Decodable`: a command reads thousands of them at
// start, and the keyed decoding containers cost more than the query. The records the engine reads are plain values
// in core (`Iv3DocumentRecord`, …); how a row becomes one is the store's business, here.

extension Iv3DocumentRecord {
    init(row: Row) throws {
        self.init(
            year: try row.decode(forColumn: "year"), kind: try Store.documentKind(row),
            source: try row.decode(forColumn: "source"), table: try row.decode(forColumn: "table"))
    }
}

extension Iv3TaakveldRecord {
    init(row: Row) throws {
        self.init(
            year: try row.decode(forColumn: "year"), kind: try Store.documentKind(row),
            taakveld: try row.decode(forColumn: "taakveld"), title: try row.decode(forColumn: "title"))
    }
}

extension Store {
    /// A row's document kind: a word the store did not write is damage, never a guess.
    static func documentKind(_ row: Row) throws -> Iv3DocumentKind {
        let text: String = try row.decode(forColumn: "kind")
        guard let kind = Iv3DocumentKind(rawValue: text) else {
            throw StoreDamage(
                reason: .en("an Iv3 document has the kind \(text)", nl: "een Iv3-document heeft de soort \(text)"))
        }
        return kind
    }
}

/// A taakveld in CBS's official Iv3 code list of a year.
public struct Iv3DefinitionRecord: Sendable, Equatable, FetchableRecord {
    public var year: Int
    public var taakveld: String
    public var title: String
    public var parent: String?

    public init(row: Row) throws {
        year = try row.decode(forColumn: "year")
        taakveld = try row.decode(forColumn: "taakveld")
        title = try row.decode(forColumn: "title")
        parent = try row.decode(forColumn: "parent")
    }
}
