/// A table's data as maatstaf keeps it: one row per combination of dimension codes, a value per topic.
public struct CBSDataSet: Sendable {
    public struct Row: Sendable, Equatable {
        /// Dimension key → code, trimmed (`RegioS` → `GM0293`).
        public var dimensions: [String: String]
        /// Topic key → value; missing cells are explicit, never 0.
        public var values: [String: CBSValue]
    }

    public var table: CBSTableInfo
    public var properties: [CBSDataProperty]
    public var rows: [Row]
    /// Every URL read and the sha256 of its body, for provenance.
    public var responses: [(url: String, sha256: String)]

    public var dimensions: [CBSDataProperty] { properties.filter(\.isDimension) }
    public var topics: [CBSDataProperty] { properties.filter { $0.kind == .topic } }
}
