/// A municipality as it was in one year: its regions, classes and population on 1 January.
///
/// A value, stored behind one shared, immutable reference (`SharedValue`): a comparison copies a profile into every
/// municipality's result, and with its fields inline each copy retained and released some sixteen strings — a tenth
/// of computing every comparison on one core. The fields, their `Codable` form and equality are as a plain struct's.
public struct MunicipalityProfile: Sendable, Hashable, Codable {
    /// The fields themselves: what is encoded, compared and hashed.
    struct Fields: Sendable, Hashable, Codable {
        var municipality: Municipality
        var year: Int
        var province: String
        var sizeClass: SizeClass
        var urbanity: Urbanity
        var population: Int
        var source: String
        var corop: Region
        var labourMarketRegion: Region
        var youthCareRegion: Region?
    }

    /// Changed only while profiles are put together, never while they are compared (`SharedValue`).
    private var storage: SharedValue<Fields>

    public var municipality: Municipality {
        get { storage.value.municipality }
        set { storage.change { $0.municipality = newValue } }
    }
    public var year: Int {
        get { storage.value.year }
        set { storage.change { $0.year = newValue } }
    }
    /// The province of that year's class file (equal to the mapping's province for current municipalities).
    public var province: String {
        get { storage.value.province }
        set { storage.change { $0.province = newValue } }
    }
    public var sizeClass: SizeClass {
        get { storage.value.sizeClass }
        set { storage.change { $0.sizeClass = newValue } }
    }
    public var urbanity: Urbanity {
        get { storage.value.urbanity }
        set { storage.change { $0.urbanity = newValue } }
    }
    public var population: Int {
        get { storage.value.population }
        set { storage.change { $0.population = newValue } }
    }
    /// The file the classes and population come from.
    public var source: String {
        get { storage.value.source }
        set { storage.change { $0.source = newValue } }
    }
    /// The COROP region and labour-market region in that year: from that year's "Gebieden in Nederland" when maatstaf
    /// has it, else the one classification of the municipality list.
    public var corop: Region {
        get { storage.value.corop }
        set { storage.change { $0.corop = newValue } }
    }
    public var labourMarketRegion: Region {
        get { storage.value.labourMarketRegion }
        set { storage.change { $0.labourMarketRegion = newValue } }
    }
    /// The youth-care region (jeugdregio) of 2024, derived from boundaries when the snapshot was loaded; nil when
    /// the municipality has none (it did not exist in 2024).
    public var youthCareRegion: Region? {
        get { storage.value.youthCareRegion }
        set { storage.change { $0.youthCareRegion = newValue } }
    }

    public var code: String { storage.value.municipality.code }
    public var name: String { storage.value.municipality.name }

    public init(
        municipality: Municipality, year: Int, province: String, sizeClass: SizeClass, urbanity: Urbanity, population: Int,
        source: String, corop: Region? = nil, labourMarketRegion: Region? = nil, youthCareRegion: Region? = nil
    ) {
        storage = SharedValue(
            Fields(
                municipality: municipality, year: year, province: province, sizeClass: sizeClass, urbanity: urbanity,
                population: population, source: source, corop: corop ?? municipality.corop,
                labourMarketRegion: labourMarketRegion ?? municipality.labourMarketRegion, youthCareRegion: youthCareRegion))
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.storage == rhs.storage }

    public func hash(into hasher: inout Hasher) { storage.hash(into: &hasher) }

    public init(from decoder: any Decoder) throws { storage = try SharedValue(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try storage.encode(to: encoder) }
}
