public import Foundation
import GRDB
public import MaatstafCore

extension Store {
    /// Stores a file's figures as one import, in one transaction: a file of the same name and checksum changes
    /// nothing, a changed file replaces its earlier import. A figure another file already holds is refused (its
    /// provenance would be ambiguous), naming both; so is a replacement without a municipality the earlier import
    /// held (a partner's file of the same name would otherwise wipe its figures), and a definition that differs from
    /// the one another import gave the measure (`definitions`, from an exchange file).
    public func importOwnFigures(
        _ figures: [OwnFigureRecord], name: String, path: String, sha256: String, decimal: String,
        definitions: [OwnDefinitionRecord] = [], now: Date = Date()
    ) throws -> OwnImportOutcome {
        do {
            return try database.write { db in
                let earlier = try Row.fetchOne(
                    db, sql: "SELECT id, sha256, rows FROM own_import WHERE name = ?", arguments: [name])
                if let earlier, earlier["sha256"] as String == sha256 { return .unchanged }
                let ownID: Int64? = earlier?["id"]
                if let ownID {
                    let held = try String.fetchAll(
                        db, sql: "SELECT DISTINCT code FROM own_figure WHERE import_id = ? ORDER BY code", arguments: [ownID])
                    let kept = Set(figures.map(\.code))
                    let dropped = held.filter { !kept.contains($0) }
                    if !dropped.isEmpty {
                        throw StoreError(
                            .conflict, subject: name,
                            reason: .en(
                                "would replace the import of that name, which holds figures of \(dropped.joined(separator: ", ")) that this file does not have",
                                nl:
                                    "zou de import van die naam vervangen, die cijfers van \(dropped.joined(separator: ", ")) heeft die dit bestand niet heeft"
                            ),
                            hint: .en(
                                "Rename the file (a partner's file gets its own name), or remove the old import first: \(action: .removeImport(name)); nothing was stored",
                                nl:
                                    "Geef het bestand een andere naam (het bestand van een partner een eigen naam), of verwijder eerst de oude import: \(action: .removeImport(name)); er is niets opgeslagen"
                            ))
                    }
                }
                for definition in definitions {
                    let others = try Row.fetchAll(
                        db,
                        sql:
                            "SELECT i.name, d.unit, d.definition FROM own_definition d JOIN own_import i ON i.id = d.import_id WHERE d.measure = ? AND d.import_id IS NOT ?",
                        arguments: [definition.measure, ownID])
                    for other in others
                    where (other["unit"] as String) != definition.unit || (other["definition"] as String) != definition.definition
                    {
                        let theirs = "\"\(other["definition"] as String)\" (\(other["unit"] as String))"
                        let mine = "\"\(definition.definition)\" (\(definition.unit))"
                        throw StoreError(
                            .conflict, subject: "\(name): \(definition.measure)",
                            reason: .en(
                                "is defined as \(mine), but \(other["name"] as String) defines it as \(theirs)",
                                nl: "is gedefinieerd als \(mine), maar \(other["name"] as String) definieert het als \(theirs)"),
                            hint: .en(
                                "Figures are pooled only when they measure the same thing: agree on one definition, or name the measure differently; nothing was stored",
                                nl:
                                    "Cijfers worden alleen samengenomen als ze hetzelfde meten: spreek één definitie af, of geef de maat een andere naam; er is niets opgeslagen"
                            ))
                    }
                }
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
                for definition in definitions {
                    try db.execute(
                        sql: "INSERT INTO own_definition VALUES (?, ?, ?, ?, ?)",
                        arguments: [
                            id, definition.measure, definition.unit, definition.definition, Self.definitionChecksum(definition),
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

    /// Which import each figure of a measure came from, with its checksum: "GM0293|2021JJ00" → (file, sha256).
    public func ownFigureFiles(measure: String) throws -> [String: (file: String, sha256: String)] {
        try read { db in
            var files: [String: (file: String, sha256: String)] = [:]
            for row in try Row.fetchAll(
                db,
                sql:
                    "SELECT f.code, f.period, i.name, i.sha256 FROM own_figure f JOIN own_import i ON i.id = f.import_id WHERE f.measure = ?",
                arguments: [measure])
            {
                files["\(row["code"] as String)|\(row["period"] as String)"] = (row["name"], row["sha256"])
            }
            return files
        }
    }

    /// The definitions exchange files gave, with their files, by measure.
    public func ownDefinitions() throws -> [OwnDefinitionRecord] {
        try read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT d.measure, d.unit, d.definition, d.checksum, i.name FROM own_definition d JOIN own_import i ON i.id = d.import_id ORDER BY d.measure, i.id"
            ).map { row in
                let definition = OwnDefinitionRecord(
                    measure: row["measure"], unit: row["unit"], definition: row["definition"], file: row["name"])
                guard row["checksum"] as Int64? == Self.definitionChecksum(definition) else {
                    throw StoreDamage(
                        reason: .en(
                            "a row of own_definition does not match its checksum",
                            nl: "een rij van own_definition klopt niet met haar controlesom"))
                }
                return definition
            }
        }
    }

    static func definitionChecksum(_ definition: OwnDefinitionRecord) -> Int64 {
        var checksum = RowChecksum()
        checksum.add(definition.measure)
        checksum.add(definition.unit)
        checksum.add(definition.definition)
        return checksum.value
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
