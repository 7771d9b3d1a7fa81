import MaatstafCore

/// A horizontal waterfall: the reference's value, each factor's part floating from where the previous one ended, and
/// the municipality's value — the split `maatstaf explain` makes, read top to bottom. Parts that raise the figure are
/// orange, parts that lower it purple; the labels carry the sign, so the chart reads without colour too.
struct WaterfallChart {
    struct Step {
        var label: String
        var value: Double
    }

    /// The reference's label and value, the parts, the municipality's label and value.
    var start: Step
    var parts: [Step]
    var end: Step
    var style: ValueStyle
    var title: String
    var width = 680.0

    let rowHeight = 18.0
    let size = 10.0

    func render() -> String {
        let labels = [start.label, end.label] + parts.map(\.label)
        let labelWidth = min(width * 0.5, (labels.map { SVG.textWidth($0, size: size) }.max() ?? 60) + 12)
        var running = start.value
        var positions: [Double] = [0, start.value]
        for part in parts {
            running += part.value
            positions.append(running)
        }
        positions.append(end.value)
        let texts = [style.value(start.value), style.value(end.value)] + parts.map { style.difference($0.value) }
        let valueRoom = (texts.map { SVG.textWidth($0, size: size) }.max() ?? 40) + 8
        let scale = Scale(values: positions, including: [0], start: labelWidth + 4, end: width - valueRoom)
        let rows = parts.count + 2
        let top = 4.0
        var svg = SVG(width: width, height: top + Double(rows) * rowHeight + 6, title: title)
        func row(_ index: Int, label: String, from: Double, to: Double, fill: String, text: String, bold: Bool) {
            let y = top + Double(index) * rowHeight
            let baseline = y + rowHeight / 2 + size * 0.35
            svg.text(
                BarChart.truncated(label, width: labelWidth - 4, size: size), x: labelWidth - 8, y: baseline, anchor: .end,
                size: size, bold: bold)
            let left = scale(min(from, to))
            let right = scale(max(from, to))
            svg.rect(x: left, y: y + rowHeight * 0.15, width: max(right - left, 1), height: rowHeight * 0.7, fill: fill)
            // Every label right of its bar: a falling step's right end is where the row above ended, so nothing of
            // another row is there, and no label crosses the zero line or the names.
            svg.text(text, x: right + 4, y: baseline, size: size)
        }
        row(0, label: start.label, from: 0, to: start.value, fill: Palette.national, text: texts[0], bold: true)
        var level = start.value
        for (index, part) in parts.enumerated() {
            let next = level + part.value
            // A thin line carries the level from one row to the next.
            let y = top + Double(index + 1) * rowHeight
            svg.line(x1: scale(level), y1: y - rowHeight * 0.15, x2: scale(level), y2: y + rowHeight * 0.15, stroke: Palette.axis)
            row(
                index + 1, label: part.label, from: level, to: next,
                fill: part.value >= 0 ? Palette.rise : Palette.fall, text: texts[index + 2], bold: false)
            level = next
        }
        let y = top + Double(rows - 1) * rowHeight
        svg.line(x1: scale(level), y1: y - rowHeight * 0.15, x2: scale(level), y2: y + rowHeight * 0.15, stroke: Palette.axis)
        row(rows - 1, label: end.label, from: 0, to: end.value, fill: Palette.chosen, text: texts[1], bold: true)
        svg.line(x1: scale(0), y1: top, x2: scale(0), y2: top + Double(rows) * rowHeight, stroke: Palette.axis)
        return svg.render()
    }
}
