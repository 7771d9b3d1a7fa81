import MaatstafCore
import MaatstafStore
import MaatstafTestServer
import Testing

@Suite("The stored map shapes, on the Dutch grid (RD New)")
struct MapShapeTests {
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
