public import MaatstafCore

/// A municipality's nearest neighbours in a year: who they are, how far, and on what.
public struct PeerSearch: Sendable {
    public var municipality: MunicipalityProfile
    public var year: Int
    public var settings: PeerSettings
    /// The standardised traits and the distances.
    public var model: NearestNeighbours
    public var neighbours: [NearestNeighbours.Neighbour]
    /// The profiles of the municipality and its neighbours, by code.
    public var profiles: [String: MunicipalityProfile]
    /// Per used trait (in the model's order): code → value as the reader knows it (inhabitants, per km², class
    /// position, the indicator's value), before any log or standardising.
    public var shown: [[String: Double]]
    /// Per used trait: where its values come from (and which year, when it is not the year asked).
    public var traitSources: [TraitSource]
    /// Traits of the settings that were not used, with why.
    public var unavailable: [UnavailableTrait]

    public struct TraitSource: Sendable, Hashable {
        public var trait: Trait
        public var source: String
        /// The year of the values, when it differs from the year asked (density is of 2024; an indicator trait is
        /// taken from the nearest year it has).
        public var year: Int?
    }

    public struct UnavailableTrait: Sendable, Hashable {
        public var trait: Trait
        public var reason: Reason
        public enum Reason: Sendable, Hashable {
            /// The indicator's CBS tables are not in the store.
            case notFetched(tables: [String], fetch: [FetchRequest])
            /// Fewer than two municipalities have a value (the table has the topic but no figures).
            case tooFewValues
            /// Every municipality has the same value.
            case noSpread
        }
    }

    /// Codes (the municipality and its neighbours) lacking a used trait, per trait index.
    public var lacking: [Int: [String]] {
        var result: [Int: [String]] = [:]
        for code in [municipality.code] + neighbours.map(\.code) {
            for (index, value) in (model.scores[code] ?? []).enumerated() where value == nil {
                result[index, default: []].append(code)
            }
        }
        return result
    }

    /// The neighbours as a reference group.
    public var group: ResolvedPeerGroup {
        var group = ResolvedPeerGroup(
            group: .peers, label: municipality.name, code: nil,
            members: neighbours.map(\.code).sorted(),
            key: "peers|\(municipality.code)|\(year)|\(settings.count)|\(settings.sameProvince)|"
                + settings.traits.map { "\($0.trait)*\($0.weight)" }.joined(separator: ","))
        group.traits = model.used.map(\.trait.trait)
        return group
    }
}
