/// A municipality as it was in one year: its regions, classes and population on 1 January.
public struct MunicipalityProfile: Sendable, Hashable, Codable {
    public var municipality: Municipality
    public var year: Int
    /// The province of that year's class file (equal to the mapping's province for current municipalities).
    public var province: String
    public var sizeClass: SizeClass
    public var urbanity: Urbanity
    public var population: Int
    /// The file the classes and population come from.
    public var source: String
    /// The COROP region and labour-market region in that year: from that year's "Gebieden in Nederland" when maatstaf
    /// has it, else the one classification of the municipality list.
    public var corop: Region
    public var labourMarketRegion: Region
    /// The youth-care region (jeugdregio) of 2024, derived from boundaries when the snapshot was loaded; nil when
    /// the municipality has none (it did not exist in 2024).
    public var youthCareRegion: Region?

    public var code: String { municipality.code }
    public var name: String { municipality.name }

    public init(
        municipality: Municipality, year: Int, province: String, sizeClass: SizeClass, urbanity: Urbanity, population: Int,
        source: String, corop: Region? = nil, labourMarketRegion: Region? = nil, youthCareRegion: Region? = nil
    ) {
        self.municipality = municipality
        self.year = year
        self.province = province
        self.sizeClass = sizeClass
        self.urbanity = urbanity
        self.population = population
        self.source = source
        self.corop = corop ?? municipality.corop
        self.labourMarketRegion = labourMarketRegion ?? municipality.labourMarketRegion
        self.youthCareRegion = youthCareRegion
    }
}
