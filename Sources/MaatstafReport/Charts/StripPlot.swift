import MaatstafCompare
import MaatstafCore

/// Every municipality as a dot on one axis, the chosen ones highlighted and named, the Netherlands and the middle
/// half (Q1–Q3) marked: a reader sees at once whether a municipality is an outlier.
struct StripPlot {
    struct Marked {
        var name: String
        var value: Double
    }

    var values: [Double]
    var marked: [Marked]
    var national: Double?
    var distribution: Distribution?
    var style: ValueStyle
    var title: String
    var labels: ReportLabels

    static let width = 680.0
    static let margin = 16.0
    static let bandHeight = 56.0
    static let labelRow = 15.0
    /// Above this many chosen municipalities the dots are not named.
    static let maxLabelled = 6

    func render() -> String {
        let scale = Scale(
            values: values + marked.map(\.value) + [national].compactMap { $0 }, start: Self.margin,
            end: Self.width - Self.margin, padding: 0.03)
        // Labels of the chosen municipalities in rows above the dots, each starting at its marker. Placed from the
        // highest value down, a label goes one row above every label it would reach, so no leader line crosses a label.
        // With many chosen (twenty), twenty rows of names would make the plot a page high: their dots stand without
        // names, which the bars and the table beside it give.
        let labelled = marked.count <= Self.maxLabelled
        var placed: [(marked: Marked, row: Int, left: Double, text: String)] = []
        for item in marked.sorted(by: { $0.value > $1.value }) where labelled {
            let text = "\(item.name) \(style.value(item.value))"
            let width = SVG.textWidth(text)
            let left = min(scale(item.value) - 3, Self.width - width)
            let blocking = placed.filter { $0.left <= left + width + 8 && $0.left + SVG.textWidth($0.text) + 8 >= left }
            let row = (blocking.map(\.row).max() ?? -1) + 1
            placed.append((item, row, left, text))
        }
        let rowCount = (placed.map(\.row).max() ?? -1) + 1
        let bandTop = 6 + Double(rowCount) * Self.labelRow + 6
        let bandBottom = bandTop + Self.bandHeight
        let axis = bandBottom + 6
        var svg = SVG(width: Self.width, height: axis + 58, title: title)
        if let distribution {
            svg.rect(
                x: scale(distribution.q1), y: bandTop, width: scale(distribution.q3) - scale(distribution.q1),
                height: Self.bandHeight, fill: Palette.band)
            svg.line(
                x1: scale(distribution.median), y1: bandTop, x2: scale(distribution.median), y2: bandBottom,
                stroke: Palette.axis, width: 1.5)
        }
        // Other municipalities: grey dots, spread vertically by a fixed sequence so the picture is reproducible.
        for (index, value) in values.sorted().enumerated() {
            let jitter = (Double(index) * 0.618_033_988_75).truncatingRemainder(dividingBy: 1)
            svg.circle(
                x: scale(value), y: bandTop + 6 + jitter * (Self.bandHeight - 12), radius: 2.6, fill: Palette.others,
                opacity: 0.55)
        }
        if let national {
            svg.line(
                x1: scale(national), y1: bandTop - 3, x2: scale(national), y2: bandBottom + 3, stroke: Palette.national,
                width: 2, dashed: true)
        }
        let middle = bandTop + Self.bandHeight / 2
        for item in placed {
            let x = scale(item.marked.value)
            let labelY = bandTop - 6 - Double(item.row) * Self.labelRow
            svg.line(x1: x, y1: labelY + 2, x2: x, y2: middle, stroke: Palette.highlight, width: 1)
            svg.circle(x: x, y: middle, radius: 5.5, fill: Palette.highlight, stroke: Palette.text)
            svg.text(item.text, x: item.left, y: labelY, bold: true, halo: true)
        }
        for item in marked where !labelled {
            svg.circle(x: scale(item.value), y: middle, radius: 4.5, fill: Palette.highlight, stroke: Palette.text)
        }
        svg.line(x1: Self.margin, y1: axis, x2: Self.width - Self.margin, y2: axis, stroke: Palette.axis)
        for tick in scale.ticks {
            svg.line(x1: scale(tick), y1: axis, x2: scale(tick), y2: axis + 4, stroke: Palette.axis)
            svg.text(style.axis(tick), x: scale(tick), y: axis + 16, anchor: .middle, size: 10, fill: Palette.axis)
        }
        // The legend says what each mark is, with its value, instead of crowding labels onto the lines.
        var x = Self.margin
        let legendY = axis + 36
        svg.circle(x: x + 5, y: legendY - 4, radius: 5, fill: Palette.highlight, stroke: Palette.text)
        x += 14
        svg.text(labels.chosen, x: x, y: legendY, size: 10)
        x += SVG.textWidth(labels.chosen, size: 10) + 14
        svg.circle(x: x + 3, y: legendY - 4, radius: 2.6, fill: Palette.others)
        x += 10
        let othersText = labels.allMunicipalities(values.count)
        svg.text(othersText, x: x, y: legendY, size: 10)
        x += SVG.textWidth(othersText, size: 10) + 14
        if let national {
            svg.line(x1: x, y1: legendY - 4, x2: x + 16, y2: legendY - 4, stroke: Palette.national, width: 2, dashed: true)
            x += 20
            let text = "\(labels.netherlands) \(style.value(national))"
            svg.text(text, x: x, y: legendY, size: 10)
        }
        if let distribution {
            let second = legendY + 15
            svg.rect(x: Self.margin, y: second - 9, width: 14, height: 10, fill: Palette.band, stroke: Palette.axis)
            let text =
                "\(labels.middleHalf) \(style.value(distribution.q1)) – \(style.value(distribution.q3)); \(labels.median) \(style.value(distribution.median))"
            svg.text(text, x: Self.margin + 20, y: second, size: 10)
        }
        return svg.render()
    }
}
