/// Horizontal bars: the chosen municipalities beside the Netherlands and their reference groups, each bar labelled
/// with its value. Horizontal, because municipality and region names are long.
struct BarChart {
    enum Kind {
        case municipality, national, group
    }

    struct Bar {
        var label: String
        var value: Double?
        var kind: Kind
    }

    var bars: [Bar]
    var style: ValueStyle
    var title: String
    /// Written where a bar has no value, e.g. "ontbreekt".
    var missingText: String

    static let width = 680.0
    static let rowHeight = 22.0

    func render() -> String {
        let labelWidth = min(300, (bars.map { SVG.textWidth($0.label) }.max() ?? 60) + 12)
        let values = bars.compactMap(\.value)
        let valueRoom = (values.map { SVG.textWidth(style.value($0)) }.max() ?? 40) + 10
        let hasNegative = values.contains { $0 < 0 }
        let scale = Scale(values: values, including: [0], start: labelWidth + (hasNegative ? valueRoom : 0),
                          end: Self.width - valueRoom)
        let top = 6.0
        var svg = SVG(width: Self.width, height: top + Double(bars.count) * Self.rowHeight + 8, title: title)
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * Self.rowHeight
            svg.text(Self.truncated(bar.label, width: labelWidth - 12), x: labelWidth - 8, y: y + 14, anchor: .end,
                     bold: bar.kind != .group)
            guard let value = bar.value else {
                svg.text(missingText, x: scale(0) + 4, y: y + 14, fill: Palette.axis)
                continue
            }
            let zero = scale(0)
            let end = scale(value)
            let colour = switch bar.kind {
            case .municipality: Palette.chosen
            case .national: Palette.national
            case .group: Palette.group
            }
            svg.rect(x: min(zero, end), y: y + 3, width: abs(end - zero), height: 15, fill: colour)
            let label = style.value(value)
            if value < 0 {
                svg.text(label, x: end - 4, y: y + 14, anchor: .end)
            } else {
                svg.text(label, x: end + 4, y: y + 14)
            }
        }
        svg.line(x1: scale(0), y1: top, x2: scale(0), y2: top + Double(bars.count) * Self.rowHeight, stroke: Palette.axis)
        return svg.render()
    }

    /// Cuts a label to fit, with an ellipsis; the full name stays in the table below the chart.
    static func truncated(_ text: String, width: Double, size: Double = 11) -> String {
        let fits = Int(width / (size * 0.58))
        return text.count <= fits ? text : String(text.prefix(max(1, fits - 1))) + "…"
    }
}
