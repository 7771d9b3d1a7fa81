/// Nearest neighbours by the method of CIPFA's nearest-neighbour model: every trait standardised to z-scores over
/// all municipalities of the year, combined into a weighted Euclidean distance, and the closest taken.
///
/// A municipality may lack a trait (the four largest cities have no centre-function class): the distance between two
/// municipalities then uses the traits both have and is scaled up by total weight ÷ shared weight, so that fewer
/// traits do not make it look closer; the result says which municipalities lacked which trait.
public struct NearestNeighbours: Sendable {
    /// One trait's values for every municipality of the year (nil: the source has none for it).
    public struct Column: Sendable {
        public var trait: WeightedTrait
        public var values: [String: Double]

        public init(trait: WeightedTrait, values: [String: Double]) {
            self.trait = trait
            self.values = values
        }
    }

    /// A trait that could not be used, with why.
    public enum Unused: Sendable, Hashable {
        /// Fewer than two municipalities have a value.
        case tooFewValues(Trait)
        /// Every municipality has the same value: it cannot tell them apart.
        case noSpread(Trait)
    }

    public struct Neighbour: Sendable, Hashable {
        public var code: String
        public var distance: Double
        /// Per used trait: the neighbour's z-score minus the municipality's (nil when either lacks the trait).
        public var differences: [Double?]
    }

    /// The traits used, in order, with the mean and standard deviation they were standardised with.
    public private(set) var used: [(trait: WeightedTrait, mean: Double, standardDeviation: Double)] = []
    public private(set) var unused: [Unused] = []
    /// Code → z-score per used trait.
    public private(set) var scores: [String: [Double?]] = [:]

    /// `codes`: the municipalities of the year.
    public init(columns: [Column], codes: [String]) {
        var used: [(WeightedTrait, Double, Double)] = []
        var zColumns: [[String: Double]] = []
        for column in columns where column.trait.weight > 0 {
            let values = codes.compactMap { column.values[$0] }
            guard values.count >= 2 else {
                unused.append(.tooFewValues(column.trait.trait))
                continue
            }
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
            let sd = variance.squareRoot()
            guard sd > 0 else {
                unused.append(.noSpread(column.trait.trait))
                continue
            }
            used.append((column.trait, mean, sd))
            zColumns.append(column.values.mapValues { ($0 - mean) / sd })
        }
        self.used = used.map { (trait: $0.0, mean: $0.1, standardDeviation: $0.2) }
        for code in codes {
            scores[code] = zColumns.map { $0[code] }
        }
    }

    /// The weighted distance between two municipalities; nil when they share no trait.
    public func distance(_ a: String, _ b: String) -> Double? {
        guard let za = scores[a], let zb = scores[b] else { return nil }
        var sum = 0.0
        var shared = 0.0
        var total = 0.0
        for (index, entry) in used.enumerated() {
            total += entry.trait.weight
            guard let x = za[index], let y = zb[index] else { continue }
            sum += entry.trait.weight * (x - y) * (x - y)
            shared += entry.trait.weight
        }
        guard shared > 0 else { return nil }
        return (sum * total / shared).squareRoot()
    }

    /// The `count` municipalities closest to `code` among `candidates` (every other municipality when nil),
    /// closest first; ties by code so the list is the same on every run.
    public func nearest(to code: String, count: Int, among candidates: [String]? = nil) -> [Neighbour] {
        guard let own = scores[code] else { return [] }
        let pool = (candidates ?? Array(scores.keys)).filter { $0 != code }
        let ranked = pool.compactMap { other -> Neighbour? in
            guard let distance = distance(code, other), let theirs = scores[other] else { return nil }
            let differences = zip(theirs, own).map { pair -> Double? in
                guard let x = pair.0, let y = pair.1 else { return nil }
                return x - y
            }
            return Neighbour(code: other, distance: distance, differences: differences)
        }
        return Array(ranked.sorted { ($0.distance, $0.code) < ($1.distance, $1.code) }.prefix(count))
    }
}
