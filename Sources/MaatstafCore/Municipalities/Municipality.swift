/// A Dutch municipality (gemeente): its CBS code, official CBS name, and its regions.
public struct Municipality: Sendable, Hashable, Codable {
    /// CBS code, `GM` and four digits, e.g. `GM0293`.
    public var code: String
    /// The official CBS name, with its disambiguating suffix where it has one (`Beek (L.)`).
    public var name: String
    /// False for municipalities that were dissolved (merged into others).
    public var isCurrent: Bool
    /// The last classification year the municipality exists in.
    public var lastYear: Int
    public var province: Region
    public var corop: Region
    /// The labour-market region (arbeidsmarktregio, `AM` codes).
    public var labourMarketRegion: Region

    public init(
        code: String, name: String, isCurrent: Bool, lastYear: Int, province: Region, corop: Region,
        labourMarketRegion: Region
    ) {
        self.code = code
        self.name = name
        self.isCurrent = isCurrent
        self.lastYear = lastYear
        self.province = province
        self.corop = corop
        self.labourMarketRegion = labourMarketRegion
    }
}

/// A CBS region: code and name (`PV25` Gelderland, `CR15` Arnhem/Nijmegen, `AM07` Midden-Gelderland).
public struct Region: Sendable, Hashable, Codable {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}
