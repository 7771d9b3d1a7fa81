import Foundation
import GRDB
import MaatstafCore
import MaatstafStore
import MaatstafTestServer
import Testing

/// No number is ever read from a damaged store: damage is an error (and the next open rebuilds), or the figure read
/// is exactly the one the snapshot loader wrote. The figures compared here come from the real embedded snapshot.
@Suite("A damaged store")
struct StoreDamageTests {
    /// What compare reads for household help in 2023: every 6.71a amount and every 2023 population.
    struct Figures: Equatable {
        var lasten: [String: Int?]
        var population: [String: Int]
        var undelivered: Set<String>
    }

    static func figures(_ store: Store) throws -> Figures {
        let amounts = try store.iv3Amounts(year: 2023, kind: .jaarrekening, taakvelden: ["6.71a"])
        return Figures(
            lasten: Dictionary(uniqueKeysWithValues: amounts.map { ($0.code, $0.lasten) }),
            population: Dictionary(
                uniqueKeysWithValues: try store.municipalityYears(year: 2023).map { ($0.code, $0.population) }),
            undelivered: try store.iv3NoDelivery(year: 2023, kind: .jaarrekening))
    }

    /// A loaded store file, and its figures as loaded.
    static func loadedStore() throws -> (path: String, figures: Figures) {
        let path = try LoadedStore.copy()
        return (path, try figures(try Store(path: path)))
    }

    @Test("a number changed behind its checksum is an error, never a figure; the next open rebuilds from the snapshot")
    func changedValue() throws {
        let (path, pristine) = try Self.loadedStore()
        // As a flipped byte would: Westervoort's 6.71a lasten, 2017 in the file, becomes 2049.
        try DatabaseQueue(path: path).write { db in
            try db.execute(
                sql: "UPDATE iv3_amount SET lasten = 2049 WHERE code = 'GM0293' AND taakveld = '6.71a' AND year = 2023")
        }
        let damaged = try Store(path: path)
        let error = #expect(throws: StoreError.self) { try Self.figures(damaged) }
        #expect(error?.kind == .damaged)
        #expect(error?.reason.en.contains("a row of iv3_amount does not match its checksum") == true)

        // The finding is kept: opening again refuses the store even though SQLite's own check finds nothing.
        #expect(throws: StoreError.self) { try Store(path: path) }
        let (store, recovery) = try Store.openRecovering(path: path)
        let recovered = try #require(recovery)
        #expect(FileManager.default.fileExists(atPath: recovered.damagedCopy))
        try SnapshotLoader(folder: RepositoryFixtures.snapshot).loadIfNeeded(into: store)
        #expect(try Self.figures(store) == pristine)
        #expect(pristine.lasten["GM0293"] == 2017)
    }

    @Test("a row lost from the index is damage, not a municipality that quietly disappears")
    func lostRow() throws {
        let (path, _) = try Self.loadedStore()
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DELETE FROM municipality_year WHERE code = 'GM0293' AND year = 2023")
        }
        let error = #expect(throws: StoreError.self) { try Self.figures(try Store(path: path)) }
        #expect(
            error?.reason.en.contains("341 rows of municipality_year|2023 were read where the snapshot loader wrote 342") == true)
    }

    @Test(
        "a file SQLite finds damaged (header, zeroed pages): an error at open or read, then moved aside and rebuilt",
        arguments: [0, 1])
    func structural(_ variant: Int) throws {
        let (path, pristine) = try Self.loadedStore()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        if variant == 0 {
            bytes.replaceSubrange(0..<16, with: Data("not a database!!".utf8))  // the header
        } else {
            // Every page after the schema zeroed: the b-tree pages of every table the schema points to.
            bytes.replaceSubrange((2 * 4096)..<bytes.count, with: Data(count: bytes.count - 2 * 4096))
        }
        try bytes.write(to: URL(fileURLWithPath: path))
        if variant == 1 {
            // Without an unclean stop the store opens without SQLite's check; the damaged pages fail the first read.
            let error = #expect(throws: StoreError.self) { try Self.figures(try Store(path: path)) }
            #expect(error?.kind == .damaged)
        }
        let (store, recovery) = try Store.openRecovering(path: path)
        #expect(recovery != nil)
        if variant == 0 {
            // Rebuilt from the snapshot: the very figures loaded before (once is enough; the load is a second).
            try SnapshotLoader(folder: RepositoryFixtures.snapshot).loadIfNeeded(into: store)
            #expect(try Self.figures(store) == pristine)
        } else {
            #expect(try store.municipalities().isEmpty)
        }
    }

    @Test("after an unclean stop (a hot journal) SQLite's own check runs when the store is opened")
    func uncleanStop() throws {
        let (path, _) = try Self.loadedStore()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes.replaceSubrange((2 * 4096)..<(6 * 4096), with: Data(count: 4 * 4096))
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(FileManager.default.createFile(atPath: path + "-journal", contents: Data()))
        let error = #expect(throws: StoreError.self) { try Store(path: path) }
        #expect(error?.kind == .damaged)
        #expect(error?.reason.en.contains("SQLite's check") == true)
    }

    @Test(
        "random single-byte flips: every read is the loaded figure or an error, never another number",
        arguments: Array(1...8))
    func randomFlips(_ seed: Int) throws {
        let (path, pristine) = try Self.loadedStore()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // A deterministic generator (SplitMix64), so a failing seed can be replayed.
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        // Flips in the pages that hold the figures: past the schema page, within the file.
        for _ in 0..<3 {
            let offset = 4096 + Int(next() % UInt64(bytes.count - 4096))
            bytes[offset] ^= UInt8(1 << (next() % 8))
        }
        try bytes.write(to: URL(fileURLWithPath: path))
        do {
            let (store, recovery) = try Store.openRecovering(path: path)
            if recovery != nil {
                // Moved aside: a new, empty store (the loader fills it, as `changedValue` and `structural` check).
                #expect(try store.municipalities().isEmpty, "seed \(seed)")
            } else {
                #expect(try Self.figures(store) == pristine, "seed \(seed)")
            }
        } catch let error as StoreError {
            #expect(error.kind == .damaged, "seed \(seed): \(error)")
            // The damage was recorded: the next open moves the file aside for a new, empty store.
            let (store, recovery) = try Store.openRecovering(path: path)
            #expect(recovery != nil, "seed \(seed)")
            #expect(try store.municipalities().isEmpty, "seed \(seed)")
        }
    }
}
