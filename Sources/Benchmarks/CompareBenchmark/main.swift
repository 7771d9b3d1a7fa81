// Compare benchmark (issue 5): every built-in Iv3 indicator (named and generic) for every municipality against
// six reference groups (national, province, COROP, labour-market region, size class, urbanity) and each user region
// for its members, for every year in the store.
// Run by hand through scripts/bench-compare, which times this whole process next to the same computation in polars,
// DuckDB and pandas. Prints a checksum over all results so that they can be checked to compute the same numbers.
import Foundation
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafStore

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: maatstaf-bench-compare STORE.sqlite SNAPSHOT_DIR REGIONS_DIR\n".utf8))
    exit(64)
}
let store = try Store(path: arguments[1])
try SnapshotLoader(folder: URL(fileURLWithPath: arguments[2])).loadIfNeeded(into: store)
let atlas = try MunicipalityAtlas(store: store)
let regions = try UserRegionCatalog(folder: URL(fileURLWithPath: arguments[3]), directory: atlas.directory)
let engine = ComparisonEngine(source: store, atlas: atlas, regions: regions)
let catalog = try IndicatorCatalog(store: store)
let iv3Years = Set(try store.iv3Documents().map(\.year)).sorted()
// The six groups the raw files give (the jeugdregio is derived from boundaries when the snapshot loads, which the
// peers reading the CSV files cannot do).
let builtIn = PeerGroupKind.allCases.filter { $0 != .youthCareRegion }.map { PeerGroup.builtIn($0) }
var byYear: [Int: [Municipality]] = [:]
for year in iv3Years {
    byYear[year] = try atlas.profiles(year: year).values.map(\.municipality).sorted { $0.code < $1.code }
}
let everyone = byYear

/// Sums every result into one number, so two implementations can be checked against each other.
struct Tally {
    var checksum = 0.0
    var references = 0

    /// `withOwnFigures`: count the municipalities' own value, rank, percentile and z (once per indicator-year).
    mutating func add(_ comparison: Comparison, withOwnFigures: Bool = true) {
        for municipality in comparison.municipalities {
            if withOwnFigures {
                checksum +=
                    (municipality.observation.value ?? 0) + Double(municipality.rank ?? 0)
                    + (municipality.percentile ?? 0) + (municipality.z ?? 0)
            }
            for reference in municipality.references {
                let distribution = reference.summary.distribution
                checksum +=
                    (reference.summary.rate ?? 0) + (distribution?.mean ?? 0) + (distribution?.median ?? 0)
                    + (distribution?.q1 ?? 0) + (distribution?.q3 ?? 0) + (reference.gap ?? 0)
                references += 1
            }
        }
    }
}

// Every indicator-year is computed on its own, on every core, as `export-all` does (ConcurrentMap); the tallies are
// added in the items' order, so the checksum does not depend on the cores.
var items: [(indicator: Indicator, year: Int)] = []
for indicator in catalog.indicators {
    // Iv3 spending per inhabitant, as the peers compute it (scripts/bench/compare_peers.py): the fund's ratios and
    // the overhead variants need the fund's files.
    guard case .iv3 = indicator.numerator, indicator.denominator == .population, indicator.overhead == nil else { continue }
    for year in iv3Years where indicator.iv3Layout(for: year) != nil { items.append((indicator, year)) }
}
let tallies = try ConcurrentMap.map(items) { item -> Tally in
    var tally = Tally()
    let data = try engine.data(item.indicator, year: item.year)
    tally.add(try engine.compare(data, municipalities: everyone[item.year] ?? [], against: builtIn))
    for region in regions.regions where region.isValid(in: item.year) {
        let members = region.members.compactMap { atlas.directory.byCode[$0] }
        tally.add(
            try engine.compare(data, municipalities: members, against: [.userRegion(region.id)]),
            withOwnFigures: false)
    }
    return tally
}
var tally = Tally()
for part in tallies {
    tally.checksum += part.checksum
    tally.references += part.references
}
let indicatorYears = items.count
print("indicator-years \(indicatorYears), references \(tally.references), checksum \(String(format: "%.4f", tally.checksum))")
