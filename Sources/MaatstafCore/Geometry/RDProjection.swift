/// Longitude and latitude to the Dutch national grid, RD New (Rijksdriehoeksmeting, EPSG:28992), by the published
/// polynomial approximation (Schreutelkamp & Strang van Hees, 2001) — accurate to about a metre within the
/// Netherlands for Bessel coordinates, within about a hundred metres for WGS84 ones: far below a pixel on a map of
/// the country, so maps of municipalities come out as CBS draws them, without a projection library.
public enum RDProjection {
    /// Amersfoort, the grid's origin: (155 000, 463 000) m.
    static let latitude0 = 52.15517440
    static let longitude0 = 5.38720621

    private static let r: [(p: Int, q: Int, c: Double)] = [
        (0, 1, 190094.945), (1, 1, -11832.228), (2, 1, -114.221), (0, 3, -32.391), (1, 0, -0.705),
        (3, 1, -2.340), (1, 3, -0.608), (0, 2, -0.008), (2, 3, 0.148),
    ]
    private static let s: [(p: Int, q: Int, c: Double)] = [
        (1, 0, 309056.544), (0, 2, 3638.893), (2, 0, 73.077), (1, 2, -157.984), (3, 0, 59.788), (0, 1, 0.433),
        (2, 2, -6.439), (1, 1, -0.032), (0, 4, 0.092), (1, 4, -0.054),
    ]

    /// (x, y) in metres: x eastwards, y northwards.
    public static func project(_ point: GeoPoint) -> (x: Double, y: Double) {
        let dPhi = 0.36 * (point.latitude - latitude0)
        let dLambda = 0.36 * (point.longitude - longitude0)
        func power(_ value: Double, _ n: Int) -> Double { n == 0 ? 1 : (1...n).reduce(1) { product, _ in product * value } }
        let x = r.reduce(155000.0) { $0 + $1.c * power(dPhi, $1.p) * power(dLambda, $1.q) }
        let y = s.reduce(463000.0) { $0 + $1.c * power(dPhi, $1.p) * power(dLambda, $1.q) }
        return (x, y)
    }

    /// An area as an SVG path in hectometres of the grid, north up: `M x y L … Z` per ring, y measured down from
    /// 620 km north (above the Netherlands). Consecutive points that fall on the same hectometre are dropped.
    public static func svgPath(_ area: Area) -> String {
        var parts: [String] = []
        for polygon in area.polygons {
            for ring in polygon {
                var previous: (Int, Int)?
                var points: [String] = []
                for point in ring {
                    let (x, y) = project(point)
                    let cell = (Int((x / 100).rounded()), Int(((620000 - y) / 100).rounded()))
                    if let previous, previous == cell { continue }
                    previous = cell
                    points.append("\(cell.0) \(cell.1)")
                }
                guard points.count >= 3 else { continue }
                parts.append("M" + points.joined(separator: "L") + "Z")
            }
        }
        return parts.joined()
    }
}
