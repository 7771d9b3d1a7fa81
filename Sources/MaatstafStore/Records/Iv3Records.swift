public import GRDB

// Every record here is read by column (`init(row:)`), not through `Decodable`: a command reads thousands of them at
// start, and the keyed decoding containers cost more than the query.

/// One Iv3 document in the store: a year's budget (`begroting`) or accounts (`jaarrekening`), from the embedded
/// snapshot (`source` is its file) or from a fetched CBS table (`table` is its id).
public struct Iv3DocumentRecord: Sendable, Equatable, FetchableRecord {
    public var year: Int
    public var kind: String
    public var source: String
    /// The fetched CBS table the document was read from; nil for the embedded snapshot.
    public var table: String?

    public init(year: Int, kind: String, source: String, table: String? = nil) {
        self.year = year
        self.kind = kind
        self.source = source
        self.table = table
    }

    public init(row: Row) throws {
        year = try row.decode(forColumn: "year")
        kind = try row.decode(forColumn: "kind")
        source = try row.decode(forColumn: "source")
        table = try row.decode(forColumn: "table")
    }
}

/// A taakveld as an Iv3 document lists it.
public struct Iv3TaakveldRecord: Sendable, Equatable, FetchableRecord {
    public var year: Int
    public var kind: String
    public var taakveld: String
    public var title: String

    public init(year: Int, kind: String, taakveld: String, title: String) {
        self.year = year
        self.kind = kind
        self.taakveld = taakveld
        self.title = title
    }

    public init(row: Row) throws {
        year = try row.decode(forColumn: "year")
        kind = try row.decode(forColumn: "kind")
        taakveld = try row.decode(forColumn: "taakveld")
        title = try row.decode(forColumn: "title")
    }
}

/// Baten and lasten of one municipality (or `NL01`, the file's national total) on one taakveld, in thousands of
/// euros. Nil means not reported — never zero.
public struct Iv3AmountRecord: Sendable, Equatable, FetchableRecord {
    public var year: Int
    public var kind: String
    public var code: String
    public var taakveld: String
    public var baten: Int?
    public var lasten: Int?
    public var salaries: Int?

    public init(year: Int, kind: String, code: String, taakveld: String, baten: Int?, lasten: Int?, salaries: Int?) {
        self.year = year
        self.kind = kind
        self.code = code
        self.taakveld = taakveld
        self.baten = baten
        self.lasten = lasten
        self.salaries = salaries
    }

    public init(row: Row) throws {
        year = try row.decode(forColumn: "year")
        kind = try row.decode(forColumn: "kind")
        code = try row.decode(forColumn: "code")
        taakveld = try row.decode(forColumn: "taakveld")
        baten = try row.decode(forColumn: "baten")
        lasten = try row.decode(forColumn: "lasten")
        salaries = try row.decode(forColumn: "salaries")
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
