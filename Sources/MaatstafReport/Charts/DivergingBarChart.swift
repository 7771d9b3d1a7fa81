import MaatstafCore

/// Bars left and right of zero, one per item, each labelled with its signed value: the measures that make a
/// municipality's need per inhabitant higher (right, orange) or lower (left, purple) than the reference's.
struct DivergingBarChart {
    struct Bar {
        var label: String
        var value: Double
    }

    var bars: [Bar]
    var style: ValueStyle
    var title: String
    var width = 680.0

    let rowHeight = 16.0
    let size = 9.5

    func render() -> String {
        let labelWidth = min(width * 0.5, (bars.map { SVG.textWidth($0.label, size: size) }.max() ?? 60) + 12)
        let valueRoom = (bars.map { SVG.textWidth(style.difference($0.value), size: size) }.max() ?? 40) + 8
        let scale = Scale(
            values: bars.map(\.value), including: [0], start: labelWidth + valueRoom, end: width - valueRoom)
        let top = 4.0
        var svg = SVG(width: width, height: top + Double(bars.count) * rowHeight + 6, title: title)
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * rowHeight
            let baseline = y + rowHeight / 2 + size * 0.35
            svg.text(
                BarChart.truncated(bar.label, width: labelWidth - 4, size: size), x: labelWidth - 8, y: baseline,
                anchor: .end, size: size)
            let zero = scale(0)
            let end = scale(bar.value)
            svg.rect(
                x: min(zero, end), y: y + rowHeight * 0.15, width: max(abs(end - zero), 1), height: rowHeight * 0.7,
                fill: bar.value >= 0 ? Palette.rise : Palette.fall)
            let text = style.difference(bar.value)
            if bar.value < 0 {
                svg.text(text, x: end - 4, y: baseline, anchor: .end, size: size)
            } else {
                svg.text(text, x: end + 4, y: baseline, size: size)
            }
        }
        svg.line(x1: scale(0), y1: top, x2: scale(0), y2: top + Double(bars.count) * rowHeight, stroke: Palette.axis)
        return svg.render()
    }
}
