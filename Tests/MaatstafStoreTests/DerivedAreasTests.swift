import Foundation
import MaatstafCore
import MaatstafStore
import MaatstafTestServer
import Testing

/// The jeugdregio of every municipality, derived from boundaries when the snapshot is loaded, against what the data
/// collection's SOURCES.md (section 7) publishes for its own point-in-polygon check: the group sizes of known regions
/// and the region of the seed municipalities.
@Suite("Jeugdregio's derived from the boundary files")
struct DerivedAreasTests {
    @Test("every municipality of 2025 in one of the 42 regions, with the published group sizes and seeds")
    func youthCareRegions() throws {
        let store = try Store(path: try LoadedStore.copy())
        let areas = try store.municipalityAreas().filter { $0.kind == "jeugdregio" }
        #expect(areas.count == 342)
        #expect(Set(areas.map(\.code)) == Set(try store.municipalityYears(year: 2025).map(\.code)))
        #expect(Set(areas.map(\.areaCode)).count == 42)
        #expect(areas.allSatisfy { $0.share >= 0.8 })
        let sizes = Dictionary(grouping: areas, by: \.areaName).mapValues(\.count)
        // SOURCES.md §7: "Fryslân 18, Groningen 10, Drenthe 12, Zeeland 13, Twente 14, Zuidoost-Brabant 21,
        // Zuid-Limburg 16, Noord-Veluwe 7 incl. Zeewolde".
        for (name, size) in [
            ("Friesland (Fryslân)", 18), ("Groningen", 10), ("Drenthe", 12), ("Zeeland", 13), ("Twente", 14),
            ("Zuidoost-Brabant", 21), ("Zuid-Limburg", 16), ("Noord-Veluwe", 7),
        ] {
            #expect(sizes[name] == size, "\(name)")
        }
        let byCode = Dictionary(uniqueKeysWithValues: areas.map { ($0.code, $0.areaCode) })
        // Seeds: Westervoort, Duiven, Zevenaar, Arnhem → JZ28; Steenwijkerland → JZ07; Buren, Neder-Betuwe → JZ30;
        // Montferland → JZ25; Oldenzaal → JZ14; Houten → JZ26; Zeewolde is in Noord-Veluwe.
        for (code, region) in [
            ("GM0293", "JZ28"), ("GM0226", "JZ28"), ("GM0299", "JZ28"), ("GM0202", "JZ28"), ("GM1708", "JZ07"),
            ("GM0214", "JZ30"), ("GM1740", "JZ30"), ("GM1955", "JZ25"), ("GM0173", "JZ14"), ("GM0321", "JZ26"),
        ] {
            #expect(byCode[code] == region, "\(code)")
        }
        #expect(areas.first { $0.code == "GM0050" }?.areaName == "Noord-Veluwe")  // Zeewolde
    }

    @Test("a point in a square, outside it, and in its hole")
    func evenOdd() {
        let square = [(0.0, 0.0), (4, 0), (4, 4), (0, 4), (0, 0)].map { GeoPoint(longitude: $0.0, latitude: $0.1) }
        let hole = [(1.0, 1.0), (1, 3), (3, 3), (3, 1), (1, 1)].map { GeoPoint(longitude: $0.0, latitude: $0.1) }
        let area = Area(code: "A", name: "A", polygons: [[square, hole]])
        #expect(area.contains(GeoPoint(longitude: 0.5, latitude: 0.5)))
        #expect(!area.contains(GeoPoint(longitude: 2, latitude: 2)))
        #expect(!area.contains(GeoPoint(longitude: 5, latitude: 2)))
    }
}
