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
                subject: source, line: nil,
                reason: .en("is not a GeoJSON FeatureCollection", nl: "is geen GeoJSON-FeatureCollection"),
                hint: .en("Use the boundary file as published", nl: "Gebruik het grenzenbestand zoals het gepubliceerd is"))
        }
        return try features.enumerated().map { index, feature in
            func fail(_ reason: LocalizedText) -> SourceError {
                SourceError(
                    subject: source, line: nil,
                    reason: .en("feature \(index + 1): \(reason.en)", nl: "object \(index + 1): \(reason.nl)"),
                    hint: .en(
                        "Use the boundary file as published", nl: "Gebruik het grenzenbestand zoals het gepubliceerd is"))
            }
            guard let properties = feature["properties"] as? [String: Any],
                let code = properties["statcode"] as? String, let name = properties["statnaam"] as? String
            else { throw fail(.en("has no statcode and statnaam", nl: "heeft geen statcode en statnaam")) }
            guard let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String,
                let coordinates = geometry["coordinates"]
            else { throw fail(.en("\(code) has no geometry", nl: "\(code) heeft geen geometrie")) }
            func ring(_ value: Any) throws -> [GeoPoint] {
                guard let pairs = value as? [[Any]] else {
                    throw fail(
                        .en(
                            "\(code) has a ring that is not a list of points",
                            nl: "\(code) heeft een ring die geen lijst punten is"))
                }
                return try pairs.map { pair in
                    guard pair.count >= 2, let longitude = (pair[0] as? NSNumber)?.doubleValue,
                        let latitude = (pair[1] as? NSNumber)?.doubleValue, (-180...180).contains(longitude),
                        (-90...90).contains(latitude)
                    else {
                        throw fail(
                            .en(
                                "\(code) has a point that is not longitude, latitude",
                                nl: "\(code) heeft een punt dat geen lengte- en breedtegraad is"))
                    }
                    return GeoPoint(longitude: longitude, latitude: latitude)
                }
            }
            func polygon(_ value: Any) throws -> [[GeoPoint]] {
                guard let rings = value as? [Any], !rings.isEmpty else {
                    throw fail(.en("\(code) has an empty polygon", nl: "\(code) heeft een lege veelhoek"))
                }
                return try rings.map(ring)
            }
            switch type {
            case "Polygon": return Area(code: code, name: name, polygons: [try polygon(coordinates)])
            case "MultiPolygon":
                guard let polygons = coordinates as? [Any] else {
                    throw fail(.en("\(code) has no polygons", nl: "\(code) heeft geen veelhoeken"))
                }
                return Area(code: code, name: name, polygons: try polygons.map(polygon))
            default:
                throw fail(
                    .en(
                        "\(code) is a \(type), not a Polygon or MultiPolygon",
                        nl: "\(code) is een \(type), geen Polygon of MultiPolygon"))
            }
        }
    }
}
