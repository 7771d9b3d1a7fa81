/// What an indicator counts, as a product of powers of the quantities it divides: `iv3 netto 6.71… ÷ population`
/// is `{iv3…: 1, population: -1}`. A decomposition's factors must multiply to their indicator in these terms (the
/// "units" check): euros per client × clients per inhabitant is euros per inhabitant only when *client* means the
/// same count in both, the same table, topics and codes.
public struct QuantityDimension: Sendable, Hashable {
    public private(set) var powers: [String: Int]

    public init(_ powers: [String: Int] = [:]) {
        self.powers = powers.filter { $0.value != 0 }
    }

    public static func * (left: QuantityDimension, right: QuantityDimension) -> QuantityDimension {
        QuantityDimension(left.powers.merging(right.powers, uniquingKeysWith: +))
    }

    public static func / (left: QuantityDimension, right: QuantityDimension) -> QuantityDimension {
        QuantityDimension(left.powers.merging(right.powers.mapValues { -$0 }, uniquingKeysWith: +))
    }

    /// `iv3 netto [6.6, 6.71] · population⁻¹`, for a message.
    public var description: String {
        guard !powers.isEmpty else { return "1" }
        return powers.sorted { $0.key < $1.key }.map { $0.value == 1 ? $0.key : "\($0.key)^\($0.value)" }
            .joined(separator: " · ")
    }
}

extension Indicator {
    /// The indicator's numerator over its denominator as a `QuantityDimension`. The fund's need is the allocation
    /// counted in inhabitants, so it is a population.
    public var dimension: QuantityDimension {
        var top = Self.dimension(of: numerator)
        // Spending with a share of the overhead is another amount than the same lines without it.
        if overhead != nil {
            top = QuantityDimension(Dictionary(uniqueKeysWithValues: top.powers.map { ($0.key + " + overhead", $0.value) }))
        }
        return top / Self.dimension(of: denominator)
    }

    static func dimension(of quantity: Quantity) -> QuantityDimension {
        switch quantity {
        case .iv3(let measure, let layouts):
            let lines = layouts.sorted { $0.fromYear < $1.fromYear }
                .map { "\($0.fromYear): \($0.taakvelden.joined(separator: ", "))" }.joined(separator: "; ")
            return QuantityDimension(["iv3 \(measure.rawValue) [\(lines)]": 1])
        case .cbs(let table, let topics, let selection):
            return QuantityDimension([Self.cbsKey(table: table, topics: topics, selection: selection): 1])
        case .own(let measure): return QuantityDimension(["own \(measure)": 1])
        case .fund(let cluster): return QuantityDimension(["fund \(cluster)": 1])
        case .fundNeed: return QuantityDimension(["population": 1])
        }
    }

    static func dimension(of denominator: Denominator) -> QuantityDimension {
        switch denominator {
        case .population: QuantityDimension(["population": 1])
        case .cbs(let table, let topics, let selection):
            QuantityDimension([Self.cbsKey(table: table, topics: topics, selection: selection): 1])
        case .own(let measure): QuantityDimension(["own \(measure)": 1])
        case .fund(let cluster): QuantityDimension(["fund \(cluster)": 1])
        case .none: QuantityDimension()
        }
    }

    private static func cbsKey(table: String, topics: [String], selection: [String: [String]]) -> String {
        let codes = selection.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.sorted().joined(separator: "+"))" }
        return "cbs \(table.lowercased()) \(topics.sorted().joined(separator: "+"))"
            + (codes.isEmpty ? "" : " (\(codes.joined(separator: ", ")))")
    }
}
