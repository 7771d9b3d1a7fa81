import Foundation
import MaatstafCore
import MaatstafTestServer
import Testing

@testable import MaatstafSources

/// The readers of outside input, fed damaged input on purpose: seeded mutations (flipped, dropped, repeated and
/// inserted bytes, cut-off ends) of real fixtures, and a corpus of inputs that once broke or were made to break
/// them (Fixtures/fuzz-corpus). Every input must give a value or the reader's own error: never a crash, never
/// another kind of error. The mutations are synthetic, for fault tests only.
@Suite("Damaged input for every reader")
struct InputFuzzTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// SplitMix64: deterministic, so a failing case can be replayed from its seed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
    }

    /// One to four edits of `data`.
    static func mutate(_ data: Data, seed: UInt64) -> Data {
        var random = Generator(state: seed)
        var bytes = [UInt8](data)
        for _ in 0...random.below(4) where !bytes.isEmpty {
            let at = random.below(bytes.count)
            switch random.below(6) {
            case 0: bytes[at] ^= UInt8(1 << random.below(8))
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(16)))
            case 2:
                bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 1 + random.below(32))], at: random.below(bytes.count))
            case 3: bytes.insert(Array(#"{}[]",:.-e019"\ "#.utf8)[random.below(16)], at: at)
            case 4: bytes.removeSubrange(at...)
            default: bytes[at] = UInt8(random.below(256))
            }
        }
        return Data(bytes)
    }

    /// A small valid page: the first 40 rows of the real 80137ned TypedDataSet (Bron: CBS).
    static let page: Data = {
        let whole =
            try! JSONSerialization.jsonObject(
                with: Data(contentsOf: fixtures.appendingPathComponent("cbs-odata-v3/80137ned_TypedDataSet.json")))
            as! [String: Any]
        return try! JSONSerialization.data(withJSONObject: ["value": Array((whole["value"] as! [[String: Any]]).prefix(40))])
    }()
    static let pageKeys = (
        dimensions: ["Persoonskenmerken", "BedrijfstakkenSBI93", "Perioden"],
        topics: ["Totaal_1", "Werknemers_2", "Zelfstandigen_3"]
    )

    static func scanPage(_ data: Data) throws {
        _ = try ODataPageScanner.scan(data, dimensionKeys: pageKeys.dimensions, topicKeys: pageKeys.topics)
    }

    /// The first lines of an embedded snapshot file (real CBS data).
    static func head(_ path: String, lines: Int) throws -> Data {
        let text = String(decoding: try RepositoryFixtures.snapshotFile(path), as: UTF8.self)
        return Data(text.split(separator: "\n", omittingEmptySubsequences: false).prefix(lines).joined(separator: "\n").utf8)
    }

    /// Runs `read`; only `allowed` errors may come out.
    static func expectOnly<E: Error>(_ allowed: E.Type, _ what: String, _ read: () throws -> Void) {
        do { try read() } catch is E {} catch { Issue.record("\(what): \(type(of: error)) \(error)") }
    }

    @Test("the OData page scanner: 3,000 mutations of a real page")
    func pageScanner() {
        for seed in 0..<3_000 as Range<UInt64> {
            Self.expectOnly(ODataPageScanner.Malformed.self, "page seed \(seed)") {
                try Self.scanPage(Self.mutate(Self.page, seed: seed))
            }
        }
    }

    @Test("CBS metadata and code lists: 1,000 mutations each of real responses")
    func metadata() throws {
        let files = ["80137ned_TableInfos.json", "80137ned_DataProperties.json", "80137ned_Perioden.json"]
        let bodies = try files.map { try Data(contentsOf: Self.fixtures.appendingPathComponent("cbs-odata-v3/\($0)")) }
        for seed in 0..<1_000 as Range<UInt64> {
            Self.expectOnly(SourceError.self, "TableInfos seed \(seed)") {
                _ = try CBSResponseParser.tableInfo(Self.mutate(bodies[0], seed: seed), url: "u")
            }
            Self.expectOnly(SourceError.self, "DataProperties seed \(seed)") {
                _ = try CBSResponseParser.dataProperties(Self.mutate(bodies[1], seed: seed), url: "u")
            }
            Self.expectOnly(SourceError.self, "codes seed \(seed)") {
                _ = try CBSResponseParser.codes(Self.mutate(bodies[2], seed: seed), url: "u")
            }
        }
    }

    @Test("the Iv3 and class files: 1,500 mutations each of the real files' first lines")
    func files() throws {
        let iv3 = try Self.head("iv3/2023_jaarrekening.csv", lines: 60)
        let classes = try Self.head("classes/gemeenteklassen_2023.tsv", lines: 30)
        let regions = try Self.head("regions/municipalities.csv", lines: 30)
        for seed in 0..<1_500 as Range<UInt64> {
            Self.expectOnly(SourceError.self, "Iv3 seed \(seed)") {
                _ = try Iv3SpendingFile(data: Self.mutate(iv3, seed: seed), source: "f")
            }
            Self.expectOnly(SourceError.self, "classes seed \(seed)") {
                _ = try MunicipalityClassesFile(data: Self.mutate(classes, seed: seed), source: "f")
            }
            Self.expectOnly(SourceError.self, "regions seed \(seed)") {
                _ = try MunicipalityRegionsFile(data: Self.mutate(regions, seed: seed), source: "f")
            }
        }
    }

    @Test("the corpus of inputs that once broke a reader, replayed")
    func corpus() throws {
        let folder = Self.fixtures.appendingPathComponent("fuzz-corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "README.md" }.sorted()
        #expect(names.count >= 9)
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            if name.hasPrefix("page-") {
                Self.expectOnly(ODataPageScanner.Malformed.self, name) { try Self.scanPage(data) }
            } else {
                Self.expectOnly(SourceError.self, name) { _ = try Iv3SpendingFile(data: data, source: name) }
            }
        }
        // Two of them must be refused, not read: infinity is no figure, and neither is a cut-off page.
        #expect(throws: ODataPageScanner.Malformed.self) {
            try Self.scanPage(Data(contentsOf: folder.appendingPathComponent("page-infinity.json")))
        }
        #expect(throws: SourceError.self) {
            try Iv3SpendingFile(data: Data(contentsOf: folder.appendingPathComponent("iv3-infinite.csv")), source: "f")
        }
    }
}
