import Foundation
import GRDB
public import MaatstafCore

/// What happened when a damaged store was replaced: where the damaged file went, why, which fetched tables the new
/// store lacks (they come back from the HTTP cache with `fetch`), and which imported files it lacks (they must be
/// imported again: the store held their only copy).
public struct StoreRecovery: Sendable {
    public var damagedCopy: String
    public var reason: LocalizedText
    public var fetchedTables: [String]
    /// Own figures and circulaires imported into the damaged store: the file's name, where it was read from, and its
    /// sha256.
    public var imports: [LostImport] = []
}

/// An imported file the store no longer holds after a rebuild.
public struct LostImport: Sendable, Codable, Equatable {
    /// `own` (own figures) or `fund` (a circulaire of the municipal fund).
    public var kind: String
    public var name: String
    public var path: String
    public var sha256: String

    public init(kind: String, name: String, path: String, sha256: String) {
        self.kind = kind
        self.name = name
        self.path = path
        self.sha256 = sha256
    }
}

extension Store {
    /// Opens the store; a damaged one is moved aside (kept, for inspection) and a new, empty one is opened in its
    /// place, for the snapshot loader to fill. The damaged file is never read for figures.
    /// The own-figure files and circulaires imported into a store, as far as it can still be read.
    static func importsIn(_ db: Database) throws -> [LostImport] {
        let own = try Row.fetchAll(db, sql: "SELECT name, path, sha256 FROM own_import ORDER BY id").map { row in
            LostImport(kind: "own", name: row["name"], path: row["path"], sha256: row["sha256"])
        }
        let circulaires =
            (try? String.fetchAll(
                db, sql: "SELECT DISTINCT circulaire FROM fund_file WHERE origin = 'import' ORDER BY circulaire")) ?? []
        return own + circulaires.map { LostImport(kind: "fund", name: $0, path: "", sha256: "") }
    }

    public static func openRecovering(path: String) throws -> (Store, StoreRecovery?) {
        do {
            return (try Store(path: path), nil)
        } catch let error as StoreError where error.kind == .damaged {
            // Which tables were fetched, read best-effort from the damaged file: only ids, to say what to fetch again.
            let tables =
                (try? DatabaseQueue(path: path).read { db in
                    try String.fetchAll(db, sql: "SELECT id FROM cbs_table ORDER BY id")
                }) ?? []
            // The imports, read best-effort likewise: the new store is built from the snapshot, which has none of them.
            let imports = (try? DatabaseQueue(path: path).read(Self.importsIn)) ?? []
            let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
            let aside = "\(path).damaged-\(stamp)"
            guard rename(path, aside) == 0 else {
                throw StoreError(
                    .io, subject: path,
                    reason: .en(
                        "the store is damaged and cannot be moved aside (\(SystemErrorText.describe(errno).en))",
                        nl: "de opslag is beschadigd en kan niet opzij gezet worden (\(SystemErrorText.describe(errno).nl))"),
                    hint: .en(
                        "Move or delete the file yourself; maatstaf then builds a new store from the snapshot",
                        nl: "Verplaats of verwijder het bestand zelf; maatstaf bouwt dan een nieuwe opslag uit de snapshot"))
            }
            for suffix in ["-journal", "-wal", "-shm"] { _ = rename(path + suffix, aside + suffix) }
            _ = rename(damageMark(path), aside + ".reason")
            return (
                try Store(path: path),
                StoreRecovery(damagedCopy: aside, reason: error.reason, fetchedTables: tables, imports: imports)
            )
        }
    }
}
