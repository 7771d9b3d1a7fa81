import GRDB

extension Store {
    public func municipalities() throws -> [MunicipalityRecord] {
        try read { db in try MunicipalityRecord.fetchAll(db, sql: "SELECT * FROM municipality ORDER BY code") }
    }

    public func municipalityNames() throws -> [MunicipalityNameRecord] {
        try read { db in try MunicipalityNameRecord.fetchAll(db, sql: "SELECT * FROM municipality_name ORDER BY name") }
    }

    /// Classes and population for one year, or for every year when `year` is nil.
    public func municipalityYears(year: Int? = nil) throws -> [MunicipalityYearRecord] {
        try read { db in
            if let year {
                return try MunicipalityYearRecord.fetchAll(
                    db, sql: "SELECT * FROM municipality_year WHERE year = ? ORDER BY code", arguments: [year])
            }
            return try MunicipalityYearRecord.fetchAll(db, sql: "SELECT * FROM municipality_year ORDER BY year, code")
        }
    }

    /// The years for which classes and populations are known, ascending.
    public func classificationYears() throws -> [Int] {
        try read { db in try Int.fetchAll(db, sql: "SELECT DISTINCT year FROM municipality_year ORDER BY year") }
    }

    public func iv3Documents() throws -> [Iv3DocumentRecord] {
        try read { db in try Iv3DocumentRecord.fetchAll(db, sql: "SELECT * FROM iv3_document ORDER BY year, kind") }
    }

    public func iv3Taakvelden(year: Int, kind: String) throws -> [Iv3TaakveldRecord] {
        try read { db in
            try Iv3TaakveldRecord.fetchAll(db, sql: "SELECT * FROM iv3_taakveld WHERE year = ? AND kind = ? ORDER BY rowid",
                                           arguments: [year, kind])
        }
    }

    /// Amounts for the given taakvelden of one document, for every municipality and the national total row.
    public func iv3Amounts(year: Int, kind: String, taakvelden: [String]) throws -> [Iv3AmountRecord] {
        try read { db in
            let placeholders = databaseQuestionMarks(count: taakvelden.count)
            // Read column by column rather than through Codable: comparing every indicator reads this hundreds of times.
            // No ORDER BY: it would make SQLite walk the primary key (all taakvelden) instead of the taakveld index.
            let rows = try Row.fetchCursor(
                db, sql: "SELECT code, taakveld, baten, lasten, salaries FROM iv3_amount WHERE year = ? AND kind = ? AND taakveld IN (\(placeholders))",
                arguments: StatementArguments([year, kind] as [any DatabaseValueConvertible]) + StatementArguments(taakvelden))
            var records: [Iv3AmountRecord] = []
            while let row = try rows.next() {
                records.append(Iv3AmountRecord(year: year, kind: kind, code: row[0], taakveld: row[1], baten: row[2],
                                               lasten: row[3], salaries: row[4]))
            }
            return records
        }
    }

    /// The municipalities (codes) without an Iv3 delivery for one document: absent, never zero.
    public func iv3NoDelivery(year: Int, kind: String) throws -> Set<String> {
        try read { db in
            Set(try String.fetchAll(db, sql: "SELECT code FROM iv3_no_delivery WHERE year = ? AND kind = ?",
                                    arguments: [year, kind]))
        }
    }

    public func iv3Definitions(year: Int) throws -> [Iv3DefinitionRecord] {
        try read { db in
            try Iv3DefinitionRecord.fetchAll(db, sql: "SELECT * FROM iv3_definition WHERE year = ? ORDER BY rowid", arguments: [year])
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
