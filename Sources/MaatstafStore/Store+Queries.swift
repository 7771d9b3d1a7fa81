import GRDB
public import MaatstafCore

extension Store {
    public func municipalities() throws -> [MunicipalityRecord] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM municipality ORDER BY code")
            for row in rows { try Self.verify(row, table: "municipality") }
            try Self.verifyCounts([IntegrityKey.municipality: rows.count], in: db)
            return try rows.map { try MunicipalityRecord(row: $0) }
        }
    }

    public func municipalityNames() throws -> [MunicipalityNameRecord] {
        try read { db in try MunicipalityNameRecord.fetchAll(db, sql: "SELECT * FROM municipality_name ORDER BY name") }
    }

    /// Classes and population for one year, or for every year when `year` is nil.
    public func municipalityYears(year: Int? = nil) throws -> [MunicipalityYearRecord] {
        try read { db in
            let rows =
                year == nil
                ? try Row.fetchAll(db, sql: "SELECT * FROM municipality_year ORDER BY year, code")
                : try Row.fetchAll(db, sql: "SELECT * FROM municipality_year WHERE year = ? ORDER BY code", arguments: [year])
            var counts: [String: Int] = [:]
            for row in rows {
                try Self.verify(row, table: "municipality_year")
                counts[IntegrityKey.municipalityYear(row["year"]), default: 0] += 1
            }
            try Self.verifyCounts(counts, in: db)
            return try rows.map { try MunicipalityYearRecord(row: $0) }
        }
    }

    /// Every municipality's structural traits (density, centre function, social structure), checked row by row.
    public func municipalityTraits() throws -> [MunicipalityTraitRecord] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM municipality_trait ORDER BY code, trait")
            for row in rows { try Self.verify(row, table: "municipality_trait") }
            if !rows.isEmpty { try Self.verifyCounts([IntegrityKey.municipalityTrait: rows.count], in: db) }
            return try rows.map { try MunicipalityTraitRecord(row: $0) }
        }
    }

    /// Every municipality's boundary per year as an SVG path on the Dutch grid (hectometres, north up): year → code →
    /// path. The rows are checked; the count is checked as a whole.
    public func municipalityShapes() throws -> [Int: [String: String]] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM municipality_shape ORDER BY year, code")
            for row in rows { try Self.verify(row, table: "municipality_shape") }
            if !rows.isEmpty { try Self.verifyCounts([IntegrityKey.municipalityShape: rows.count], in: db) }
            var shapes: [Int: [String: String]] = [:]
            for row in rows { shapes[row["year"] as Int, default: [:]][row["code"] as String] = row["path"] as String }
            return shapes
        }
    }

    /// The areas derived from boundaries (each municipality's jeugdregio), checked row by row.
    public func municipalityAreas() throws -> [MunicipalityAreaRecord] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM municipality_area ORDER BY code, kind")
            for row in rows { try Self.verify(row, table: "municipality_area") }
            if !rows.isEmpty { try Self.verifyCounts([IntegrityKey.municipalityArea: rows.count], in: db) }
            return try rows.map { try MunicipalityAreaRecord(row: $0) }
        }
    }

    /// The years for which classes and populations are known, ascending.
    public func classificationYears() throws -> [Int] {
        try read { db in try Int.fetchAll(db, sql: "SELECT DISTINCT year FROM municipality_year ORDER BY year") }
    }

    /// Every Iv3 document: the snapshot's, then those read from fetched CBS tables (a year and kind can be in both).
    public func iv3Documents() throws -> [Iv3DocumentRecord] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT year, kind, source, NULL AS "table" FROM iv3_document
                    UNION ALL SELECT year, kind, 'CBS ' || table_id, table_id FROM cbs_iv3_document
                    ORDER BY year, kind, 4
                    """
            ).map(Iv3DocumentRecord.init(row:))
        }
    }

    /// The tables holding a document: the snapshot's (`table` nil) or those of Iv3 read from a fetched CBS table.
    private static func iv3Tables(_ table: String?) -> (prefix: String, fetched: Bool) {
        table == nil ? ("iv3", false) : ("cbs_iv3", true)
    }

    public func iv3Taakvelden(year: Int, kind: Iv3DocumentKind, table: String? = nil) throws -> [Iv3TaakveldRecord] {
        let prefix = Self.iv3Tables(table).prefix
        return try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM \(prefix)_taakveld WHERE year = ? AND kind = ? ORDER BY rowid",
                arguments: [year, kind.rawValue]
            ).map(Iv3TaakveldRecord.init(row:))
        }
    }

    /// Amounts for the given taakvelden of one document, for every municipality (and `NL01`, the snapshot file's
    /// national total row).
    public func iv3Amounts(
        year: Int, kind: Iv3DocumentKind, taakvelden: [String], table: String? = nil
    ) throws -> [Iv3AmountRecord] {
        let (prefix, fetched) = Self.iv3Tables(table)
        return try read { db in
            let placeholders = databaseQuestionMarks(count: taakvelden.count)
            // Read column by column rather than through Codable: comparing every indicator reads this hundreds of times.
            // No ORDER BY: it would make SQLite walk the primary key (all taakvelden) instead of the taakveld index.
            // Every row is checked against its checksum, and the rows per taakveld against the count the snapshot
            // loader wrote: a changed number or a row lost from the index is damage, never a figure.
            let statement = try db.makeStatement(
                sql:
                    "SELECT year, kind, code, taakveld, baten, lasten, salaries, checksum FROM \(prefix)_amount WHERE year = ? AND kind = ? AND taakveld IN (\(placeholders))"
            )
            let rows = try Row.fetchCursor(
                statement,
                arguments: StatementArguments([year, kind.rawValue] as [any DatabaseValueConvertible])
                    + StatementArguments(taakvelden))
            var records: [Iv3AmountRecord] = []
            // Counted by taakveld and only then turned into integrity keys: making a key per row was a tenth of
            // the read.
            var perTaakveld = Dictionary(taakvelden.map { ($0, 0) }, uniquingKeysWith: { first, _ in first })
            // Each column is read from SQLite once, for the checksum and the record alike, straight from the
            // statement: through `Row`'s generic subscript the eight reads were half of this function's time.
            var values = [DatabaseValue](repeating: .null, count: 8)
            while try rows.next() != nil {
                for index in 0..<8 {
                    values[index] = DatabaseValue(sqliteStatement: statement.sqliteStatement, index: CInt(index))
                }
                try Self.verify(values, table: "\(prefix)_amount")
                // Past the checksum the types are the ones written (it covers each value's type).
                guard let code = String.fromDatabaseValue(values[2]), let taakveld = String.fromDatabaseValue(values[3])
                else {
                    throw StoreDamage(
                        reason: .en("a row of \(prefix)_amount has no code", nl: "een rij van \(prefix)_amount heeft geen code"))
                }
                let record = Iv3AmountRecord(
                    year: year, kind: kind, code: code, taakveld: taakveld, baten: Int.fromDatabaseValue(values[4]),
                    lasten: Int.fromDatabaseValue(values[5]), salaries: Int.fromDatabaseValue(values[6]))
                perTaakveld[record.taakveld, default: 0] += 1
                records.append(record)
            }
            var counts: [String: Int] = [:]
            for (taakveld, count) in perTaakveld {
                counts[IntegrityKey.iv3Amount(year, kind.rawValue, taakveld, fetched: fetched)] = count
            }
            try Self.verifyCounts(counts, in: db)
            return records
        }
    }

    /// The municipalities (codes) without an Iv3 delivery for one document: absent, never zero.
    public func iv3NoDelivery(year: Int, kind: Iv3DocumentKind, table: String? = nil) throws -> Set<String> {
        let (prefix, fetched) = Self.iv3Tables(table)
        return try read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT year, kind, code, checksum FROM \(prefix)_no_delivery WHERE year = ? AND kind = ?",
                arguments: [year, kind.rawValue])
            for row in rows { try Self.verify(row, table: "\(prefix)_no_delivery") }
            try Self.verifyCounts([IntegrityKey.iv3NoDelivery(year, kind.rawValue, fetched: fetched): rows.count], in: db)
            return Set(rows.map { $0["code"] as String })
        }
    }

    public func iv3Definitions(year: Int) throws -> [Iv3DefinitionRecord] {
        try read { db in
            try Iv3DefinitionRecord.fetchAll(
                db, sql: "SELECT * FROM iv3_definition WHERE year = ? ORDER BY rowid", arguments: [year])
        }
    }

    public func iv3DefinitionYears() throws -> [Int] {
        try read { db in try Int.fetchAll(db, sql: "SELECT DISTINCT year FROM iv3_definition ORDER BY year") }
    }

    /// The embedded files the store was loaded from, with their checksums.
    public func snapshotFiles() throws -> [(path: String, sha256: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT path, sha256 FROM snapshot_file ORDER BY path").map { ($0["path"], $0["sha256"]) }
        }
    }
}
