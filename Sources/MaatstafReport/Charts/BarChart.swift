import MaatstafCore

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

    /// The full text width; a narrower chart (many municipalities) shares its row with the map.
    var width = 680.0
    /// Rows shrink when there are many (twenty municipalities and their groups), so the chart, the strip plot under
    /// it and the start of the numbers table share one A4 page and an indicator fits on two.
    var rowHeight: Double { min(22, max(12, 420 / Double(max(1, bars.count)))) }
    var fontSize: Double { rowHeight < 18 ? 9.5 : 11 }

    func render() -> String {
        let size = fontSize
        // Up to nearly half the width for names: in the narrow chart beside the map, a COROP's name and kind need it.
        let labelWidth = min(width * 0.46, (bars.map { SVG.textWidth($0.label, size: size) }.max() ?? 60) + 12)
        let values = bars.compactMap(\.value)
        let valueRoom = (values.map { SVG.textWidth(style.value($0), size: size) }.max() ?? 40) + 10
        let hasNegative = values.contains { $0 < 0 }
        let scale = Scale(
            values: values, including: [0], start: labelWidth + (hasNegative ? valueRoom : 0),
            end: width - valueRoom)
        let top = 6.0
        var svg = SVG(width: width, height: top + Double(bars.count) * rowHeight + 8, title: title)
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * rowHeight
            let baseline = y + rowHeight / 2 + size * 0.35
            svg.text(
                Self.truncated(bar.label, width: labelWidth - 12, size: size), x: labelWidth - 8, y: baseline,
                anchor: .end, size: size, bold: bar.kind != .group)
            guard let value = bar.value else {
                svg.text(missingText, x: scale(0) + 4, y: baseline, size: size, fill: Palette.axis)
                continue
            }
            let zero = scale(0)
            let end = scale(value)
            let colour =
                switch bar.kind {
                case .municipality: Palette.chosen
                case .national: Palette.national
                case .group: Palette.group
                }
            svg.rect(x: min(zero, end), y: y + rowHeight * 0.15, width: abs(end - zero), height: rowHeight * 0.7, fill: colour)
            let label = style.value(value)
            if value < 0 {
                svg.text(label, x: end - 4, y: baseline, anchor: .end, size: size)
            } else {
                svg.text(label, x: end + 4, y: baseline, size: size)
            }
        }
        svg.line(x1: scale(0), y1: top, x2: scale(0), y2: top + Double(bars.count) * rowHeight, stroke: Palette.axis)
        return svg.render()
    }

    /// Highest value first, bars without a value last; equal values keep their order.
    static func ranked(_ bars: [Bar]) -> [Bar] {
        bars.enumerated().sorted { left, right in
            switch (left.element.value, right.element.value) {
            case (let a?, let b?): a != b ? a > b : left.offset < right.offset
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): left.offset < right.offset
            }
        }.map(\.element)
    }

    /// Cuts a label to fit, with an ellipsis; the full name stays in the table below the chart. The same estimate of
    /// a character's width as `SVG.textWidth`, so a label the chart made room for is never cut (a rounding error
    /// cut "Zuidwest-Gelderland (COROP)" by one letter).
    static func truncated(_ text: String, width: Double, size: Double = 11) -> String {
        let fits = Int((width / (size * 0.58) + 1e-9).rounded(.down))
        return text.count <= fits ? text : String(text.prefix(max(1, fits - 1))) + "…"
    }
}
