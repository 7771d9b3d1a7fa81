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

    /// An own figure reported as an average (no denominator) for SYNTHETIC municipalities A–D (made-up values).
    static func ownData(values: [String: Double], entered: OwnReference?) -> IndicatorData {
        let indicator = Indicator(
            id: "synthetic.own", title: LocalizedText(nl: "t", en: "t"), unit: LocalizedText(nl: "u", en: "u"),
            numerator: .own(measure: "uren"), denominator: .none, multiplier: 1, direction: .neither,
            notes: LocalizedText(nl: "", en: ""), origin: .file("test"), valueKind: .rate)
        var observations: [String: Observation] = [:]
        for code in ["A", "B", "C", "D", "E"] {
            observations[code] =
                values[code].map { Observation(code: code, numerator: $0, denominator: 1, multiplier: 1) }
                ?? Observation(code: code, missing: .noOwnFigure(measure: "uren", period: "2021JJ00"))
        }
        var data = IndicatorData(
            indicator: indicator, year: 2021, observations: observations, sources: [], notes: [], taakvelden: [])
        data.ownReference = entered
        return data
    }

    @Test("own figures: the Netherlands is the entered figure or none, never the municipalities that imported it")
    func ownNational() {
        let national = ResolvedPeerGroup.national(members: ["A", "B", "C", "D", "E"])
        let alone = GroupSummary(group: national, data: Self.ownData(values: ["A": 2.83], entered: nil))
        #expect(alone.rate == nil)  // was 2.83: A compared with itself
        #expect(alone.basis == .noNationalFigure)
        #expect(alone.distribution == nil && alone.excluded.isEmpty)

        let entered = GroupSummary(
            group: national,
            data: Self.ownData(values: ["A": 2.83, "B": 3.1, "C": 2.2], entered: OwnReference(value: 2.5, source: "test")))
        #expect(entered.rate == 2.5)
        #expect(entered.basis == .entered(source: "test"))
    }

    @Test("own figures: a group is a reference only from three municipalities that shared the figure")
    func ownSharers() {
        let group = ResolvedPeerGroup(group: .userRegion("club"), label: "Club", code: nil, members: ["A", "B", "C", "D"])
        let two = GroupSummary(group: group, data: Self.ownData(values: ["A": 2.83, "B": 3.1], entered: nil))
        #expect(two.rate == nil)
        #expect(two.basis == .tooFewSharers(count: 2))
        #expect(two.distribution == nil)

        let values = ["A": 2.83, "B": 3.1, "C": 2.2]
        let three = GroupSummary(group: group, data: Self.ownData(values: values, entered: nil))
        #expect(three.basis == .sharers(count: 3))
        // A reported average: the group's figure is the mean of the members, each counting once.
        let mean = values.values.reduce(0, +) / Double(values.count)
        #expect(abs(three.rate! - mean) < 1e-12)
        #expect(three.distribution?.count == 3)
        #expect(GroupSummary.minimumSharers == 3)

        // Open data is untouched by the rule: a group of one is still that one's figure.
        let open = GroupSummaryTests.openData()
        let single = GroupSummary(
            group: ResolvedPeerGroup(group: .userRegion("one"), label: "One", code: nil, members: ["A"]), data: open)
        #expect(single.rate == 10 && single.basis == nil)
    }

    static func openData() -> IndicatorData {
        let indicator = Indicator(
            id: "synthetic.open", title: LocalizedText(nl: "t", en: "t"), unit: LocalizedText(nl: "u", en: "u"),
            numerator: .cbs(table: "SYNTHETIC", topics: ["x"]), denominator: .population,
            multiplier: 1000, direction: .neither, notes: LocalizedText(nl: "", en: ""), origin: .file("test"), valueKind: .rate)
        return IndicatorData(
            indicator: indicator, year: 2000,
            observations: ["A": Observation(code: "A", numerator: 10, denominator: 1000, multiplier: 1000)], sources: [],
            notes: [], taakvelden: [])
    }
}
