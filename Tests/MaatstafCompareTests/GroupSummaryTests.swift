import MaatstafCompare
import MaatstafCore
import MaatstafModel
import Testing

/// Synthetic observations (labelled as such: not statistics), to test how missing values and zero denominators
/// are kept out of groups.
@Suite("Group figures with missing values")
struct GroupSummaryTests {
    @Test("missing and zero-denominator members are excluded from rate, mean and count, and listed")
    func exclusion() {
        let indicator = Indicator(
            id: "synthetic.test", title: LocalizedText(nl: "t", en: "t"), unit: LocalizedText(nl: "u", en: "u"),
            numerator: .cbs(table: "SYNTHETIC", topics: ["x"]), denominator: .population,
            multiplier: 1000, direction: .neither, notes: LocalizedText(nl: "", en: ""), origin: .file("test"), valueKind: .rate)
        let observations: [String: Observation] = [
            "A": Observation(code: "A", numerator: 10, denominator: 1000, multiplier: 1000),
            "B": Observation(code: "B", numerator: 30, denominator: 1000, multiplier: 1000),
            "C": Observation(code: "C", missing: .suppressedByCBS(table: "SYNTHETIC")),
            "D": Observation(code: "D", numerator: 5, denominator: 0, multiplier: 1000),
        ]
        let data = IndicatorData(
            indicator: indicator, year: 2000, observations: observations, sources: [], notes: [], taakvelden: [])
        let group = ResolvedPeerGroup(
            group: .userRegion("synthetic"), label: "Synthetic", code: nil, members: ["A", "B", "C", "D"])
        let summary = GroupSummary(group: group, data: data)
        #expect(summary.rate == 20)  // (10 + 30) / (1000 + 1000) × 1000, not (10 + 30 + 0) / 3000
        #expect(summary.distribution?.count == 2)
        #expect(summary.distribution?.mean == 20)
        #expect(summary.missing == ["C", "D"])
        #expect(summary.excluded == [.suppressed: ["C"], .zeroDenominator: ["D"]])

        let empty = GroupSummary(
            group: ResolvedPeerGroup(group: .userRegion("none"), label: "None", code: nil, members: ["C"]), data: data)
        #expect(empty.rate == nil)
        #expect(empty.distribution == nil)
    }

    @Test("a group whose totals overflow has no rate; a member whose rate overflows is left out as no value")
    func notFinite() {
        let indicator = Indicator(
            id: "synthetic.test", title: LocalizedText(nl: "t", en: "t"), unit: LocalizedText(nl: "u", en: "u"),
            numerator: .cbs(table: "SYNTHETIC", topics: ["x"]), denominator: .population,
            multiplier: 1, direction: .neither, notes: LocalizedText(nl: "", en: ""), origin: .file("test"), valueKind: .rate)
        let observations: [String: Observation] = [
            "A": Observation(code: "A", numerator: 1.5e308, denominator: 2, multiplier: 1),
            "B": Observation(code: "B", numerator: 1.5e308, denominator: 2, multiplier: 1),
            "C": Observation(code: "C", numerator: 1e300, denominator: 1e-300, multiplier: 1),
        ]
        let data = IndicatorData(
            indicator: indicator, year: 2000, observations: observations, sources: [], notes: [], taakvelden: [])
        let group = ResolvedPeerGroup(group: .userRegion("synthetic"), label: "Synthetic", code: nil, members: ["A", "B", "C"])
        let summary = GroupSummary(group: group, data: data)
        // A and B each have a finite rate (7.5e307); their summed numerator (3e308) does not fit a Double.
        #expect(observations["A"]?.value == 7.5e307)
        #expect(summary.rate == nil)
        #expect(summary.excluded == [.noValue: ["C"]])
        #expect(summary.distribution?.count == 2)
    }
}
