import MaatstafCore
import MaatstafStore
import MaatstafTestServer
import Testing

@Suite("The Dutch grid (RD New) and the stored map shapes")
struct RDProjectionTests {
    @Test("the origin and the Westertoren, the worked example of Schreutelkamp & Strang van Hees (2001)")
    func knownPoints() {
        let origin = RDProjection.project(GeoPoint(longitude: 5.38720621, latitude: 52.15517440))
        #expect(abs(origin.x - 155000) < 0.001 && abs(origin.y - 463000) < 0.001)
        // Their example: φ 52°22'28.3171" … as decimal degrees 52.37453253, 4.88352559 → (120700.723, 487525.501).
        let tower = RDProjection.project(GeoPoint(longitude: 4.88352559, latitude: 52.37453253))
        #expect(abs(tower.x - 120700.723) < 0.01)
        #expect(abs(tower.y - 487525.501) < 0.01)
    }

    @Test("every municipality of 2023 and 2025 has a map shape inside the Netherlands' grid box")
    func shapes() throws {
        let store = try Store(path: try LoadedStore.copy())
        let shapes = try store.municipalityShapes()
        #expect(Set(shapes.keys) == [2023, 2025])
        #expect(Set(shapes[2025]!.keys) == Set(try store.municipalityYears(year: 2025).map(\.code)))
        #expect(Set(shapes[2023]!.keys) == Set(try store.municipalityYears(year: 2023).map(\.code)))
        // RD x runs from about 0 to 300 km, y from 300 to 620 km: in hectometres, y measured down from 620 km.
        for path in shapes[2025]!.values {
            for token in path.split(whereSeparator: { "MLZ".contains($0) }) {
                let xy = token.split(separator: " ").compactMap { Int($0) }
                #expect(xy.count == 2 && (0...3000).contains(xy[0]) && (0...3300).contains(xy[1]), "\(token)")
            }
        }
    }
}
