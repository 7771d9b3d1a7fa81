/// A structural trait on which municipalities are matched as nearest neighbours: something that describes the place
/// and its people, not how its services are run (spending or use would make a municipality look like those that
/// run things alike, which is what a benchmark is meant to find out).
public enum Trait: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Inhabitants on 1 January of the year, as log10: a town of 20,000 is as far from one of 40,000 as a city of
    /// 200,000 from one of 400,000.
    case population
    /// Inhabitants per km² of land (CBS Kerncijfers wijken en buurten 2024), as log10.
    case density
    /// CBS urbanity class, 1 (very strongly urban) to 5 (not urban); an alternative to density.
    case urbanity
    /// The gemeentefonds' centre-function class (BZK): 0 none, 1 little, 2 fair, 3 strong.
    case centreFunction
    /// The gemeentefonds' social-structure class (BZK): 0 weak, 1 moderate, 2 fair, 3 good.
    case socialStructure
    /// Any indicator's value in the year, e.g. the share of inhabitants aged 65 or over.
    case indicator(String)

    /// `population`, `density`, `urbanity`, `centre-function`, `social-structure`, or an indicator id.
    public init(parsing text: String) {
        switch text.lowercased() {
        case "population": self = .population
        case "density": self = .density
        case "urbanity": self = .urbanity
        case "centre-function", "center-function": self = .centreFunction
        case "social-structure": self = .socialStructure
        default: self = .indicator(text)
        }
    }

    public var description: String {
        switch self {
        case .population: "population"
        case .density: "density"
        case .urbanity: "urbanity"
        case .centreFunction: "centre-function"
        case .socialStructure: "social-structure"
        case .indicator(let id): id
        }
    }
}

/// A trait with its weight in the distance (1 = as much as any other trait).
public struct WeightedTrait: Sendable, Hashable, Codable {
    public var trait: Trait
    public var weight: Double

    public init(_ trait: Trait, weight: Double = 1) {
        self.trait = trait
        self.weight = weight
    }
}

/// How nearest neighbours are chosen: the traits and weights, how many, and whether only within the province.
public struct PeerSettings: Sendable, Hashable, Codable {
    public var traits: [WeightedTrait]
    public var count: Int
    public var sameProvince: Bool
    /// Where the choice comes from (a file path), nil for the defaults.
    public var file: String?

    public init(traits: [WeightedTrait], count: Int = 15, sameProvince: Bool = false, file: String? = nil) {
        self.traits = traits
        self.count = count
        self.sameProvince = sameProvince
        self.file = file
    }

    /// The share of youths and of residents 65+ are in the defaults as indicators: used when the store has their CBS
    /// table (Kerncijfers wijken en buurten), and said to be left out when it has not.
    public static let youthShare = "bevolking.jongeren-0-14-pct"
    public static let elderlyShare = "bevolking.65-plus-pct"

    /// Population, density, centre function, social structure, and the shares of youths and 65+, equally weighted.
    public static let standard = PeerSettings(traits: [
        WeightedTrait(.population), WeightedTrait(.density), WeightedTrait(.centreFunction),
        WeightedTrait(.socialStructure), WeightedTrait(.indicator(youthShare)), WeightedTrait(.indicator(elderlyShare)),
    ])
}
