/// A region a user defines in `regions/`: a joint service organisation, a procurement region, a chosen peer set.
public struct UserRegion: Sendable, Hashable, Codable {
    /// Short id used on the command line (`--against 1stroom`): lower-case letters, digits and `-`.
    public var id: String
    public var name: String
    public var description: String
    /// Member codes, in the order the file lists them.
    public var members: [String]
    /// First and last year the region applies to; nil means open-ended.
    public var validFrom: Int?
    public var validUntil: Int?
    /// The file it was read from.
    public var file: String
    /// A fixed cost-split key (`key:` in the file): member code → percentage of the region's total, summing to 100.
    /// A joint arrangement's contribution percentages; nil when the file gives none.
    public var fixedKey: [String: Double]?

    public func isValid(in year: Int) -> Bool {
        (validFrom.map { year >= $0 } ?? true) && (validUntil.map { year <= $0 } ?? true)
    }

    public init(
        id: String, name: String, description: String, members: [String], validFrom: Int?, validUntil: Int?, file: String,
        fixedKey: [String: Double]? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.members = members
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.file = file
        self.fixedKey = fixedKey
    }
}
