import Foundation
import GRDB
import MaatstafCore

/// The embedded SQLite database (GRDB) in the cache folder: the snapshot's municipalities, classes and Iv3 amounts,
/// and later fetched CBS tables beside them.
///
/// SQLite's own locking makes it safe for several maatstaf processes; every load is one transaction, so a failure
/// leaves the previous contents intact. No number is read from a damaged store: every row read is checked against the
/// checksum written with it (see `RowChecksum`), damage found is marked in a file beside the store, and SQLite's
/// `quick_check` runs when the store is opened after an unclean stop (a hot journal). A check on every open would cost
/// about 10 ms of a 60 ms comparison and find nothing the row checks miss.
public struct Store: Sendable {
    public let path: String
    let database: DatabaseQueue

    /// Opens (creating if needed) the store at `path`, brings its schema up to date and checks it.
    /// Throws `.damaged` when SQLite's check fails or an earlier run found a damaged row.
    public init(path: String) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            if let found = try? String(contentsOfFile: Self.damageMark(path), encoding: .utf8) {
                throw StoreError(.damaged, subject: path, reason: "the store is damaged (\(found))", hint: Self.damagedHint)
            }
            let unclean = ["-journal", "-wal"].contains { FileManager.default.fileExists(atPath: path + $0) }
            database = try DatabaseQueue(path: path, configuration: configuration)
            if unclean, let damage = try database.read(Self.structuralDamage) {
                Self.markDamaged(path, damage)
                throw StoreError(.damaged, subject: path, reason: "the store is damaged (\(damage))", hint: Self.damagedHint)
            }
            try Self.migrator.migrate(database)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, path: path, action: "cannot open the store")
        }
    }

    /// An in-memory store, for tests.
    public static func inMemory() throws -> Store {
        try Store(queue: DatabaseQueue())
    }

    private init(queue: DatabaseQueue) throws {
        path = ":memory:"
        database = queue
        try Self.migrator.migrate(database)
    }

    static let damagedHint: Advice =
        "Run the command again: maatstaf then moves the damaged file aside and builds a new store from the embedded snapshot"

    /// SQLite's structural check: nil when it finds nothing.
    private static func structuralDamage(_ db: Database) throws -> String? {
        let check = try String.fetchAll(db, sql: "PRAGMA quick_check(3)")
        return check == ["ok"] ? nil : "SQLite's check: " + check.joined(separator: "; ")
    }

    /// The file beside the store that records damage found: plain file I/O, so it can be written even when the
    /// database itself cannot.
    static func damageMark(_ path: String) -> String { path + ".damaged" }

    static func markDamaged(_ path: String, _ reason: String) {
        guard path != ":memory:" else { return }
        try? reason.write(toFile: damageMark(path), atomically: true, encoding: .utf8)
    }

    static func describe(_ error: Error) -> String {
        if let database = error as? DatabaseError { return database.message ?? "\(database.resultCode)" }
        return "\(error)"
    }

    /// A database error as the user must read it: locked (wait), damaged (rebuilt on the next run), or I/O.
    static func storeError(_ error: Error, path: String, action: String) -> StoreError {
        if let database = error as? DatabaseError {
            switch database.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return StoreError(
                    .locked, subject: path, reason: "\(action): another maatstaf process is using it",
                    hint: "Wait until the other run has finished, then run again")
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                markDamaged(path, describe(error))
                return StoreError(
                    .damaged, subject: path, reason: "\(action): the file is damaged (\(describe(error)))",
                    hint: damagedHint)
            default: break
            }
        }
        return StoreError(
            .io, subject: path, reason: "\(action) (\(describe(error)))",
            hint:
                "Check that the folder is writable and the disk is not full, or choose another folder with \(option: .cacheDirectory)"
        )
    }

    /// Runs a read and turns database errors into `StoreError`s naming the file. Damage found while reading is
    /// recorded in the store, so the next run rebuilds it even though SQLite's own check finds nothing wrong.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch let error as StoreError {
            throw error
        } catch let damage as StoreDamage {
            Self.markDamaged(path, damage.reason)
            throw StoreError(
                .damaged, subject: path, reason: "the store is damaged (\(damage.reason)); no figure was read from it",
                hint: Self.damagedHint)
        } catch {
            throw Self.storeError(error, path: path, action: "cannot read the store")
        }
    }
}
