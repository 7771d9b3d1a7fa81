import Foundation
import GRDB
import MaatstafCore
import MaatstafStore
import MaatstafTestServer
import Testing

/// The engine reads an indicator's Iv3 amounts by taakveld; since migration v14 the index by taakveld holds every
/// column read, so SQLite answers from the index alone.
@Suite("Iv3 amounts read from their index")
struct AmountIndexTests {
    static let query =
        "SELECT year, kind, code, taakveld, baten, lasten, salaries, checksum FROM iv3_amount WHERE year = 2023 AND kind = 'jaarrekening' AND taakveld IN ('6.71a', '6.71b')"

    static func plan(_ path: String) throws -> String {
        try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + query).map { $0["detail"] as String }.joined(separator: "; ")
        }
    }

    @Test("a store made before v14 is migrated: the same rows, now from the covering index")
    func migrated() throws {
        let path = try LoadedStore.copy()
        let before = try Store(path: path).iv3Amounts(year: 2023, kind: .jaarrekening, taakvelden: ["6.71a", "6.71b"])
        #expect(try Self.plan(path).contains("COVERING INDEX iv3_amount_by_taakveld"))
        // Back to the index of v2–v13, and v14 not applied.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP INDEX iv3_amount_by_taakveld")
            try db.execute(sql: "CREATE INDEX iv3_amount_by_taakveld ON iv3_amount (year, kind, taakveld)")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v14 %'")
        }
        #expect(!(try Self.plan(path).contains("COVERING")))
        let store = try Store(path: path)
        #expect(try Self.plan(path).contains("COVERING INDEX iv3_amount_by_taakveld"))
        let after = try store.iv3Amounts(year: 2023, kind: .jaarrekening, taakvelden: ["6.71a", "6.71b"])
        let order = { (a: Iv3AmountRecord, b: Iv3AmountRecord) in (a.code, a.taakveld) < (b.code, b.taakveld) }
        #expect(!before.isEmpty)
        #expect(after.sorted(by: order) == before.sorted(by: order))
    }
}
