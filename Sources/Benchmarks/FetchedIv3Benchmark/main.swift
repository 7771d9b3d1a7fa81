// Fetched-Iv3 benchmark (issue 15): is a warm compare over an Iv3 year read from a fetched CBS table as fast as over
// the embedded snapshot? Builds, in memory, a CBS third-party Iv3 table of the 2023 accounts in the shape
// docs/iv3-from-cbs.md describes (from the real snapshot CSV; categories split as the tests do), times reading it
// into Iv3 documents and storing them, then times every built-in Iv3 indicator for every municipality against every
// built-in group, once reading the snapshot's copy and once the fetched copy. The two must give the same checksum.
// Run by hand through scripts/bench-fetched-iv3.
import Foundation
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafSources
import MaatstafStore

let arguments = CommandLine.arguments
guard arguments.count == 4, let runs = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: maatstaf-bench-fetched-iv3 STORE.sqlite SNAPSHOT_DIR RUNS\n".utf8))
    exit(64)
}
let snapshot = URL(fileURLWithPath: arguments[2])
let store = try Store(path: arguments[1])
try SnapshotLoader(folder: snapshot).loadIfNeeded(into: store)

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

// The 2023 accounts as a dataderden table: one row per municipality, taakveld and category.
let file = try Iv3SpendingFile(
    data: try Data(contentsOf: snapshot.appendingPathComponent("iv3/2023_jaarrekening.csv")), source: "2023")
let codes = Dictionary(try store.municipalityNames().map { ($0.name, $0.code) }, uniquingKeysWith: { a, _ in a })
let properties = [
    CBSDataProperty(
        id: 0, parentID: nil, kind: .dimension, key: "TaakveldBalanspost", title: "Taakveld", unit: nil, decimals: nil,
        datatype: nil),
    CBSDataProperty(
        id: 1, parentID: nil, kind: .dimension, key: "Categorie", title: "Categorie", unit: nil, decimals: nil, datatype: nil),
    CBSDataProperty(
        id: 2, parentID: nil, kind: .geoDimension, key: "Gemeenten", title: "Gemeenten", unit: nil, decimals: nil, datatype: nil),
    CBSDataProperty(
        id: 3, parentID: nil, kind: .dimension, key: "Verslagsoort", title: "Verslagsoort", unit: nil, decimals: nil,
        datatype: nil),
    CBSDataProperty(
        id: 4, parentID: nil, kind: .topic, key: "k_2ePlaatsing_2", title: "2e plaatsing", unit: "x 1 000 euro", decimals: 0,
        datatype: nil),
]
var set = CBSDataSet(
    table: CBSTableInfo(
        identifier: "BENCH2023", title: "Iv3 2023 accounts (benchmark)", shortTitle: nil, period: "2023", modified: nil,
        recordCount: nil),
    properties: properties, responses: [])
var columns: [[String]] = [[], [], [], []]
var amounts: [CBSValue] = []
for row in file.rows where row.name != Iv3SpendingFile.nationalName {
    guard let code = codes[row.name] else { continue }
    let salaries = row.salaries ?? 0
    for (category, value) in [("L1.1", salaries), ("L3.8", (row.lasten ?? 0) - salaries), ("B3.8", row.baten ?? 0)] {
        columns[0].append(row.taakveld)
        columns[1].append(category)
        columns[2].append(code)
        columns[3].append("2023X005")
        amounts.append(.number(Double(value)))
    }
}
set.append(codes: columns, values: [amounts])

var lists: [Int: Set<String>] = [:]
for year in try store.iv3DefinitionYears() { lists[year] = Set(try store.iv3Definitions(year: year).map(\.taakveld)) }
let known = Set(try store.municipalities().map(\.code))
var iv3: Iv3ThirdPartyTable?
let readTime = try seconds { iv3 = try Iv3ThirdPartyTable(set, codeList: { lists[$0] }, municipalities: known) }
let storeTime = try seconds { _ = try store.replaceCBSTable(set, catalog: "dataderden", iv3: iv3) }

let atlas = try MunicipalityAtlas(store: store)
let catalog = try IndicatorCatalog(store: store)
let everyone = try atlas.profiles(year: 2023).values.map(\.municipality).sorted { $0.code < $1.code }
let groups = PeerGroupKind.allCases.map { PeerGroup.builtIn($0) }

/// Every built-in Iv3 indicator for 2023 (accounts), all municipalities, all built-in groups; a checksum of the results.
func compareAll(_ source: Iv3SourcePreference) throws -> Double {
    let engine = ComparisonEngine(source: store, atlas: atlas, regions: nil, iv3Source: source)
    var checksum = 0.0
    for indicator in catalog.indicators {
        guard case .iv3 = indicator.numerator, indicator.iv3Layout(for: 2023) != nil else { continue }
        let comparison = try engine.compare(indicator, year: 2023, kind: .jaarrekening, municipalities: everyone, against: groups)
        guard comparison.data.sources.first?.table.contains("BENCH2023") == (source == .fetched) else {
            FileHandle.standardError.write(Data("\(indicator.id): read the wrong copy\n".utf8))
            exit(70)
        }
        for municipality in comparison.municipalities {
            checksum += (municipality.observation.value ?? 0) + Double(municipality.rank ?? 0)
            for reference in municipality.references { checksum += (reference.summary.rate ?? 0) + (reference.gap ?? 0) }
        }
    }
    return checksum
}

var best: [Iv3SourcePreference: Double] = [:]
var sums: [Iv3SourcePreference: Double] = [:]
_ = try compareAll(.snapshot)  // warm: the first run pays for page cache and lazy setup
for _ in 0..<runs {
    for source in [Iv3SourcePreference.snapshot, .fetched] {
        var sum = 0.0
        let time = try seconds { sum = try compareAll(source) }
        best[source] = min(best[source] ?? .infinity, time)
        sums[source] = sum
    }
}
guard sums[.snapshot] == sums[.fetched] else {
    print("MISMATCH: snapshot \(sums[.snapshot]!) fetched \(sums[.fetched]!)")
    exit(70)
}
print(
    String(
        format: "read the fetched table into Iv3 documents: %.3f s; store them: %.3f s (%d rows)", readTime, storeTime,
        set.rowCount))
print(
    String(
        format:
            "compare every Iv3 indicator, 2023 accounts: snapshot %.3f s, fetched %.3f s (best of %d) — fetched/snapshot %.2f×",
        best[.snapshot]!, best[.fetched]!, runs, best[.fetched]! / best[.snapshot]!))
print(String(format: "results equal (checksum %.4f)", sums[.fetched]!))
