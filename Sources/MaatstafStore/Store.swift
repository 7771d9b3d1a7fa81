import Foundation
import GRDB

/// The embedded SQLite database (GRDB) in the cache folder: the snapshot's municipalities, classes and Iv3 amounts,
/// and later fetched CBS tables beside them.
///
/// SQLite's own locking makes it safe for several maatstaf processes; every load is one transaction, so a failure
/// leaves the previous contents intact.
public struct Store: Sendable {
    public let path: String
    let database: DatabaseQueue

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            database = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(database)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.io, subject: path, reason: "cannot open the store (\(Self.describe(error)))",
                             hint: "Check that the folder is writable and the disk is not full, or choose another folder with --cache-dir; a damaged store can be deleted, maatstaf rebuilds it")
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

    static func describe(_ error: Error) -> String {
        if let database = error as? DatabaseError { return database.message ?? "\(database.resultCode)" }
        return "\(error)"
    }

    /// Runs a read and turns database errors into `StoreError`s naming the file.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.io, subject: path, reason: "cannot read the store (\(Self.describe(error)))",
                             hint: "Delete the file to have maatstaf rebuild it from the snapshot")
        }
    }
}
