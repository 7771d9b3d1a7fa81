/// One Iv3 document in the store: a year's budget (`begroting`) or accounts (`jaarrekening`), from the embedded
/// snapshot (`source` is its file) or from a fetched CBS table (`table` is its id).
public struct Iv3DocumentRecord: Sendable, Equatable {
    public var year: Int
    public var kind: Iv3DocumentKind
    public var source: String
    /// The fetched CBS table the document was read from; nil for the embedded snapshot.
    public var table: String?

    public init(year: Int, kind: Iv3DocumentKind, source: String, table: String? = nil) {
        self.year = year
        self.kind = kind
        self.source = source
        self.table = table
    }
}

/// A taakveld as an Iv3 document lists it.
public struct Iv3TaakveldRecord: Sendable, Equatable {
    public var year: Int
    public var kind: Iv3DocumentKind
    public var taakveld: String
    public var title: String

    public init(year: Int, kind: Iv3DocumentKind, taakveld: String, title: String) {
        self.year = year
        self.kind = kind
        self.taakveld = taakveld
        self.title = title
    }
}

/// Baten and lasten of one municipality (or `NL01`, the file's national total) on one taakveld, in thousands of
/// euros. Nil means not reported — never zero.
public struct Iv3AmountRecord: Sendable, Equatable {
    public var year: Int
    public var kind: Iv3DocumentKind
    public var code: String
    public var taakveld: String
    public var baten: Int?
    public var lasten: Int?
    public var salaries: Int?

    public init(
        year: Int, kind: Iv3DocumentKind, code: String, taakveld: String, baten: Int?, lasten: Int?, salaries: Int?
    ) {
        self.year = year
        self.kind = kind
        self.code = code
        self.taakveld = taakveld
        self.baten = baten
        self.lasten = lasten
        self.salaries = salaries
    }
}
