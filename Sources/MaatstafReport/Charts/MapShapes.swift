/// A year's municipality shapes with what every map drawn from them needs: the bounding box of all their points and
/// each shape's middle (where a name goes).
///
/// Why prepared once: reading 342 SVG paths' points on every map was most of a dashboard view's time. The dashboard
/// and a report build this once per year of shapes and draw every map from it.
public struct MapShapes: Sendable {
    /// SVG path data per municipality code, in hectometres of the Dutch grid (RD New).
    public let paths: [String: String]
    /// The codes in order: the order shapes are drawn in.
    let codes: [String]
    /// The box around every point of every shape; nil when no path has a point.
    let bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)?
    /// The middle of each shape's points (of its box).
    let centres: [String: (x: Double, y: Double)]

    public init(_ paths: [String: String]) {
        self.paths = paths
        codes = paths.keys.sorted()
        var all: (minX: Double, minY: Double, maxX: Double, maxY: Double)?
        var centres: [String: (x: Double, y: Double)] = [:]
        for (code, path) in paths {
            guard let box = Self.box(path) else { continue }
            centres[code] = ((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2)
            all =
                all.map { (min($0.minX, box.minX), min($0.minY, box.minY), max($0.maxX, box.maxX), max($0.maxY, box.maxY)) }
                ?? box
        }
        bounds = all
        self.centres = centres
    }

    /// The box around one path's points (`M x y L x y … Z`); nil for a path without points.
    static func box(_ path: String) -> (minX: Double, minY: Double, maxX: Double, maxY: Double)? {
        var box: (minX: Double, minY: Double, maxX: Double, maxY: Double)?
        for token in path.split(whereSeparator: { $0 == "M" || $0 == "L" || $0 == "Z" }) {
            let xy = token.split(separator: " ")
            guard xy.count == 2, let x = Double(xy[0]), let y = Double(xy[1]) else { continue }
            box = box.map { (min($0.minX, x), min($0.minY, y), max($0.maxX, x), max($0.maxY, y)) } ?? (x, y, x, y)
        }
        return box
    }
}
