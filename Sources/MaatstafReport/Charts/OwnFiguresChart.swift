import Foundation
import MaatstafCore

/// A municipality's own figures over time, period by period (each month of a monthly monitor), with its target band
/// (the bound in green, the margin beyond it in amber, over the periods of the target's year), the national figure
/// entered in the file, and the latest value coloured by where it stands against its target.
struct OwnFiguresChart {
    var name: String
    var points: [OwnPoint]
    var targets: [Target]
    /// The status of the latest value against the target that applies; nil without one.
    var latestStatus: TargetStatus?
    var reference: OwnReference?
    var style: ValueStyle
    var labels: ReportLabels

    static let width = 640.0
    static let height = 190.0

    func render() -> String {
        var svg = SVG(width: Self.width, height: Self.height, title: "\(name): \(labels.ownFiguresHeading)")
        svg.text(name, x: 4, y: 14, size: 12, bold: true)
        let left = 56.0
        let right = Self.width - 24
        let top = 28.0
        let bottom = Self.height - 30
        let values =
            points.map(\.value) + targets.flatMap { [$0.value, $0.value + ($0.bound == .atMost ? 1 : -1) * $0.margin] }
            + [reference?.value].compactMap { $0 }
        let y = Scale(values: values, start: bottom, end: top, padding: 0.1)
        let step = points.count > 1 ? (right - left) / Double(points.count - 1) : 0
        func x(_ index: Int) -> Double { points.count > 1 ? left + Double(index) * step : (left + right) / 2 }
        svg.line(x1: left - 8, y1: bottom, x2: right + 8, y2: bottom, stroke: Palette.axis)
        for value in [y.low, y.high] {
            svg.text(style.axis(value), x: left - 10, y: y(value) + 3, anchor: .end, size: 9, fill: Palette.axis)
        }
        // Period labels: at most about twelve, always the first and the last.
        let every = max(1, Int((Double(points.count) / 12).rounded(.up)))
        for (index, point) in points.enumerated() where index % every == 0 || index == points.count - 1 {
            svg.text(labels.period(point.period), x: x(index), y: bottom + 14, anchor: .middle, size: 9, fill: Palette.axis)
        }
        // The target band over the periods of its year (at the right edge for a year beyond the figures).
        for target in targets {
            let indices = points.indices.filter { points[$0].period.year == target.year }
            let from = indices.first.map { x($0) - step / 2 } ?? right - 12
            let to = indices.last.map { x($0) + step / 2 } ?? right + 8
            let beyond = target.value + (target.bound == .atMost ? 1 : -1) * target.margin
            svg.rect(
                x: max(left - 8, from), y: min(y(target.value), y(beyond)), width: min(right + 8, to) - max(left - 8, from),
                height: abs(y(target.value) - y(beyond)), fill: Palette.amber, opacity: 0.25)
            svg.line(
                x1: max(left - 8, from), y1: y(target.value), x2: min(right + 8, to), y2: y(target.value), stroke: Palette.good,
                width: 2)
            // A change on a base year says so: "≤ 85,29 (2021: −3,0% t.o.v. 2019)".
            svg.text(
                "\(target.bound == .atMost ? "≤" : "≥") \(style.value(target.value)) (\(target.year)\(labels.changeOnBase(target)))",
                x: min(right + 8, to), y: y(target.value) - 4, anchor: .end, size: 9, fill: Palette.good)
        }
        if let reference {
            svg.line(
                x1: left - 8, y1: y(reference.value), x2: right + 8, y2: y(reference.value), stroke: Palette.national,
                dashed: true)
            svg.text(
                "\(labels.netherlands) \(style.value(reference.value))", x: left - 6, y: y(reference.value) - 4, size: 9,
                fill: Palette.national)
        }
        if points.count > 1 {
            svg.polyline(points.indices.map { (x($0), y(points[$0].value)) }, stroke: Palette.chosen, width: 2)
        }
        for (index, point) in points.enumerated() {
            let isLatest = index == points.count - 1
            let fill: String
            switch (isLatest, latestStatus) {
            case (true, .met): fill = Palette.good
            case (true, .withinMargin): fill = Palette.amber
            case (true, .missed): fill = Palette.bad
            default: fill = Palette.chosen
            }
            svg.circle(
                x: x(index), y: y(point.value), radius: isLatest ? 5 : 3, fill: fill, stroke: isLatest ? Palette.text : nil)
            if isLatest || points.count <= 6 {
                svg.text(
                    style.value(point.value), x: x(index), y: y(point.value) - 8, anchor: .middle, size: 9, bold: isLatest,
                    fill: Palette.chosen)
            }
        }
        return svg.render(cssClass: "chart")
    }
}
