import Foundation
import GRDB
import MaatstafCore
import MaatstafStore
import MaatstafTestServer
import Testing

/// A kept value is used only while the store is as it was when the value was made, by the same build, with its bytes
/// intact; whichever code changes a source table, the generation moves on in the same transaction.
@Suite("Values kept in the store")
struct DerivedValueTests {
    static let body = Data("an atlas, say".utf8)

    @Test("kept and read back by the same build at the same generation; another build reads nothing")
    func keptAndRead() throws {
        let store = try Store(path: try LoadedStore.copy())
        let generation = try store.dataGeneration()
        #expect(try store.derivedValue("atlas", build: "b1") == nil)
        #expect(store.keepDerivedValue("atlas", build: "b1", generation: generation, body: Self.body))
        #expect(try store.derivedValue("atlas", build: "b1") == Self.body)
        #expect(try store.derivedValue("atlas", build: "b2") == nil)
        #expect(try store.derivedValue("other", build: "b1") == nil)
    }

    @Test(
        "a change to any source table, by any connection, and the value is no longer read",
        arguments: [
            "INSERT INTO municipality_name (name, code, source) VALUES ('Zevenaar-Oost', 'GM0299', 'test')",
            "UPDATE municipality_year SET population = population + 1 WHERE code = 'GM0293' AND year = 2023",
            "DELETE FROM municipality_trait WHERE code = 'GM0293'",
            "DELETE FROM municipality_area WHERE code = 'GM0293'",
            "INSERT INTO municipal_history VALUES ('70739ned', 'https://example.invalid', x'00', 'x', '2026-12-07')",
            "UPDATE municipality SET name = name WHERE code = 'GM0293'",
        ])
    func changeMovesGeneration(_ change: String) throws {
        let path = try LoadedStore.copy()
        let store = try Store(path: path)
        let before = try store.dataGeneration()
        #expect(store.keepDerivedValue("atlas", build: "b1", generation: before, body: Self.body))
        // Another process, writing with plain SQL: the triggers move the generation on, not maatstaf's code.
        try DatabaseQueue(path: path).write { db in try db.execute(sql: change) }
        #expect(try store.dataGeneration() > before)
        #expect(try store.derivedValue("atlas", build: "b1") == nil)
    }

    @Test("every source table moves the generation on when written")
    func everySourceTable() throws {
        let path = try LoadedStore.copy()
        let triggers = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_generation'")
        }
        // The tables the atlas is read from (MunicipalityAtlas.init(store:) and what it calls), three events each.
        let sources = [
            "municipality", "municipality_name", "municipality_year", "municipality_area", "municipality_trait",
            "municipal_history", "cbs_table", "cbs_property", "cbs_column", "cbs_chunk", "cbs_code", "cbs_response",
        ]
        for table in sources { #expect(triggers.filter { $0 == table }.count == 3, "\(table)") }
    }

    @Test("made before a change and kept after it: not kept (it would describe the store before)")
    func staleGenerationNotKept() throws {
        let path = try LoadedStore.copy()
        let store = try Store(path: path)
        let before = try store.dataGeneration()
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DELETE FROM municipality_trait WHERE code = 'GM0293'")
        }
        #expect(!store.keepDerivedValue("atlas", build: "b1", generation: before, body: Self.body))
        #expect(try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM derived_value") } == 0)
    }

    @Test("damaged bytes are not read (made anew), and no error reaches the user")
    func damagedBody() throws {
        let path = try LoadedStore.copy()
        let store = try Store(path: path)
        #expect(store.keepDerivedValue("atlas", build: "b1", generation: try store.dataGeneration(), body: Self.body))
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE derived_value SET body = ? WHERE name = 'atlas'", arguments: [Data("an atlas, sax".utf8)])
        }
        #expect(try store.derivedValue("atlas", build: "b1") == nil)
    }

    @Test("while another process holds the store for writing, nothing is kept and nothing fails")
    func busyStore() throws {
        let path = try LoadedStore.copy()
        let store = try Store(path: path)
        let generation = try store.dataGeneration()
        let other = try DatabaseQueue(path: path)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            #expect(!store.keepDerivedValue("atlas", build: "b1", generation: generation, body: Self.body))
            try db.execute(sql: "ROLLBACK")
        }
        // The store is usable as before, and keeps the value once it is free.
        #expect(store.keepDerivedValue("atlas", build: "b1", generation: generation, body: Self.body))
        #expect(try store.derivedValue("atlas", build: "b1") == Self.body)
    }
}
