/// A municipality as it was in one year: its regions, classes and population on 1 January.
///
/// A value, stored behind one shared, immutable reference: a comparison copies a profile into every
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

    /// Immutable, so reading a field is a plain load (no exclusivity check); a change makes a new one, which happens
    /// only while profiles are put together, never while they are compared.
    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = storage.fields
        change(&fields)
        storage = Storage(fields)
    }

    public var municipality: Municipality {
        get { storage.fields.municipality }
        set { update { $0.municipality = newValue } }
    }
    public var year: Int {
        get { storage.fields.year }
        set { update { $0.year = newValue } }
    }
    /// The province of that year's class file (equal to the mapping's province for current municipalities).
    public var province: String {
        get { storage.fields.province }
        set { update { $0.province = newValue } }
    }
    public var sizeClass: SizeClass {
        get { storage.fields.sizeClass }
        set { update { $0.sizeClass = newValue } }
    }
    public var urbanity: Urbanity {
        get { storage.fields.urbanity }
        set { update { $0.urbanity = newValue } }
    }
    public var population: Int {
        get { storage.fields.population }
        set { update { $0.population = newValue } }
    }
    /// The file the classes and population come from.
    public var source: String {
        get { storage.fields.source }
        set { update { $0.source = newValue } }
    }
    /// The COROP region and labour-market region in that year: from that year's "Gebieden in Nederland" when maatstaf
    /// has it, else the one classification of the municipality list.
    public var corop: Region {
        get { storage.fields.corop }
        set { update { $0.corop = newValue } }
    }
    public var labourMarketRegion: Region {
        get { storage.fields.labourMarketRegion }
        set { update { $0.labourMarketRegion = newValue } }
    }
    /// The youth-care region (jeugdregio) of 2024, derived from boundaries when the snapshot was loaded; nil when
    /// the municipality has none (it did not exist in 2024).
    public var youthCareRegion: Region? {
        get { storage.fields.youthCareRegion }
        set { update { $0.youthCareRegion = newValue } }
    }

    public var code: String { storage.fields.municipality.code }
    public var name: String { storage.fields.municipality.name }

    public init(
        municipality: Municipality, year: Int, province: String, sizeClass: SizeClass, urbanity: Urbanity, population: Int,
        source: String, corop: Region? = nil, labourMarketRegion: Region? = nil, youthCareRegion: Region? = nil
    ) {
        storage = Storage(
            Fields(
                municipality: municipality, year: year, province: province, sizeClass: sizeClass, urbanity: urbanity,
                population: population, source: source, corop: corop ?? municipality.corop,
                labourMarketRegion: labourMarketRegion ?? municipality.labourMarketRegion, youthCareRegion: youthCareRegion))
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }

    public init(from decoder: any Decoder) throws {
        storage = Storage(try Fields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try storage.fields.encode(to: encoder)
    }
}
