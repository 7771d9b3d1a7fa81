import MaatstafCore

/// A minimal SVG writer: charts are a few rectangles, lines, circles and texts, and writing them by hand keeps the
/// report free of scripts and dependencies. Every text goes through `HTMLText.escape`.
struct SVG {
    let width: Double
    let height: Double
    /// The accessible name of the chart (its `<title>`).
    let title: String
    private(set) var elements: [String] = []

    init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    enum Anchor: String {
        case start, middle, end
    }

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil,
        opacity: Double? = nil
    ) {
        elements.append(
            "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(max(0, height)))\" fill=\"\(fill)\""
                + (stroke.map { " stroke=\"\($0)\"" } ?? "") + (opacity.map { " fill-opacity=\"\(n($0))\"" } ?? "") + "/>")
    }

    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
        dashed: Bool = false
    ) {
        elements.append(
            "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
                + (dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>")
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: String, stroke: String? = nil, opacity: Double? = nil) {
        elements.append(
            "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(radius))\" fill=\"\(fill)\""
                + (stroke.map { " stroke=\"\($0)\"" } ?? "") + (opacity.map { " fill-opacity=\"\(n($0))\"" } ?? "") + "/>")
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dashed: Bool = false) {
        let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        elements.append(
            "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
                + (dashed ? " stroke-dasharray=\"5 3\"" : "") + "/>")
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String, stroke: String? = nil) {
        let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        elements.append("<polygon points=\"\(list)\" fill=\"\(fill)\"" + (stroke.map { " stroke=\"\($0)\"" } ?? "") + "/>")
    }

    mutating func text(
        _ content: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 11,
        bold: Bool = false, fill: String = Palette.text, halo: Bool = false
    ) {
        elements.append(
            "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(fill)\""
                + (bold ? " font-weight=\"bold\"" : "")
                // A white outline under the letters keeps a label readable where a line runs behind it.
                + (halo ? " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"" : "")
                + ">\(HTMLText.escape(content))</text>")
    }

    /// Raw markup made by this writer's callers (gradients); never data.
    mutating func raw(_ markup: String) {
        elements.append(markup)
    }

    func render(cssClass: String = "chart") -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(cssClass)\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\">"
            + "<title>\(HTMLText.escape(title))</title>" + elements.joined() + "</svg>"
    }

    /// Coordinates with at most one decimal: smaller files, no visible difference.
    private func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// The width a label takes in the report's sans-serif font, roughly: enough to keep labels from overlapping.
    static func textWidth(_ text: String, size: Double = 11) -> Double {
        Double(text.count) * size * 0.58
    }
}

/// Colours that stay apart for colour-blind readers (Okabe & Ito); every mark also carries its value or a word.
enum Palette {
    static let text = "#1a1a1a"
    static let chosen = "#0072B2"  // blue: the chosen municipalities
    static let national = "#000000"  // black: the Netherlands
    static let group = "#56B4E9"  // sky blue: other reference groups
    static let highlight = "#D55E00"  // vermillion: chosen municipalities among all
    static let others = "#8c8c8c"  // grey: all other municipalities
    static let band = "#e8e8e8"  // the middle half (Q1–Q3)
    static let axis = "#666666"
    static let good = "#009E73"  // bluish green: target met
    static let amber = "#E69F00"  // orange: within the margin
    static let bad = "#D55E00"  // vermillion: target missed
    /// A part that raises a figure (a waterfall's step up, a measure that adds need) and one that lowers it: orange
    /// and reddish purple, apart from the chosen municipalities' blue.
    static let rise = "#E69F00"
    static let fall = "#CC79A7"
    static let lowEnd = "#0072B2"
    static let highEnd = "#E69F00"
}
