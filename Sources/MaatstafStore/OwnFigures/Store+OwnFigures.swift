public import Foundation
import GRDB
public import MaatstafCore

extension Store {
    /// Stores a file's figures, in one transaction. A file of the same name and checksum as an earlier import changes
    /// nothing. A changed file of the same name — next month's export of a monitor — **adds**: its figures for
    /// periods the earlier imports of that name do not hold are stored as an import of their own (`NAME #2`), the
    /// earlier ones are kept, and a figure whose value differs from the one held is refused, naming both, unless
    /// `replace` (then every earlier import of the name is replaced by this file). A file of the same name without any
    /// municipality the earlier imports hold is refused as a partner's file that clashes by name. A figure another
    /// file already holds is refused (its provenance would be ambiguous), as is a definition that differs from the
    /// one another import gave the measure (`definitions`, from an exchange file).
    public func importOwnFigures(
        _ figures: [OwnFigureRecord], name: String, path: String, sha256: String, decimal: String,
        definitions: [OwnDefinitionRecord] = [], replace: Bool = false, now: Date = Date()
    ) throws -> OwnImportOutcome {
        do {
            return try database.write { db in
                // The imports of this name: the first, and what later versions of the file added (`NAME #2` …).
                let family = try Row.fetchAll(
                    db, sql: "SELECT id, name, sha256, rows FROM own_import WHERE name = ? OR name GLOB ? ORDER BY id",
                    arguments: [name, name + " #[0-9]*"])
                if family.contains(where: { $0["sha256"] as String == sha256 }) { return .unchanged }
                let familyIDs: [Int64] = family.map { $0["id"] }
                let familyList = familyIDs.isEmpty ? "-1" : familyIDs.map(String.init).joined(separator: ", ")
                var storeAs = name
                var toStore = figures
                var kept = 0
                if !family.isEmpty && !replace {
                    let marks = familyIDs.map { _ in "?" }.joined(separator: ", ")
                    var held: [String: (value: Double, file: String, line: Int)] = [:]
                    var heldCodes: Set<String> = []
                    for row in try Row.fetchAll(
                        db,
                        sql:
                            "SELECT f.code, f.period, f.measure, f.value, f.line, i.name FROM own_figure f JOIN own_import i ON i.id = f.import_id WHERE f.import_id IN (\(marks))",
                        arguments: StatementArguments(familyIDs))
                    {
                        let code: String = row["code"]
                        held["\(code)|\(row["period"] as String)|\(row["measure"] as String)"] = (
                            row["value"], row["name"], row["line"]
                        )
                        heldCodes.insert(code)
                    }
                    let mine = Set(figures.map(\.code))
                    if heldCodes.isDisjoint(with: mine) {
                        throw StoreError(
                            .conflict, subject: name,
                            reason: .en(
                                "is the name of an import that holds figures of \(heldCodes.sorted().joined(separator: ", ")), none of which this file has",
                                nl:
                                    "is de naam van een import met cijfers van \(heldCodes.sorted().joined(separator: ", ")), waarvan dit bestand er geen heeft"
                            ),
                            hint: .en(
                                "Rename the file (a partner's file gets its own name), or replace the import: \(option: .replaceImport); nothing was stored",
                                nl:
                                    "Geef het bestand een andere naam (het bestand van een partner een eigen naam), of vervang de import: \(option: .replaceImport); er is niets opgeslagen"
                            ))
                    }
                    let changed = figures.filter { figure in
                        held["\(figure.code)|\(figure.period.code)|\(figure.measure)"].map { $0.value != figure.value } ?? false
                    }
                    if let first = changed.first {
                        let earlier = held["\(first.code)|\(first.period.code)|\(first.measure)"]!
                        let more = changed.count - 1
                        throw StoreError(
                            .conflict, subject: "\(name) row \(first.line)",
                            reason: .en(
                                "\(first.code) \(first.period.code) \(first.measure) is \(first.value) here but \(earlier.value) in \(earlier.file) (row \(earlier.line))"
                                    + (more > 0 ? "; \(more) more figure(s) differ" : ""),
                                nl:
                                    "\(first.code) \(first.period.code) \(first.measure) is hier \(first.value) maar \(earlier.value) in \(earlier.file) (rij \(earlier.line))"
                                    + (more > 0 ? "; nog \(more) cijfer(s) verschillen" : "")),
                            hint: .en(
                                "A figure that was imported is changed only when asked: correct the file, or replace the earlier imports of \(name) with it: \(option: .replaceImport); nothing was stored",
                                nl:
                                    "Een ingelezen cijfer verandert alleen als u dat vraagt: verbeter het bestand, of vervang de eerdere imports van \(name) ermee: \(option: .replaceImport); er is niets opgeslagen"
                            ))
                    }
                    toStore = figures.filter { held["\($0.code)|\($0.period.code)|\($0.measure)"] == nil }
                    kept = held.count
                    if toStore.isEmpty { return .added(figures: 0, kept: kept, as: name) }
                    var number = family.count + 1
                    let names = Set(family.map { $0["name"] as String })
                    while names.contains("\(name) #\(number)") { number += 1 }
                    storeAs = "\(name) #\(number)"
                }
                let replacedRows = family.map { $0["rows"] as Int }.reduce(0, +)
                for definition in definitions {
                    let others = try Row.fetchAll(
                        db,
                        sql:
                            "SELECT i.name, d.unit, d.definition FROM own_definition d JOIN own_import i ON i.id = d.import_id WHERE d.measure = ? AND d.import_id NOT IN (\(replace ? familyList : "-1"))",
                        arguments: [definition.measure])
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
                // Another file's figures (not of this name: those were compared above, or are replaced).
                for figure in toStore {
                    if let other = try Row.fetchOne(
                        db,
                        sql:
                            "SELECT i.name, f.line FROM own_figure f JOIN own_import i ON i.id = f.import_id WHERE f.code = ? AND f.period = ? AND f.measure = ? AND f.import_id NOT IN (\(familyList))",
                        arguments: [figure.code, figure.period.code, figure.measure])
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
                if replace && !familyIDs.isEmpty {
                    try db.execute(
                        sql: "DELETE FROM own_import WHERE id IN (\(familyList))")
                }
                try db.execute(
                    sql: "INSERT INTO own_import (name, path, sha256, decimal, imported_at, rows) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [storeAs, path, sha256, decimal, ISO8601DateFormatter().string(from: now), toStore.count])
                let id = db.lastInsertedRowID
                let insert = try db.cachedStatement(sql: "INSERT INTO own_figure VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                for figure in toStore {
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
                if family.isEmpty { return .imported }
                return replace ? .replaced(previousRows: replacedRows) : .added(figures: toStore.count, kept: kept, as: storeAs)
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
