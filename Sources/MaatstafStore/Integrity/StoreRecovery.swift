import Foundation
import GRDB
public import MaatstafCore

/// What happened when a damaged store was replaced: where the damaged file went, why, and which fetched tables the
/// new store lacks (they come back from the HTTP cache with `fetch`).
public struct StoreRecovery: Sendable {
    public var damagedCopy: String
    public var reason: LocalizedText
    public var fetchedTables: [String]
}

extension Store {
    /// Opens the store; a damaged one is moved aside (kept, for inspection) and a new, empty one is opened in its
    /// place, for the snapshot loader to fill. The damaged file is never read for figures.
    public static func openRecovering(path: String) throws -> (Store, StoreRecovery?) {
        do {
            return (try Store(path: path), nil)
        } catch let error as StoreError where error.kind == .damaged {
            // Which tables were fetched, read best-effort from the damaged file: only ids, to say what to fetch again.
            let tables =
                (try? DatabaseQueue(path: path).read { db in
                    try String.fetchAll(db, sql: "SELECT id FROM cbs_table ORDER BY id")
                }) ?? []
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
            return (try Store(path: path), StoreRecovery(damagedCopy: aside, reason: error.reason, fetchedTables: tables))
        }
    }
}
