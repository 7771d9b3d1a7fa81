/// A point in longitude and latitude (WGS84 degrees).
public struct GeoPoint: Sendable, Hashable {
    public var longitude: Double
    public var latitude: Double

    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}

/// An area with a code and a name (a municipality, a youth-care region) and its boundary: polygons of rings.
public struct Area: Sendable {
    public var code: String
    public var name: String
    /// Polygons, each a list of closed rings (the first the outside, the others holes; the orientation does not
    /// matter to `contains`).
    public var polygons: [[[GeoPoint]]]
    public let minimum: GeoPoint
    public let maximum: GeoPoint

    public init(code: String, name: String, polygons: [[[GeoPoint]]]) {
        self.code = code
        self.name = name
        self.polygons = polygons
        let points = polygons.flatMap { $0.flatMap { $0 } }
        minimum = GeoPoint(
            longitude: points.map(\.longitude).min() ?? 0, latitude: points.map(\.latitude).min() ?? 0)
        maximum = GeoPoint(
            longitude: points.map(\.longitude).max() ?? 0, latitude: points.map(\.latitude).max() ?? 0)
    }

    /// Whether the point lies inside, by the even-odd rule over every ring of a polygon: a ray from the point
    /// crosses the boundary an odd number of times. Holes come out right whatever way the rings run.
    public func contains(_ point: GeoPoint) -> Bool {
        guard point.longitude >= minimum.longitude, point.longitude <= maximum.longitude,
            point.latitude >= minimum.latitude, point.latitude <= maximum.latitude
        else { return false }
        for polygon in polygons {
            var inside = false
            for ring in polygon where ring.count >= 3 {
                var previous = ring[ring.count - 1]
                for current in ring {
                    if (current.latitude > point.latitude) != (previous.latitude > point.latitude) {
                        let crossing =
                            (previous.longitude - current.longitude) * (point.latitude - current.latitude)
                            / (previous.latitude - current.latitude) + current.longitude
                        if point.longitude < crossing { inside.toggle() }
                    }
                    previous = current
                }
            }
            if inside { return true }
        }
        return false
    }
}
