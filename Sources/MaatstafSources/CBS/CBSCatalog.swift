/// The two CBS OData v3 catalogs maatstaf reads: StatLine and the third-party tables (Iv3 among them).
public enum CBSCatalog: String, Sendable, CaseIterable {
    case opendata
    case dataderden

    /// The public base URL; tests and mirrors replace it with `--cbs-base` / `MAATSTAF_CBS_BASE`.
    public var publicBase: String {
        switch self {
        case .opendata: "https://opendata.cbs.nl"
        case .dataderden: "https://dataderden.cbs.nl"
        }
    }
}
