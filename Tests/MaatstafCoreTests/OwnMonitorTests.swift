import MaatstafCore
import Testing

/// A monitor's rhythm on SYNTHETIC monthly and quarterly counts (made up for the rules, not statistics); every expected
/// figure is worked out here from the counts, the way a policy officer would in a spreadsheet.
@Suite("Own figures: the monitor's rhythm")
struct OwnMonitorTests {
    /// Applications per month: 10 + month + 2 × (year − 2019), January 2019 to `through` (a month of 2021).
    static func counts(through: Int, skipping: Set<String> = []) -> [(period: Period, value: Double)] {
        var series: [(period: Period, value: Double)] = []
        for year in 2019...2021 {
            for month in 1...12 where year < 2021 || month <= through {
                guard !skipping.contains("\(year)-\(month)") else { continue }
                series.append((Period(year: year, kind: .month, number: month)!, Double(10 + month + 2 * (year - 2019))))
            }
        }
        return series
    }

    static func count(_ year: Int, _ month: Int) -> Double { Double(10 + month + 2 * (year - 2019)) }

    @Test("a flow: previous month, a year earlier, year to date, the rolling twelve months, a projection by pattern")
    func flow() throws {
        let monitor = try #require(OwnMonitor(series: Self.counts(through: 4), accumulation: .flow))
        #expect(monitor.latest.period.code == "2021MM04" && monitor.latest.value == Self.count(2021, 4))
        #expect(monitor.previous?.period.code == "2021MM03" && monitor.previous?.value == Self.count(2021, 3))
        #expect(monitor.yearEarlier?.period.code == "2020MM04" && monitor.yearEarlier?.value == Self.count(2020, 4))
        let ytd = Self.count(2021, 1) + Self.count(2021, 2) + Self.count(2021, 3) + Self.count(2021, 4)
        #expect(monitor.yearToDate == ytd)
        #expect(monitor.yearToDateEarlier == [1, 2, 3, 4].map { Self.count(2020, $0) }.reduce(0, +))
        let rolling = (5...12).map { Self.count(2020, $0) }.reduce(0, +) + ytd
        #expect(monitor.rolling == rolling)
        // 2019 and 2020 are complete: the share of their year reached by April, averaged.
        let share2019 = (1...4).map { Self.count(2019, $0) }.reduce(0, +) / (1...12).map { Self.count(2019, $0) }.reduce(0, +)
        let share2020 = (1...4).map { Self.count(2020, $0) }.reduce(0, +) / (1...12).map { Self.count(2020, $0) }.reduce(0, +)
        guard case .pattern(let value, let years, let share) = monitor.projection else {
            Issue.record("expected a projection by pattern, got \(String(describing: monitor.projection))")
            return
        }
        #expect(years == [2019, 2020])
        #expect(abs(share - (share2019 + share2020) / 2) < 1e-12)
        #expect(abs(value - ytd / ((share2019 + share2020) / 2)) < 1e-9)
    }

    @Test("January's previous monitor is December; fewer than two complete years project the pace so far")
    func linear() throws {
        // Only 2020 and 2021: one complete earlier year is no pattern.
        let series = Self.counts(through: 1).filter { $0.period.year >= 2020 }
        let monitor = try #require(OwnMonitor(series: series, accumulation: .flow))
        #expect(monitor.previous?.period.code == "2020MM12")
        #expect(monitor.projection == .linear(value: Self.count(2021, 1) * 12, elapsed: 1, perYear: 12))
    }

    @Test("a missing month is never 0: the year to date, rolling year and projection have no value and name it")
    func missingMonth() throws {
        let monitor = try #require(OwnMonitor(series: Self.counts(through: 4, skipping: ["2021-2"]), accumulation: .flow))
        let february = Period(year: 2021, kind: .month, number: 2)!
        #expect(monitor.yearToDate == nil && monitor.yearToDateGap == .missing([february]))
        #expect(monitor.rolling == nil && monitor.rollingGap == .missing([february]))
        #expect(monitor.projection == nil && monitor.projectionGap == .missing([february]))
        #expect(monitor.previous != nil)  // March is there
    }

    @Test("a stock: the year so far is the latest value, the rolling year a mean, and there is no year's total")
    func stock() throws {
        let quarters: [(period: Period, value: Double)] = [
            (2020, 1, 100.0), (2020, 2, 104), (2020, 3, 98), (2020, 4, 110),
            (2021, 1, 120),
        ].map { (Period(year: $0.0, kind: .quarter, number: $0.1)!, $0.2) }
        let monitor = try #require(OwnMonitor(series: quarters, accumulation: .stock))
        #expect(monitor.yearToDate == 120 && monitor.yearToDateEarlier == 100)
        let mean: Double = (104 + 98 + 110 + 120) / 4
        #expect(monitor.rolling.map { abs($0 - mean) < 1e-12 } == true, "\(String(describing: monitor.rolling))")
        #expect(monitor.projection == nil && monitor.projectionGap == .stockHasNoTotal)
        let undeclared = try #require(OwnMonitor(series: quarters, accumulation: nil))
        #expect(undeclared.yearToDate == nil && undeclared.yearToDateGap == .accumulationNotDeclared)
        #expect(undeclared.previous?.value == 110)
        #expect(OwnMonitor(series: [(Period(year: 2021, kind: .year, number: 0)!, 1)], accumulation: .flow) == nil)
        // Each year's February alone is a yearly count taken in February, not a monitor.
        let februaries = [2019, 2020, 2021].map { (period: Period(year: $0, kind: .month, number: 2)!, value: 1.0) }
        #expect(OwnMonitor(series: februaries, accumulation: .stock) == nil)
    }
}
