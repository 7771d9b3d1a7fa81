import Foundation
import GRDB
import MaatstafCore
import MaatstafStore
import MaatstafTestServer
import Testing

@testable import MaatstafModel

/// The atlas kept in the store must be the atlas made from the rows: the same municipalities, names, profiles of
/// every year, traits and derivations — and made anew whenever the store changed.
@Suite("The atlas kept in the store")
struct KeptAtlasTests {
    @Test("the real snapshot's atlas, written and read back, equals the one made from the rows; the bytes are stable")
    func roundTrip() throws {
        let atlas = ModelFixtures.atlas
        let bytes = atlas.compact()
        let read = try MunicipalityAtlas(compact: bytes)
        #expect(read == atlas)
        #expect(read.compact() == bytes)
        // Spot checks that the comparison above covers what the engine uses.
        let westervoort = try read.directory.resolve("Westervoort")
        #expect(try read.profile(westervoort, year: 2023) == atlas.profile(westervoort, year: 2023))
        #expect(try read.directory.resolve("Den Bosch").code == "GM0796")
        #expect(read.years == atlas.years)
        #expect(read.traits == atlas.traits && !read.traits.isEmpty)
    }

    @Test("damaged bytes are refused, not read as an atlas", arguments: [0.1, 0.5, 0.99])
    func damaged(_ at: Double) throws {
        let bytes = ModelFixtures.atlas.compact()
        #expect(throws: (any Error).self) { try MunicipalityAtlas(compact: bytes.prefix(Int(Double(bytes.count) * at))) }
        #expect(throws: (any Error).self) { try MunicipalityAtlas(compact: bytes + Data([0])) }
    }

    @Test("kept on first use, read from the store on the next, made anew after the store changed")
    func keptThenRenewed() throws {
        let path = try LoadedStore.copy()
        let store = try Store(path: path)
        let first = try MunicipalityAtlas.kept(in: store, build: "test-build")
        #expect(first == (try MunicipalityAtlas(store: store)))
        let kept = try #require(try store.derivedValue(MunicipalityAtlas.keptName, build: "test-build"))
        #expect(try MunicipalityAtlas(compact: kept) == first)
        #expect(try MunicipalityAtlas.kept(in: store, build: "test-build") == first)

        // A new name written by another process: the kept atlas no longer counts, and the next one knows the name.
        try DatabaseQueue(path: path).write { db in
            try db.execute(
                sql: "INSERT INTO municipality_name (name, code, source) VALUES ('Westervoort aan de IJssel', 'GM0293', 'test')")
        }
        #expect(try store.derivedValue(MunicipalityAtlas.keptName, build: "test-build") == nil)
        let renewed = try MunicipalityAtlas.kept(in: store, build: "test-build")
        #expect(try renewed.directory.resolve("Westervoort aan de IJssel").code == "GM0293")
        #expect(throws: (any Error).self) { try first.directory.resolve("Westervoort aan de IJssel") }
        #expect(try store.derivedValue(MunicipalityAtlas.keptName, build: "test-build") != nil)
    }

    @Test("another build does not read it; without a build identity nothing is kept")
    func otherBuild() throws {
        let path = try LoadedStore.copy()
        let store = try Store(path: path)
        _ = try MunicipalityAtlas.kept(in: store, build: "build-a")
        #expect(try store.derivedValue(MunicipalityAtlas.keptName, build: "build-b") == nil)
        let fresh = try Store(path: try LoadedStore.copy())
        _ = try MunicipalityAtlas.kept(in: fresh, build: nil)
        let rows = try DatabaseQueue(path: fresh.path).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM derived_value")
        }
        #expect(rows == 0)
    }
}
