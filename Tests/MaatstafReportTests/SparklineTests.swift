import Foundation
import MaatstafCore
import MaatstafModel
import Testing

@testable import MaatstafReport

/// The trend line in a row of the numbers table (reports of many municipalities). The embedded data has no series
/// of one kind and one definition longer than one point, so these points are made up for the drawing alone.
@Suite("Trend lines in the numbers table")
struct SparklineTests {
    let indicator = ReportFixtures.catalog.named.first { $0.id == "wmo.huishoudelijke-hulp" }!

    func line(_ points: [TrendPoint], code: String = "GM0293") -> Sparkline {
        Sparkline(
            name: "Westervoort", points: points, code: code, scale: TrendChart.range(points),
            style: ValueStyle(indicator: indicator, locale: .nl), labels: ReportLabels(locale: .nl))
    }

    @Test("a series of accounts under one definition is one line, the Netherlands a dashed one; the values in the title")
    func series() {
        let points = [2021, 2022, 2023].map { year in
            TrendPoint(
                year: year, isBudget: false, national: 100 + Double(year - 2021),
                values: ["GM0293": 120 + Double(year - 2021) * 5],
                taakvelden: ["6.71a"])
        }
        let svg = line(points).render()
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.contains("stroke-dasharray"))
        #expect(svg.contains("<title>Westervoort: 2021 € 120,00 · 2022 € 125,00 · 2023 € 130,00</title>"))
    }

    @Test("no line across a change of definition or from a budget to accounts; a missing year has no point, never 0")
    func breaks() {
        let points = [
            TrendPoint(year: 2023, isBudget: false, national: 100, values: ["GM0293": 120], taakvelden: ["6.71a"]),
            TrendPoint(year: 2025, isBudget: false, national: 105, values: ["GM0293": 125], taakvelden: ["6.711"]),
            TrendPoint(year: 2025, isBudget: true, national: 106, values: [:], taakvelden: ["6.711"]),
        ]
        let svg = line(points).render()
        #expect(!svg.contains("<polyline"))
        // Two own points (the budget year has none) and three national ones.
        #expect(svg.components(separatedBy: "<circle").count - 1 == 5)
        #expect(svg.contains("2025 B –</title>"))
    }
}
