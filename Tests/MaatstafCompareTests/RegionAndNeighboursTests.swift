import Foundation
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import Testing

/// The region view's and the neighbours' arithmetic on SYNTHETIC values made up for these tests (the in-memory
/// municipalities of `InMemoryEngineTests`); expected values are computed here.
@Suite("Region view and nearest neighbours, in memory")
struct RegionAndNeighboursTests {
    let engine = ComparisonEngine(source: InMemoryEngineTests.Source(), atlas: InMemoryEngineTests.atlas, regions: nil)

    @Test("a member with zero is counted with 0, one without a delivery is left out of every sum")
    func zeroAndMissing() throws {
        let c = try InMemoryEngineTests.atlas.directory.resolve("Gemeente C")
        let breakdown = try engine.regionBreakdown(
            InMemoryEngineTests.indicator(["6.711"], zero: .value), year: 2025, region: .builtIn(.province), anchor: c)
        #expect(breakdown.members.map(\.municipality.code) == ["C", "D", "E"])
        #expect(breakdown.counted.map(\.municipality.code) == ["C", "D"])
        #expect(breakdown.total == 2_600_000)
        #expect(breakdown.totalPopulation == 20_000 + 40_000)
        #expect(breakdown.members[1].amountShare == 0)
        #expect(breakdown.members[2].amountShare == nil)
        let population = try #require(breakdown.keys.first { $0.kind == .population })
        let expected: [Double] = [2_600_000.0 * 20_000 / 60_000, 2_600_000.0 * 40_000 / 60_000]
        let amounts = population.shares.map(\.amount)
        #expect(amounts == expected)
        #expect(breakdown.rate(.region) == 2_600_000.0 / 60_000)
        #expect(breakdown.notes.contains(.missingIsNotZero))
    }

    @Test("no member with a value: no total, no shares, no keys, no what-if — nothing divided by zero, nothing as 0")
    func nothingCounted() throws {
        let a = try InMemoryEngineTests.atlas.directory.resolve("Gemeente A")
        // 6.713 is not in the document, so no member has a value on it.
        let breakdown = try engine.regionBreakdown(
            InMemoryEngineTests.indicator(["6.713"], zero: .value), year: 2025, region: .builtIn(.province), anchor: a)
        #expect(breakdown.counted.isEmpty)
        #expect(breakdown.total == nil)
        #expect(breakdown.totalPopulation == 0)
        #expect(breakdown.members.allSatisfy { $0.amountShare == nil && $0.populationShare == nil })
        #expect(breakdown.keys.isEmpty)
        #expect(breakdown.scenarios.isEmpty)
        #expect(breakdown.rates.isEmpty)
    }

    @Test("z-scores, weighted distance, and a missing trait scaled up by total ÷ shared weight")
    func distances() {
        let population = NearestNeighbours.Column(
            trait: WeightedTrait(.population), values: ["A": 1, "B": 2, "C": 3, "D": 6])
        let density = NearestNeighbours.Column(trait: WeightedTrait(.density, weight: 2), values: ["A": 10, "B": 10, "C": 20])
        let flat = NearestNeighbours.Column(trait: WeightedTrait(.urbanity), values: ["A": 3, "B": 3, "C": 3, "D": 3])
        let model = NearestNeighbours(columns: [population, density, flat], codes: ["A", "B", "C", "D"])
        #expect(model.unused == [.noSpread(.urbanity)])
        func z(_ values: [Double], _ x: Double) -> Double {
            let mean = values.reduce(0, +) / Double(values.count)
            let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
            return (x - mean) / sd
        }
        let p = [1.0, 2, 3, 6]
        let d = [10.0, 10, 20]
        let populationPart: Double = pow(z(p, 1) - z(p, 2), 2)
        let densityPart: Double = 2 * pow(z(d, 10) - z(d, 10), 2)
        let ab = (populationPart + densityPart).squareRoot()
        #expect(abs(model.distance("A", "B")! - ab) < 1e-12)
        // D has no density: only population is shared (weight 1 of 3), scaled by 3 ÷ 1.
        let shared: Double = pow(z(p, 1) - z(p, 6), 2)
        let ad = (shared * 3).squareRoot()
        #expect(abs(model.distance("A", "D")! - ad) < 1e-12)
        let nearest = model.nearest(to: "A", count: 2)
        #expect(nearest.map(\.code) == ["B", "C"])
        #expect(nearest[0].differences[1] == 0)
        let alone = NearestNeighbours(
            columns: [NearestNeighbours.Column(trait: WeightedTrait(.density), values: ["A": 1])], codes: ["A", "B"])
        #expect(alone.unused == [.tooFewValues(.density)])
    }
}
