/// A topic or dimension of a fetched table.
public struct CBSPropertyRecord: Sendable, Equatable {
    public var key: String
    public var keyStem: String
    public var kind: String
    public var title: String
    public var unit: String?
    public var decimals: Int?

    public init(key: String, keyStem: String, kind: String, title: String, unit: String?, decimals: Int?) {
        self.key = key
        self.keyStem = keyStem
        self.kind = kind
        self.title = title
        self.unit = unit
        self.decimals = decimals
    }
}
