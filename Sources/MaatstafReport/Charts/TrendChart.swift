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
    /// The municipality's targets with a number: drawn as a dotted green path of ticks, so a reader sees the figure
    /// heading for them (or not).
    var targets: [Target] = []

    static let width = 220.0
    static let height = 150.0

    /// The shared vertical range of an indicator's panels: from 0 (or the lowest value) to a little above the highest.
    static func range(_ points: [TrendPoint], targets: [Target] = []) -> (low: Double, high: Double) {
        let values = points.flatMap { Array($0.values.values) + [$0.national].compactMap { $0 } } + targets.map(\.value)
        let low = min(0, values.min() ?? 0)
        let high = max(0, values.max() ?? 1)
        return (low, high == low ? low + 1 : high + (high - low) * 0.2)
    }

    /// Whether the panel has budgets and accounts: then they stand side by side, and labels make room.
    var bothKinds: Bool { points.contains(where: \.isBudget) && points.contains(where: { !$0.isBudget }) }

    /// Where a point sits: at its year, budgets a little left and accounts a little right when a year has both.
    func position(_ point: TrendPoint, _ x: Scale, bothKinds: Bool) -> Double {
        x(Double(point.year) + (bothKinds ? (point.isBudget ? -0.18 : 0.18) : 0))
    }

    func render() -> String {
        var svg = SVG(width: Self.width, height: Self.height, title: "\(name): \(labels.trend)")
        svg.text(BarChart.truncated(name, width: Self.width - 8, size: 12), x: 4, y: 14, size: 12, bold: true)
        let bothKinds = self.bothKinds
        // Two series side by side need room for a label beside the outermost points.
        let left = bothKinds ? 60.0 : 40.0
        let right = Self.width - left
        let top = 30.0
        let bottom = Self.height - 26
        let baseYears = targets.compactMap { target -> Int? in
            if case .change(_, let from) = target.relative { return from } else { return nil }
        }
        let years = Set(points.map(\.year) + targets.map(\.year) + baseYears).sorted()
        let x = Scale(values: years.map(Double.init), start: left, end: right)
        let y = Scale(values: [scale.low, scale.high], start: bottom, end: top)
        svg.line(x1: left - 16, y1: bottom, x2: right + 16, y2: bottom, stroke: Palette.axis)
        for year in years {
            svg.text(String(year), x: x(Double(year)), y: bottom + 14, anchor: .middle, size: 10, fill: Palette.axis)
        }
        // Lines only within a series and a definition: never from a budget to accounts, never across the layout change.
        for segment in TrendBreak.segments(of: points) {
            let nationalLine = segment.compactMap { point in
                point.national.map { (position(point, x, bothKinds: bothKinds), y($0)) }
            }
            let ownLine = segment.compactMap { point in
                point.values[code].map { (position(point, x, bothKinds: bothKinds), y($0)) }
            }
            if nationalLine.count > 1 { svg.polyline(nationalLine, stroke: Palette.national, width: 1.5, dashed: true) }
            if ownLine.count > 1 { svg.polyline(ownLine, stroke: Palette.chosen, width: 2.5) }
        }
        for year in Set(TrendBreak.breaks(in: points).map { Double($0.from + $0.to) / 2 }).sorted() {
            svg.line(x1: x(year), y1: top, x2: x(year), y2: bottom, stroke: Palette.axis, dashed: true)
        }
        for point in points {
            guard let value = point.national else { continue }
            let px = position(point, x, bothKinds: bothKinds)
            let py = y(value)
            svg.circle(x: px, y: py, radius: 2.5, fill: point.isBudget ? "#ffffff" : Palette.national, stroke: Palette.national)
            // With two series side by side there is no room for every label: the table under the panels has them.
            if !bothKinds {
                let below = point.values[code].map { $0 > value } ?? true
                svg.text(style.value(value), x: px, y: below ? py + 13 : py - 6, anchor: .middle, size: 9, fill: Palette.axis)
            }
        }
        var drawn = 0
        // Labels already placed (left, top, right, bottom), so a label that would cover another goes below its point.
        var placed: [(Double, Double, Double, Double)] = []
        for point in points {
            guard let value = point.values[code] else { continue }
            drawn += 1
            let px = position(point, x, bothKinds: bothKinds)
            let py = y(value)
            svg.circle(x: px, y: py, radius: 3.5, fill: point.isBudget ? "#ffffff" : Palette.chosen, stroke: Palette.chosen)
            if bothKinds {
                // Side by side: above the point, a budget's label reaching left and the accounts' reaching right; below
                // the point when that would cover a label already drawn.
                let text = style.value(value)
                let width = SVG.textWidth(text, size: 9) * 1.15
                let anchorX = point.isBudget ? px + 3 : px - 3
                let left = point.isBudget ? anchorX - width : anchorX
                func box(_ baseline: Double) -> (Double, Double, Double, Double) {
                    (left, baseline - 9, left + width, baseline + 2)
                }
                func clashes(_ b: (Double, Double, Double, Double)) -> Bool {
                    placed.contains { $0.0 < b.2 && b.0 < $0.2 && $0.1 < b.3 && b.1 < $0.3 }
                }
                var baseline = py - 7
                if clashes(box(baseline)) { baseline = py + 15 }
                placed.append(box(baseline))
                svg.text(
                    text, x: anchorX, y: baseline, anchor: point.isBudget ? .end : .start, size: 9, bold: true,
                    fill: Palette.chosen)
            } else {
                let above = point.national.map { value >= $0 } ?? true
                svg.text(
                    style.value(value), x: px, y: above ? py - 7 : py + 14, anchor: .middle, size: 10, bold: true,
                    fill: Palette.chosen)
            }
        }
        // The target path: a tick at each target, joined by a dotted line.
        let ticks = targets.sorted { $0.year < $1.year }.map { (x(Double($0.year)), y($0.value), $0) }
        if ticks.count > 1 { svg.polyline(ticks.map { ($0.0, $0.1) }, stroke: Palette.good, width: 1.2, dashed: true) }
        for (px, py, target) in ticks {
            // A change on a base year: a dotted line from the base year's value the target is reckoned from.
            if case .change(let percent, let from) = target.relative, percent > -100 {
                let base = target.value / (1 + percent / 100)
                svg.line(x1: x(Double(from)), y1: y(base), x2: px, y2: py, stroke: Palette.good, width: 1.2, dashed: true)
            }
            svg.line(x1: px - 7, y1: py, x2: px + 7, y2: py, stroke: Palette.good, width: 2.5)
            svg.text(
                (target.bound == .atMost ? "≤ " : "≥ ") + style.value(target.value), x: px, y: py + 12, anchor: .middle,
                size: 9, fill: Palette.good)
        }
        if drawn == 0 {
            svg.text(labels.noValue, x: Self.width / 2, y: (top + bottom) / 2, anchor: .middle, fill: Palette.axis)
        }
        return svg.render(cssClass: "chart small")
    }
}
