import MaatstafCore
import MaatstafModel

/// A small pointer between the lowest and the highest municipality, with the Netherlands as a tick. The track runs
/// from the good end to the bad end of an indicator with a direction, and is grey for one without.
struct Gauge {
    var value: Double?
    var minimum: Double
    var maximum: Double
    var national: Double?
    var direction: Indicator.Direction
    /// Unique within the document: the id of the track's gradient.
    var identifier: String
    var title: String

    static let width = 100.0
    static let height = 22.0

    func render() -> String {
        var svg = SVG(width: Self.width, height: Self.height, title: title)
        let scale = Scale(values: [minimum, maximum], start: 8, end: Self.width - 8)
        let trackY = 15.0
        switch direction {
        case .neither:
            svg.rect(x: 8, y: trackY - 2, width: Self.width - 16, height: 4, fill: Palette.band, stroke: Palette.axis)
        case .lowerIsBetter, .higherIsBetter:
            let (from, to) = direction == .lowerIsBetter ? (Palette.lowEnd, Palette.highEnd) : (Palette.highEnd, Palette.lowEnd)
            svg.raw(
                "<defs><linearGradient id=\"\(identifier)\"><stop offset=\"0\" stop-color=\"\(from)\"/><stop offset=\"1\" stop-color=\"\(to)\"/></linearGradient></defs>"
            )
            svg.rect(x: 8, y: trackY - 2, width: Self.width - 16, height: 4, fill: "url(#\(identifier))")
        }
        if let national {
            svg.line(
                x1: scale(national), y1: trackY - 7, x2: scale(national), y2: trackY + 6, stroke: Palette.national, width: 1.5)
        }
        if let value {
            let x = scale(value)
            svg.polygon([(x - 5, 2), (x + 5, 2), (x, trackY - 1)], fill: Palette.highlight, stroke: Palette.text)
        }
        return svg.render(cssClass: "gauge")
    }
}
