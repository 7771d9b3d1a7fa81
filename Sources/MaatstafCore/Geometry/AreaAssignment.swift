/// Which larger area each smaller area lies in, found from boundaries alone: used where the snapshot has a region's
/// boundary but not its membership list (the youth-care regions of 2024).
///
/// Each small area is sampled with a grid over its bounding box; the grid points inside it are looked up in the
/// larger areas, and the one holding most of them wins. Simplified boundaries of two sources do not match exactly
/// along their edges, so a share rather than every point is asked for.
public enum AreaAssignment {
    public struct Assignment: Sendable, Hashable {
        public var code: String
        public var region: String
        /// The share of the sample points inside `region` (0–1).
        public var share: Double
    }

    public enum Problem: Sendable, Hashable {
        /// No sample point of the area lies in any region.
        case outside(code: String)
        /// No region holds at least the required share of the area's points.
        case ambiguous(code: String, best: String, share: Double)
    }

    /// Assignments of every area, or the problems found. `grid` × `grid` points per area; `threshold` the share the
    /// winning region must hold.
    public static func assign(_ areas: [Area], to regions: [Area], grid: Int = 12, threshold: Double = 0.8)
        -> (assignments: [Assignment], problems: [Problem])
    {
        var assignments: [Assignment] = []
        var problems: [Problem] = []
        for area in areas {
            var points: [GeoPoint] = []
            for i in 0..<grid {
                for j in 0..<grid {
                    let point = GeoPoint(
                        longitude: area.minimum.longitude
                            + (area.maximum.longitude - area.minimum.longitude) * (Double(i) + 0.5) / Double(grid),
                        latitude: area.minimum.latitude
                            + (area.maximum.latitude - area.minimum.latitude) * (Double(j) + 0.5) / Double(grid))
                    if area.contains(point) { points.append(point) }
                }
            }
            if points.isEmpty {
                points.append(
                    GeoPoint(
                        longitude: (area.minimum.longitude + area.maximum.longitude) / 2,
                        latitude: (area.minimum.latitude + area.maximum.latitude) / 2))
            }
            var counts: [String: Int] = [:]
            for point in points {
                if let region = regions.first(where: { $0.contains(point) }) { counts[region.code, default: 0] += 1 }
            }
            guard let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else {
                problems.append(.outside(code: area.code))
                continue
            }
            let share = Double(best.value) / Double(points.count)
            if share < threshold {
                problems.append(.ambiguous(code: area.code, best: best.key, share: share))
            } else {
                assignments.append(Assignment(code: area.code, region: best.key, share: share))
            }
        }
        return (assignments, problems)
    }
}
