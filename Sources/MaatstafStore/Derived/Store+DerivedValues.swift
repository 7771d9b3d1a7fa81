public import Foundation
import GRDB
import MaatstafFetch

/// Values made from the store and kept in it, so that the next process reads one value instead of making it again
/// (the municipality atlas: a few thousand rows from six tables, names folded, years put together — a few ms of every
/// command).
///
/// A kept value is used only while it is certainly what making it anew would give: it names the program build that
/// made it (another build may make it differently) and the store's *generation* it was made at — a counter that
/// triggers on every source table move on in the same transaction as any change, whichever code makes it (v18). Its
/// bytes carry a SHA-256, checked on every read. Anything else — another build, a later generation, damage, no build
/// identity — and the value is made anew from the rows, as before.
extension Store {
    /// The store's generation now: read it before making a value, and keep the value under it.
    public func dataGeneration() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT value FROM data_generation") ?? 0 }
    }

    /// The value kept under `name` by `build`, if it was made at the current generation and is intact; nil otherwise.
    public func derivedValue(_ name: String, build: String) throws -> Data? {
        try read { db -> Data? in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT d.build, d.generation, d.sha256, d.body, g.value AS now
                    FROM derived_value d, data_generation g WHERE d.name = ?
                    """,
                arguments: [name])
            guard let row, row["build"] as String == build, row["generation"] as Int == row["now"] as Int else {
                return nil
            }
            let body: Data = row["body"]
            // Damaged bytes are not an error to the user: the value is made anew from the (checked) rows.
            guard SHA256.hex(body) == row["sha256"] as String else { return nil }
            return body
        }
    }

    /// Keeps `body` as the value `name` that `build` made at `generation` — unless the store has moved on since
    /// (it would describe older data). Never waits and never fails: when another process holds the store for writing,
    /// the file is read-only or this connection is inside a transaction, the value is simply not kept (it is only a
    /// shortcut; the next process makes it again). Says whether it was kept.
    @discardableResult
    public func keepDerivedValue(_ name: String, build: String, generation: Int, body: Data) -> Bool {
        let checksum = SHA256.hex(body)
        let kept = try? database.writeWithoutTransaction { db -> Bool in
            guard !db.isInsideTransaction else { return false }
            try db.execute(sql: "PRAGMA busy_timeout = 0")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Self.busyTimeoutMilliseconds)") }
            var kept = false
            try db.inTransaction(.immediate) {
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO derived_value (name, build, generation, sha256, body)
                        SELECT ?, ?, ?, ?, ? FROM data_generation WHERE value = ?
                        """,
                    arguments: [name, build, generation, checksum, body, generation])
                kept = db.changesCount > 0
                return .commit
            }
            return kept
        }
        return kept ?? false
    }
}
