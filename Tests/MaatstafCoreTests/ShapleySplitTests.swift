import MaatstafCore
import Testing

/// The exact split behind `maatstaf explain`, checked against brute force over every order of the factors.
@Suite("Shapley split")
struct ShapleySplitTests {
    /// Every permutation of 0..<n.
    static func orders(_ n: Int) -> [[Int]] {
        guard n > 1 else { return [[0]] }
        return orders(n - 1).flatMap { order in
            (0...order.count).map {
                var o = order
                o.insert(n - 1, at: $0)
                return o
            }
        }
    }

    /// The average over every order of each factor's marginal effect when it changes: Shapley's definition.
    static func bruteForce(_ start: [Double], _ end: [Double], scale: Double) -> [Double] {
        var parts = [Double](repeating: 0, count: start.count)
        let all = orders(start.count)
        for order in all {
            var current = start
            for index in order {
                let before = current.reduce(scale, *)
                current[index] = end[index]
                parts[index] += (current.reduce(scale, *) - before) / Double(all.count)
            }
        }
        return parts
    }

    @Test(
        "parts equal brute force over every order and sum to the difference, with zeros and negative values",
        arguments: [
            ([1.0, 2.0], [1.5, 1.0], 1.0),
            ([0.54, 1.09, 427.69], [0.64, 0.78, 427.69], 1.0),
            ([8689, 87.93], [8398, 88.71], 0.001),
            ([2.0, -3.0, 0.0, 5.0], [1.0, 4.0, 2.5, -1.0], 2.0),
            ([1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1], 0.5),
        ])
    func exact(start: [Double], end: [Double], scale: Double) {
        let parts = ShapleySplit.parts(start: start, end: end, scale: scale)
        let expected = Self.bruteForce(start, end, scale: scale)
        for (part, brute) in zip(parts, expected) { #expect(abs(part - brute) <= 1e-9 * max(1, abs(brute))) }
        let difference = end.reduce(scale, *) - start.reduce(scale, *)
        #expect(abs(parts.reduce(0, +) - difference) <= 1e-9 * max(1, abs(difference)))
        // The order the factors are listed in does not change a factor's part.
        let reversed = ShapleySplit.parts(start: start.reversed(), end: end.reversed(), scale: scale)
        for (part, other) in zip(parts, reversed.reversed()) { #expect(abs(part - other) <= 1e-9 * max(1, abs(part))) }
    }

    @Test("rounded parts add up to the rounded total, to the cent")
    func rounding() {
        // Three parts of a third of a cent each: rounded alone they would sum to 0.00, not 0.01.
        let parts = [0.00334, 0.00333, 0.00333]
        let rounded = ShapleySplit.rounded(parts, total: 0.01)
        #expect(abs(rounded.reduce(0, +) - 0.01) < 1e-12)
        let negative = ShapleySplit.rounded([-0.005, -0.005, 10.004], total: 9.994)
        #expect(abs(negative.reduce(0, +) - 9.99) < 1e-12)
        let whole = ShapleySplit.rounded([1_000.4, 2_000.4, -0.4], total: 3_000.4, decimals: 0)
        #expect(whole.reduce(0, +) == 3_000)
    }
}
