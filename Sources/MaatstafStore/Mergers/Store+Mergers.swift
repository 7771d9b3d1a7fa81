public import Foundation
import GRDB
public import MaatstafCore
import MaatstafFetch
import MaatstafSources

extension Store {
    /// Stores CBS's record of municipal changes (a region list with its descriptions, as fetched), replacing an
    /// earlier one only when the new one still holds every change the earlier did: CBS adds to its record, so a
    /// shorter one is a different or damaged table, and the series built on the earlier one would silently change.
    /// Returns the changes read.
    @discardableResult
    public func storeMergerHistory(table: String, url: String, content: Data, now: Date = Date()) throws -> [MunicipalChange] {
        let changes = try CBSMunicipalChangeText.changes(fromRegionList: content, url: url)
        do {
            return try database.write { db in
                if let row = try Row.fetchOne(db, sql: "SELECT table_id, url, content FROM municipal_history") {
                    let earlier = try CBSMunicipalChangeText.changes(fromRegionList: row["content"], url: row["url"])
                    let kept = Set(changes.map { "\($0.code) \($0.date)" })
                    let lost = earlier.filter { !kept.contains("\($0.code) \($0.date)") }
                    if !lost.isEmpty {
                        throw StoreError(
                            .conflict, subject: table,
                            reason: .en(
                                "lacks \(lost.count) change(s) the stored record (from \(row["table_id"] as String)) holds, e.g. \(lost[0].name) \(lost[0].date)",
                                nl:
                                    "mist \(lost.count) wijziging(en) die het opgeslagen overzicht (uit \(row["table_id"] as String)) heeft, bijvoorbeeld \(lost[0].name) \(lost[0].date)"
                            ),
                            hint: .en(
                                "Keep the stored record, or fetch a table whose region list covers the same years",
                                nl:
                                    "Houd het opgeslagen overzicht, of haal een tabel op waarvan de regiolijst dezelfde jaren dekt"
                            ))
                    }
                }
                try db.execute(sql: "DELETE FROM municipal_history")
                try db.execute(
                    sql: "INSERT INTO municipal_history VALUES (?, ?, ?, ?, ?)",
                    arguments: [table, url, content, SHA256.hex(content), ISO8601DateFormatter().string(from: now)])
                return changes
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(
                error, path: path,
                action: .en("cannot store the merger history", nl: "kan het overzicht van herindelingen niet opslaan"))
        }
    }

    /// CBS's record of municipal changes as stored, read and checked; nil when none was fetched.
    public func mergerHistory() throws -> MergerHistory? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM municipal_history") else { return nil }
            let content: Data = row["content"]
            guard SHA256.hex(content) == row["sha256"] as String else {
                throw StoreDamage(
                    reason: .en(
                        "the stored merger history does not match its sha256",
                        nl: "het opgeslagen overzicht van herindelingen klopt niet met zijn sha256"))
            }
            do {
                let read = try CBSMunicipalChangeText.history(fromRegionList: content, url: row["url"])
                let day = (row["fetched_at"] as String).prefix(10)
                return MergerHistory(
                    changes: read.changes, formed: read.formed, origin: "CBS \(row["table_id"] as String) RegioS, \(day)")
            } catch {
                throw StoreDamage(
                    reason: .en(
                        "the stored merger history no longer reads",
                        nl: "het opgeslagen overzicht van herindelingen is niet meer te lezen"))
            }
        }
    }
}
