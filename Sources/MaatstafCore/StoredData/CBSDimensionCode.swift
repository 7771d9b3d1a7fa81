/// A code of a dimension (`GM0293`, `2023JJ00`), trimmed of CBS's padding, with its title and, for periods, status.
public struct CBSDimensionCode: Sendable, Equatable {
    public var key: String
    public var title: String
    /// For periods: `Definitief`, `Voorlopig`, `Nader voorlopig`.
    public var status: String?
    /// The key exactly as CBS wrote it, padding included: filters must use it (`RegioS eq 'GM0293    '`).
    public var filterKey: String

    public init(key: String, title: String, status: String?, filterKey: String? = nil) {
        self.key = key
        self.title = title
        self.status = status
        self.filterKey = filterKey ?? key
    }
}
