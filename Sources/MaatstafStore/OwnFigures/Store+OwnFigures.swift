public import Foundation
import GRDB
public import MaatstafCore

extension Store {
    /// Stores a file's figures as one import, in one transaction: a file of the same name and checksum changes
    /// nothing, a changed file replaces its earlier import. A figure another file already holds is refused (its
    /// provenance would be ambiguous), naming both.
    public func importOwnFigures(
        _ figures: [OwnFigureRecord], name: String, path: String, sha256: String, decimal: String, now: Date = Date()
    ) throws -> OwnImportOutcome {
        do {
            return try database.write { db in
                let earlier = try Row.fetchOne(
                    db, sql: "SELECT id, sha256, rows FROM own_import WHERE name = ?", arguments: [name])
                if let earlier, earlier["sha256"] as String == sha256 { return .unchanged }
                let ownID: Int64? = earlier?["id"]
                for figure in figures {
                    if let other = try Row.fetchOne(
                        db,
                        sql:
                            "SELECT i.name, f.line FROM own_figure f JOIN own_import i ON i.id = f.import_id WHERE f.code = ? AND f.period = ? AND f.measure = ? AND f.import_id IS NOT ?",
                        arguments: [figure.code, figure.period.code, figure.measure, ownID])
                    {
                        throw StoreError(
                            .conflict, subject: "\(name) row \(figure.line)",
                            reason: .en(
                                "\(figure.code) \(figure.period.code) \(figure.measure) is already imported from \(other["name"] as String) (row \(other["line"] as Int))",
                                nl:
                                    "\(figure.code) \(figure.period.code) \(figure.measure) is al ingelezen uit \(other["name"] as String) (rij \(other["line"] as Int))"
                            ),
                            hint: .en(
                                "One figure comes from one file: remove it from one of them; nothing was stored",
                                nl: "Eén cijfer komt uit één bestand: haal het uit een van beide; er is niets opgeslagen"))
                    }
                }
                if let ownID { try db.execute(sql: "DELETE FROM own_import WHERE id = ?", arguments: [ownID]) }
                try db.execute(
                    sql: "INSERT INTO own_import (name, path, sha256, decimal, imported_at, rows) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [name, path, sha256, decimal, ISO8601DateFormatter().string(from: now), figures.count])
                let id = db.lastInsertedRowID
                let insert = try db.cachedStatement(sql: "INSERT INTO own_figure VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                for figure in figures {
                    try insert.execute(arguments: [
                        id, figure.code, figure.period.code, figure.measure, figure.value, figure.unit, figure.note,
                        figure.line, Self.ownChecksum(figure),
                    ])
                }
                return earlier.map { .replaced(previousRows: $0["rows"]) } ?? .imported
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(
                error, path: path,
                action: .en("cannot store the figures of \(name)", nl: "kan de cijfers van \(name) niet opslaan"))
        }
    }

    /// Every import, oldest first.
    public func ownImports() throws -> [OwnImportRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM own_import ORDER BY id").map { row in
                OwnImportRecord(
                    id: row["id"], name: row["name"], path: row["path"], sha256: row["sha256"], decimal: row["decimal"],
                    importedAt: row["imported_at"], rows: row["rows"])
            }
        }
    }

    /// Removes an import and its figures; false when there is none of that name.
    public func removeOwnImport(name: String) throws -> Bool {
        do {
            return try database.write { db in
                try db.execute(sql: "DELETE FROM own_import WHERE name = ?", arguments: [name])
                return db.changesCount > 0
            }
        } catch {
            throw Self.storeError(
                error, path: path, action: .en("cannot remove the import \(name)", nl: "kan de import \(name) niet verwijderen"))
        }
    }

    /// The figures of a measure (every period when `period` is nil), each checked against its checksum.
    public func ownFigures(measure: String, period: Period? = nil) throws -> [OwnFigureRecord] {
        try read { db in
            var sql = "SELECT code, period, measure, value, unit, note, line, checksum FROM own_figure WHERE measure = ?"
            var arguments: [any DatabaseValueConvertible] = [measure]
            if let period {
                sql += " AND period = ?"
                arguments.append(period.code)
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY period, code", arguments: StatementArguments(arguments))
                .map { row in
                    guard let period = Period(code: row["period"]) else {
                        throw StoreDamage(
                            reason: .en(
                                "an own figure has the period \(row["period"] as String)",
                                nl: "een eigen cijfer heeft de periode \(row["period"] as String)"))
                    }
                    let figure = OwnFigureRecord(
                        code: row["code"], period: period, measure: row["measure"], value: row["value"],
                        unit: row["unit"], note: row["note"], line: row["line"])
                    guard row["checksum"] as Int64? == Self.ownChecksum(figure) else {
                        throw StoreDamage(
                            reason: .en(
                                "a row of own_figure does not match its checksum",
                                nl: "een rij van own_figure klopt niet met haar controlesom"))
                    }
                    return figure
                }
        }
    }

    /// The measures imported, with the file each comes from.
    public func ownMeasures() throws -> [(measure: String, file: String, unit: String)] {
        try read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT DISTINCT f.measure, i.name, f.unit FROM own_figure f JOIN own_import i ON i.id = f.import_id ORDER BY f.measure"
            ).map { ($0[0], $0[1], $0[2]) }
        }
    }

    static func ownChecksum(_ figure: OwnFigureRecord) -> Int64 {
        var checksum = RowChecksum()
        checksum.add(figure.code)
        checksum.add(figure.period.code)
        checksum.add(figure.measure)
        checksum.add(figure.value)
        checksum.add(figure.unit)
        checksum.add(figure.note)
        checksum.add(figure.line)
        return checksum.value
    }
}
