import MaatstafCore

/// A municipality's trend in one line of the numbers table, for reports of many municipalities.
///
/// Twenty trend panels took half a page per indicator; a line per table row shows the same shape (the municipality
/// solid, the Netherlands dashed with smaller grey points, budgets as open points, no line across a change of definition) on the scale all
/// rows share, so the rows can still be compared. The values themselves are in the chart's title (a tooltip on screen,
/// read out by a screen reader).
struct Sparkline {
    var name: String
    var points: [TrendPoint]
    var code: String
    var scale: (low: Double, high: Double)
    var style: ValueStyle
    var labels: ReportLabels

    static let width = 110.0
    static let height = 14.0

    func render() -> String {
        let years = Set(points.map(\.year)).sorted()
        var svg = SVG(width: Self.width, height: Self.height, title: title)
        let x = Scale(values: years.map(Double.init), start: 5, end: Self.width - 5)
        let y = Scale(values: [scale.low, scale.high], start: Self.height - 2, end: 2)
        let bothKinds = points.contains(where: \.isBudget) && points.contains(where: { !$0.isBudget })
        func position(_ point: TrendPoint) -> Double {
            x(Double(point.year) + (bothKinds ? (point.isBudget ? -0.15 : 0.15) : 0))
        }
        for segment in TrendBreak.segments(of: points) {
            let national = segment.compactMap { point in point.national.map { (position(point), y($0)) } }
            let own = segment.compactMap { point in point.values[code].map { (position(point), y($0)) } }
            if national.count > 1 { svg.polyline(national, stroke: Palette.national, width: 1, dashed: true) }
            if own.count > 1 { svg.polyline(own, stroke: Palette.chosen, width: 1.5) }
        }
        // The national points too: with one year per series (a budget beside accounts) there is no line to show them.
        for point in points {
            guard let value = point.national else { continue }
            svg.circle(
                x: position(point), y: y(value), radius: 1.3, fill: point.isBudget ? "#ffffff" : Palette.national,
                stroke: Palette.national)
        }
        for point in points {
            guard let value = point.values[code] else { continue }
            svg.circle(
                x: position(point), y: y(value), radius: 1.8, fill: point.isBudget ? "#ffffff" : Palette.chosen,
                stroke: Palette.chosen)
        }
        return svg.render(cssClass: "spark")
    }

    /// `Westervoort: 2023 € 120,00 · 2024 B € 130,00 · 2025 B –`, the numbers behind the line.
    var title: String {
        let values = points.map { point in
            "\(point.year)\(point.isBudget ? " B" : "") \(style.value(point.values[code]))"
        }
        return "\(name): " + values.joined(separator: " · ")
    }
}
