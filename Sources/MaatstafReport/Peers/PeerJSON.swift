import MaatstafCompare
import MaatstafCore
import MaatstafModel

/// The JSON contract `maatstaf.peers/1` (docs/peers.md): the traits with their weights, means and standard
/// deviations, each neighbour's distance, values and standardised differences; `null` where a trait is missing.
public struct PeerJSON: Encodable, Sendable {
    public static let schema = "maatstaf.peers/1"

    struct TraitEntry: Encodable, Sendable {
        var trait: String
        var weight: Double
        var mean: Double
        var standardDeviation: Double
        var source: String
        var year: Nullable<Int>
    }
    struct Unused: Encodable, Sendable {
        var trait: String
        var reason: String
        var tables: [String]
    }
    struct Entry: Encodable, Sendable {
        var rank: Int
        var code: String
        var name: String
        var province: String
        var distance: Double
        var values: [String: Nullable<Double>]
        var differences: [String: Nullable<Double>]
    }

    var schema = PeerJSON.schema
    var municipality: Entry
    var year: Int
    var count: Int
    var sameProvince: Bool
    var traits: [TraitEntry]
    var unused: [Unused]
    var neighbours: [Entry]
    var notes: [String]

    public init(_ report: PeerReport) {
        let search = report.search
        let used = search.model.used
        func values(_ code: String) -> [String: Nullable<Double>] {
            Dictionary(
                uniqueKeysWithValues: used.indices.map { (used[$0].trait.trait.description, Nullable(search.shown[$0][code])) })
        }
        let own = search.municipality
        municipality = Entry(
            rank: 0, code: own.code, name: own.name, province: own.province, distance: 0, values: values(own.code),
            differences: [:])
        year = search.year
        count = search.settings.count
        sameProvince = search.settings.sameProvince
        traits = used.indices.map { index in
            TraitEntry(
                trait: used[index].trait.trait.description, weight: used[index].trait.weight, mean: used[index].mean,
                standardDeviation: used[index].standardDeviation, source: search.traitSources[index].source,
                year: Nullable(search.traitSources[index].year))
        }
        unused = search.unavailable.map { missing in
            switch missing.reason {
            case .notFetched(let tables, _): Unused(trait: missing.trait.description, reason: "not-fetched", tables: tables)
            case .tooFewValues: Unused(trait: missing.trait.description, reason: "too-few-values", tables: [])
            case .noSpread: Unused(trait: missing.trait.description, reason: "no-spread", tables: [])
            }
        }
        neighbours = search.neighbours.enumerated().map { rank, neighbour in
            let profile = search.profiles[neighbour.code]
            return Entry(
                rank: rank + 1, code: neighbour.code, name: profile?.name ?? neighbour.code,
                province: profile?.province ?? "", distance: neighbour.distance, values: values(neighbour.code),
                differences: Dictionary(
                    uniqueKeysWithValues: used.indices.map {
                        (used[$0].trait.trait.description, Nullable(neighbour.differences[$0]))
                    }))
        }
        notes = report.notes
    }

    public func encoded() throws -> String { try JSONOutput.encode(self) }
}
