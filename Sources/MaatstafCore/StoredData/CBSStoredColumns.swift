/// A stored table read back into columns, in the order CBS served its rows.
public struct CBSStoredColumns: Sendable {
    public struct Dimension: Sendable {
        public var key: String
        /// `region`, `period` or `other`.
        public var role: String
        /// One trimmed code per row.
        public var codes: [String]

        public init(key: String, role: String, codes: [String]) {
            self.key = key
            self.role = role
            self.codes = codes
        }
    }

    public var dimensions: [Dimension]
    public var topics: [(key: String, values: [CBSValue])]

    public init(dimensions: [Dimension], topics: [(key: String, values: [CBSValue])]) {
        self.dimensions = dimensions
        self.topics = topics
    }
    public var rowCount: Int { dimensions.first?.codes.count ?? topics.first?.values.count ?? 0 }
}
