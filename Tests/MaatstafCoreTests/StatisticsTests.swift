import MaatstafCore
import Testing

@Suite("Statistics")
struct StatisticsTests {
    @Test("quartiles as Excel's QUARTILE.INC: Microsoft's documented example gives Q1 = 3.5")
    func excelQuartile() throws {
        // support.microsoft.com, "QUARTILE.INC function": data 1, 2, 4, 7, 8, 9, 10, 12 → first quartile 3.5.
        let distribution = try #require(Distribution([1, 2, 4, 7, 8, 9, 10, 12]))
        #expect(distribution.q1 == 3.5)
        // By the same definition (position p × (n − 1) between order statistics): median at 3.5 → (7 + 8) / 2;
        // Q3 at 5.25 → 9 + 0.25 × (10 − 9).
        #expect(distribution.median == 7.5)
        #expect(distribution.q3 == 9.25)
        #expect(Distribution([]) == nil)
    }

    @Test("Wilson interval: Newcombe (1998) example 81/263 gives 0.2553–0.3662")
    func wilson() throws {
        // Newcombe RG. Two-sided confidence intervals for the single proportion. Stat Med 1998;17:857–872, Table I.
        let interval = try #require(ProportionInterval(successes: 81, trials: 263))
        #expect((interval.lower * 10_000).rounded() == 2553)
        #expect((interval.upper * 10_000).rounded() == 3662)
        #expect(ProportionInterval(successes: 1, trials: 0) == nil)
        #expect(ProportionInterval(successes: 5, trials: 4) == nil)
        let zero = try #require(ProportionInterval(successes: 0, trials: 40))
        #expect(zero.lower == 0)
        #expect(zero.upper > 0)
    }

    @Test("a zero denominator is a status, not infinity; missing is not zero")
    func observationStatus() {
        let zero = Observation(code: "GM0001", numerator: 10, denominator: 0, multiplier: 1000)
        #expect(zero.status == .zeroDenominator)
        #expect(zero.value == nil)
        let missing = Observation(code: "GM0002", numerator: nil, denominator: 100, multiplier: 1)
        #expect(missing.value == nil)
        #expect(missing.status == .missing(.noData))
        // A negative population (a broken source) gives no rate rather than a negative one.
        let negative = Observation(code: "GM0003", numerator: 389_800, denominator: -1, multiplier: 1)
        #expect(negative.status == .missing(.negativeDenominator))
        #expect(negative.value == nil)
    }

    @Test("a division that is not a finite number is no value: it is left out, not ranked first or drawn as nan")
    func notFinite() {
        // The reproduction of issue #36: 1e300 ÷ 1e-300 overflows to infinity.
        let huge = Observation(code: "GM0004", numerator: 1e300, denominator: 1e-300, multiplier: 1)
        #expect(huge.status == .missing(.notFinite))
        #expect(huge.value == nil && huge.okValue == nil)
        #expect(huge.exclusion == .noValue)
        let zeroOverTiny = Observation(code: "GM0005", numerator: 0, denominator: 1e-300, multiplier: 1000)
        #expect(zeroOverTiny.status == .ok && zeroOverTiny.value == 0)
    }
}
