import MaatstafCore
import Testing

@Suite("The Dutch grid (RD New)")
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
}
