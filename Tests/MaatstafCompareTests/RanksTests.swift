import MaatstafCore
import Testing

@testable import MaatstafCompare

/// Ranks and percentiles by binary search, checked against the definition counted out by hand: rank 1 is the highest
/// value and ties share the best rank; the percentile counts the lower values and half of the equal ones.
@Suite("Ranks and percentiles")
struct RanksTests {
    static func data(_ values: [Double?]) -> IndicatorData {
        var observations: [String: Observation] = [:]
        for (index, value) in values.enumerated() {
            let code = "GM\(1000 + index)"
            observations[code] =
                value.map { Observation(code: code, numerator: $0 * 10, denominator: 10, multiplier: 1) }
                ?? Observation(code: code, missing: .noData)
        }
        return IndicatorData(
            indicator: InMemoryEngineTests.indicator(["6.711"], zero: .value), year: 2025, observations: observations,
            sources: [], notes: [], taakvelden: [])
    }

    @Test(
        "ties share the best rank; half of the equal values count below; a missing value has no rank",
        arguments: [
            [5, 3, 3, 3, 1, nil, 7, 3, 0, 0] as [Double?],
            [2, 2, 2, 2] as [Double?],
            [1] as [Double?],
            [4, nil, nil, 9, -1, 4, 9] as [Double?],
        ])
    func definition(values: [Double?]) {
        let data = Self.data(values)
        let ranks = Ranks(data: data)
        let present = values.compactMap { $0 }
        #expect(ranks.count == present.count)
        for (index, value) in values.enumerated() {
            let observation = data.observations["GM\(1000 + index)"]!
            guard let value else {
                #expect(ranks.rank(of: observation) == nil)
                continue
            }
            let higher = present.filter { $0 > value }.count
            let equal = present.filter { $0 == value }.count
            let lower = present.filter { $0 < value }.count
            let result = ranks.rank(of: observation)
            #expect(result?.rank == higher + 1)
            #expect(result?.percentile == (Double(lower) + Double(equal) / 2) / Double(present.count) * 100)
        }
    }
}
