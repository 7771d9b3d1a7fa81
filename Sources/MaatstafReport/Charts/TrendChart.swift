import MaatstafCore

/// A small chart per municipality: its value in every year in the store beside the Netherlands. All panels of an
/// indicator share one vertical scale, so they can be compared side by side.
struct TrendChart {
    var name: String
    var points: [TrendPoint]
    var code: String
    var scale: (low: Double, high: Double)
    var style: ValueStyle
    var labels: ReportLabels

    static let width = 220.0
    static let height = 150.0

    /// The shared vertical range of an indicator's panels: from 0 (or the lowest value) to a little above the highest.
    static func range(_ points: [TrendPoint]) -> (low: Double, high: Double) {
        let values = points.flatMap { Array($0.values.values) + [$0.national].compactMap { $0 } }
        let low = min(0, values.min() ?? 0)
        let high = max(0, values.max() ?? 1)
        return (low, high == low ? low + 1 : high + (high - low) * 0.2)
    }

    func render() -> String {
        var svg = SVG(width: Self.width, height: Self.height, title: "\(name): \(labels.trend)")
        svg.text(BarChart.truncated(name, width: Self.width - 8, size: 12), x: 4, y: 14, size: 12, bold: true)
        let left = 34.0
        let right = Self.width - 34
        let top = 30.0
        let bottom = Self.height - 26
        let years = points.map(\.year)
        let x = Scale(values: years.map(Double.init), start: left, end: right)
        let y = Scale(values: [scale.low, scale.high], start: bottom, end: top)
        svg.line(x1: left - 10, y1: bottom, x2: right + 10, y2: bottom, stroke: Palette.axis)
        for point in points {
            let label = point.isBudget ? "\(point.year) \(labels.budgetMark)" : String(point.year)
            svg.text(label, x: x(Double(point.year)), y: bottom + 14, anchor: .middle, size: 10, fill: Palette.axis)
        }
        let national = points.compactMap { point in point.national.map { (x(Double(point.year)), y($0), $0, point) } }
        let own = points.compactMap { point in point.values[code].map { (x(Double(point.year)), y($0), $0, point) } }
        // Lines only within a segment: never across a change of definition or of budget/accounts.
        for segment in TrendBreak.segments(of: points) {
            let nationalLine = segment.compactMap { point in point.national.map { (x(Double(point.year)), y($0)) } }
            let ownLine = segment.compactMap { point in point.values[code].map { (x(Double(point.year)), y($0)) } }
            if nationalLine.count > 1 { svg.polyline(nationalLine, stroke: Palette.national, width: 1.5, dashed: true) }
            if ownLine.count > 1 { svg.polyline(ownLine, stroke: Palette.chosen, width: 2.5) }
        }
        for change in TrendBreak.breaks(in: points) {
            let middle = (x(Double(change.from)) + x(Double(change.to))) / 2
            svg.line(x1: middle, y1: top, x2: middle, y2: bottom, stroke: Palette.axis, dashed: true)
        }
        for (px, py, value, point) in national {
            svg.circle(x: px, y: py, radius: 2.5, fill: Palette.national)
            // The label goes on the side away from the municipality's own point, so the two never overlap.
            let ownValue = point.values[code]
            let below = ownValue.map { $0 > value } ?? true
            svg.text(style.value(value), x: px, y: below ? py + 13 : py - 6, anchor: .middle, size: 9, fill: Palette.axis)
        }
        for (px, py, value, point) in own {
            svg.circle(x: px, y: py, radius: 3.5, fill: Palette.chosen)
            let above = point.national.map { value >= $0 } ?? true
            svg.text(
                style.value(value), x: px, y: above ? py - 7 : py + 14, anchor: .middle, size: 10, bold: true,
                fill: Palette.chosen)
        }
        if own.isEmpty {
            svg.text(labels.noValue, x: Self.width / 2, y: (top + bottom) / 2, anchor: .middle, fill: Palette.axis)
        }
        return svg.render(cssClass: "chart small")
    }
}
