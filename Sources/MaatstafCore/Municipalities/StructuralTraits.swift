/// What the snapshot knows about a municipality's place and people besides its classes: the density of 2024 and the
/// gemeentefonds' classes. Nil where the source has no value (never 0).
public struct StructuralTraits: Sendable, Hashable, Codable {
    /// Inhabitants per km² of land, CBS Kerncijfers wijken en buurten 2024.
    public var density: Double?
    /// Class as written (`Sterk`) and its position on the scale (0 = none … 3 = strong).
    public var centreFunction: String?
    public var centreFunctionRank: Double?
    /// Class as written (`Goed`) and its position on the scale (0 = weak … 3 = good).
    public var socialStructure: String?
    public var socialStructureRank: Double?

    public init() {}
}
