public import Foundation
public import MaatstafCore

/// A CBS/PDOK boundary file (GeoJSON FeatureCollection, WGS84) read into areas: each feature's `statcode` and
/// `statnaam` with its Polygon or MultiPolygon. Anything else is refused with what was found.
public enum GeoJSONAreas {
    public static func read(data: Data, source: String) throws -> [Area] {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            root["type"] as? String == "FeatureCollection", let features = root["features"] as? [[String: Any]]
        else {
            throw SourceError(
                subject: source, line: nil, reason: "is not a GeoJSON FeatureCollection",
                hint: "Use the boundary file as published")
        }
        return try features.enumerated().map { index, feature in
            func fail(_ reason: String) -> SourceError {
                SourceError(subject: source, line: nil, reason: "feature \(index + 1): \(reason)", hint: "Use the boundary file as published")
            }
            guard let properties = feature["properties"] as? [String: Any],
                let code = properties["statcode"] as? String, let name = properties["statnaam"] as? String
            else { throw fail("has no statcode and statnaam") }
            guard let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String,
                let coordinates = geometry["coordinates"]
            else { throw fail("\(code) has no geometry") }
            func ring(_ value: Any) throws -> [GeoPoint] {
                guard let pairs = value as? [[Any]] else { throw fail("\(code) has a ring that is not a list of points") }
                return try pairs.map { pair in
                    guard pair.count >= 2, let longitude = (pair[0] as? NSNumber)?.doubleValue,
                        let latitude = (pair[1] as? NSNumber)?.doubleValue, (-180...180).contains(longitude),
                        (-90...90).contains(latitude)
                    else { throw fail("\(code) has a point that is not longitude, latitude") }
                    return GeoPoint(longitude: longitude, latitude: latitude)
                }
            }
            func polygon(_ value: Any) throws -> [[GeoPoint]] {
                guard let rings = value as? [Any], !rings.isEmpty else { throw fail("\(code) has an empty polygon") }
                return try rings.map(ring)
            }
            switch type {
            case "Polygon": return Area(code: code, name: name, polygons: [try polygon(coordinates)])
            case "MultiPolygon":
                guard let polygons = coordinates as? [Any] else { throw fail("\(code) has no polygons") }
                return Area(code: code, name: name, polygons: try polygons.map(polygon))
            default: throw fail("\(code) is a \(type), not a Polygon or MultiPolygon")
            }
        }
    }
}
