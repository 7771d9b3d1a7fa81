import MaatstafCore

/// Every municipality of the year on a map, coloured by its value in five classes (quintiles of the municipalities
/// with a value), missing ones hatched, the chosen ones outlined and labelled. Each municipality carries its name and
/// value as an SVG `<title>`: a tooltip in a browser, text for a screen reader. The shapes come projected to the
/// Dutch grid (RD New) in hectometres (`RDProjection.svgPath`).
struct ChoroplethMap {
    var shapes: MapShapes
    var names: [String: String]
    var values: [String: Double]
    /// Codes without a value, with the words for why.
    var missing: [String: String]
    /// Municipalities without an imported own figure (an indicator over own figures): hatched, counted, not named.
    var withoutOwnFigure = 0
    var chosen: [String]
    var style: ValueStyle
    var labels: ReportLabels
    /// A link per municipality code: each shape becomes a link to it (the dashboard's click to add).
    var link: (@Sendable (String) -> String)?
    var title: String
    /// Width on the page in CSS pixels: 360, or less where the map shares its row with the bars.
    var displayWidth = 360.0

    /// A ratio with a meaning at one value (spending ÷ the fund's allocation, the need index: 1.00): the classes
    /// are fixed around it — below ÷1.25, to ÷1.05, within 5 %, to ×1.25, above — in a diverging palette, so a
    /// colour says "above or below the allocation" rather than "in which fifth".
    var centre: Double?

    /// Colour-blind-safe sequential blues (ColorBrewer "Blues", 5 classes): light is low, dark is high.
    static let colours = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
    /// Colour-blind-safe diverging purple–orange (ColorBrewer "PuOr", 5 classes), white in the middle.
    static let diverging = ["#5e3c99", "#b2abd2", "#f7f7f7", "#fdb863", "#e66101"]

    var palette: [String] { centre == nil ? Self.colours : Self.diverging }

    /// The upper bounds of the first four classes: the 20th, 40th, 60th and 80th percentile of the values; around a
    /// centre, the centre ÷ 1.25, ÷ 1.05, × 1.05 and × 1.25.
    var breaks: [Double] {
        if let centre { return [centre / 1.25, centre / 1.05, centre * 1.05, centre * 1.25] }
        let sorted = values.values.sorted()
        guard !sorted.isEmpty else { return [] }
        return [0.2, 0.4, 0.6, 0.8].map { p in
            let position = p * Double(sorted.count - 1)
            let lower = Int(position)
            let upper = min(lower + 1, sorted.count - 1)
            return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
        }
    }

    /// The class colour of a value, given the breaks (computed once per map: `breaks` sorts the values).
    func colour(_ value: Double, breaks: [Double]) -> String {
        let index = breaks.firstIndex { value <= $0 } ?? 4
        return palette[index]
    }

    func render() -> String {
        guard let box = shapes.bounds else { return "" }
        let breaks = self.breaks
        let margin = 20.0
        let width = box.maxX - box.minX + 2 * margin
        let height = box.maxY - box.minY + 2 * margin
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart map\" role=\"img\" "
        svg += "viewBox=\"\(Int(box.minX - margin)) \(Int(box.minY - margin)) \(Int(width)) \(Int(height))\" "
        svg += "width=\"\(Int(displayWidth))\" height=\"\(Int(displayWidth * height / width))\">"
        svg += "<title>\(HTMLText.escape(title))</title>"
        svg += "<defs><pattern id=\"hatch\" width=\"24\" height=\"24\" patternUnits=\"userSpaceOnUse\" "
        svg += "patternTransform=\"rotate(45)\"><rect width=\"24\" height=\"24\" fill=\"#ffffff\"/>"
        svg += "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"24\" stroke=\"#999999\" stroke-width=\"8\"/></pattern></defs>"
        let chosenCodes = Set(chosen)
        for code in shapes.codes where !chosenCodes.contains(code) {
            svg += shape(code, stroke: "#ffffff", width: 3, breaks: breaks)
        }
        // The chosen on top, outlined, with their names.
        for code in chosen where shapes.paths[code] != nil {
            svg += shape(code, stroke: Palette.highlight, width: 14, breaks: breaks)
        }
        // Labels move down, a line at a time, until they cover no label already placed (neighbours such as Duiven
        // and Westervoort would otherwise print over each other).
        // With many chosen municipalities names would cover the map: then the outlines and tooltips say who is who.
        var placed: [(Double, Double, Double, Double)] = []
        for code in chosen where chosen.count <= 6 {
            guard let (x, centreY) = shapes.centres[code], let name = names[code] else { continue }
            let half = Double(name.count) * 110 * 0.7 / 2
            var y = centreY - 40
            func box(_ baseline: Double) -> (Double, Double, Double, Double) {
                (x - half, baseline - 100, x + half, baseline + 20)
            }
            var tries = 0
            while placed.contains(where: { other in
                let b = box(y)
                return other.0 < b.2 && b.0 < other.2 && other.1 < b.3 && b.1 < other.3
            }), tries < 12 {
                y += 125
                tries += 1
            }
            placed.append(box(y))
            svg += "<text x=\"\(Int(x))\" y=\"\(Int(y))\" text-anchor=\"middle\" font-size=\"110\" font-weight=\"bold\" "
            // A name may lie over a neighbour's shape: it lets clicks through to the shape beneath.
            svg += "fill=\"\(Palette.text)\" stroke=\"#ffffff\" stroke-width=\"24\" paint-order=\"stroke\" "
            svg += "pointer-events=\"none\">"
            svg += HTMLText.escape(name) + "</text>"
        }
        return svg + "</svg>"
    }

    private func shape(_ code: String, stroke: String, width: Int, breaks: [Double]) -> String {
        guard let path = shapes.paths[code] else { return "" }
        let name = names[code] ?? code
        let fill: String
        let tip: String
        if let value = values[code] {
            fill = colour(value, breaks: breaks)
            tip = "\(name): \(style.value(value))"
        } else {
            fill = "url(#hatch)"
            tip = "\(name): \(missing[code] ?? labels.noValue)"
        }
        let drawn =
            "<path d=\"\(path)\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(width)\" stroke-linejoin=\"round\">"
            + "<title>\(HTMLText.escape(tip))</title></path>"
        guard let link else { return drawn }
        return "<a href=\"\(HTMLText.escape(link(code)))\" data-code=\"\(code)\">\(drawn)</a>"
    }

    /// The legend: each class's range, the hatched missing ones by name, the outline.
    func legend() -> [(colour: String?, text: String)] {
        let breaks = self.breaks
        guard let low = values.values.min(), let high = values.values.max(), breaks.count == 4 else { return [] }
        let bounds = [low] + breaks + [high]
        var items: [(String?, String)] = (0..<5).map {
            (Self.colours[$0], "\(style.value(bounds[$0]))–\(style.value(bounds[$0 + 1]))")
        }
        if centre != nil {
            // Fixed classes: each named by its bounds, the outer ones open.
            items = (0..<5).map { index in
                let text =
                    index == 0
                    ? "< \(style.value(breaks[0]))"
                    : index == 4
                        ? "> \(style.value(breaks[3]))" : "\(style.value(breaks[index - 1]))–\(style.value(breaks[index]))"
                return (Self.diverging[index], text)
            }
        }
        if !missing.isEmpty {
            let names = missing.keys.compactMap { self.names[$0] }.sorted()
            items.append(("hatch", labels.mapMissing(names.count) + ": " + names.joined(separator: ", ")))
        }
        if withoutOwnFigure > 0 { items.append(("hatch", labels.mapWithoutOwnFigure(withoutOwnFigure))) }
        return items
    }
}
