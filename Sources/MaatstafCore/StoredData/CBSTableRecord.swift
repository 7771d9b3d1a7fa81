/// A fetched CBS table as the store lists it.
public struct CBSTableRecord: Sendable, Equatable {
    public var id: String
    public var catalog: String
    public var title: String
    public var period: String?
    public var modified: String?
    public var recordCount: Int?
    public var rows: Int
    public var fetchedAt: String

    public init(
        id: String, catalog: String, title: String, period: String?, modified: String?, recordCount: Int?, rows: Int,
        fetchedAt: String
    ) {
        self.id = id
        self.catalog = catalog
        self.title = title
        self.period = period
        self.modified = modified
        self.recordCount = recordCount
        self.rows = rows
        self.fetchedAt = fetchedAt
    }
}
