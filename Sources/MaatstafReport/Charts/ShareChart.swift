import MaatstafCore

/// Stacked bars of shares: one bar per measure (share of the amount, of the population, of the use), each split into
/// the region's members in the same order and colour, so a member that pays more than its share of the population
/// shows as a longer segment in the first bar than in the second. Members without a value are not in the bars and
/// are named under them.
struct ShareChart {
    struct Row {
        var label: String
        /// Per member, in the order of `members`: its share (0–1), nil when not counted.
        var shares: [Double?]
    }

    var members: [String]
    var rows: [Row]
    var title: String
    var format: NumberFormat

    static let width = 680.0
    /// Colour-blind-safe colours (Okabe–Ito), then the same again lighter for regions of more than seven members.
    static let colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]

    static func colour(_ index: Int) -> (String, Double) {
        (colours[index % colours.count], index < colours.count ? 1 : 0.55)
    }

    func render() -> String {
        let size = 11.0
        // Labels are bold: a fifth wider than the estimate for regular text.
        let labelWidth = (rows.map { SVG.textWidth($0.label, size: size) * 1.2 }.max() ?? 80) + 14
        let barHeight = 24.0
        let legendRows = (members.count + 2) / 3
        let top = 6.0
        let height = top + Double(rows.count) * (barHeight + 10) + 8 + Double(legendRows) * 18
        var svg = SVG(width: Self.width, height: height, title: title)
        let start = labelWidth
        let length = Self.width - labelWidth - 8
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * (barHeight + 10)
            svg.text(row.label, x: labelWidth - 8, y: y + barHeight / 2 + size * 0.35, anchor: .end, size: size, bold: true)
            var x = start
            for (member, share) in row.shares.enumerated() {
                guard let share, share > 0 else { continue }
                let width = share * length
                let (colour, opacity) = Self.colour(member)
                svg.rect(x: x, y: y, width: width, height: barHeight, fill: colour, stroke: "#ffffff", opacity: opacity)
                let text = format.number(share * 100, decimals: 0) + "%"
                if width > SVG.textWidth(text, size: 9.5) + 6 {
                    svg.text(text, x: x + width / 2, y: y + barHeight / 2 + 3.3, anchor: .middle, size: 9.5)
                }
                x += width
            }
        }
        let legendTop = top + Double(rows.count) * (barHeight + 10) + 4
        for (index, name) in members.enumerated() {
            let column = Double(index % 3)
            let line = Double(index / 3)
            let x = 8 + column * (Self.width / 3)
            let y = legendTop + line * 18
            let (colour, opacity) = Self.colour(index)
            svg.rect(x: x, y: y, width: 12, height: 12, fill: colour, opacity: opacity)
            svg.text(name, x: x + 17, y: y + 10, size: size)
        }
        return svg.render()
    }
}
