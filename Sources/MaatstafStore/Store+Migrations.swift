import Foundation
import GRDB

extension Store {
    /// The schema, one migration per change; never edit a migration that has shipped.
    /// How many migrations the store's schema has had: a copied store (a checkout's template) is used only by a
    /// binary with the same schema.
    public static var schemaVersion: Int { migrator.migrations.count }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 snapshot", migrate: v1Snapshot)
        migrator.registerMigration("v2 iv3 amounts by taakveld", migrate: v2Iv3AmountsByTaakveld)
        migrator.registerMigration("v3 cbs tables", migrate: v3CbsTables)
        migrator.registerMigration("v4 cbs tables in columns", migrate: v4CbsTablesInColumns)
        migrator.registerMigration("v5 cbs code lists", migrate: v5CbsCodeLists)
        migrator.registerMigration("v6 iv3 deliveries", migrate: v6Iv3Deliveries)
        migrator.registerMigration("v7 row checksums", migrate: v7RowChecksums)
        migrator.registerMigration("v8 iv3 from cbs", migrate: v8Iv3FromCbs)
        migrator.registerMigration("v9 own figures", migrate: v9OwnFigures)
        migrator.registerMigration("v10 municipality traits", migrate: v10MunicipalityTraits)
        migrator.registerMigration("v11 municipality areas", migrate: v11MunicipalityAreas)
        migrator.registerMigration("v12 municipality shapes", migrate: v12MunicipalityShapes)
        migrator.registerMigration("v13 cbs columns in chunks", migrate: v13CbsColumnsInChunks)
        migrator.registerMigration("v14 iv3 amounts read from their index", migrate: v14Iv3AmountsReadFromTheirIndex)
        migrator.registerMigration("v15 own definitions", migrate: v15OwnDefinitions)
        migrator.registerMigration("v16 fund files", migrate: v16FundFiles)
        migrator.registerMigration("v17 municipal history", migrate: v17MunicipalHistory)
        migrator.registerMigration("v18 derived values", migrate: v18DerivedValues)
        return migrator
    }

    private static func v1Snapshot(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                -- Every embedded file loaded, with its checksum: the provenance of every number.
                CREATE TABLE snapshot_file (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL);
                -- Current and dissolved municipalities; COROP, labour-market region and province as classified in
                -- the mapping file (one classification for all years).
                CREATE TABLE municipality (
                    code TEXT PRIMARY KEY, name TEXT NOT NULL, last_year INTEGER NOT NULL, current INTEGER NOT NULL,
                    corop_code TEXT NOT NULL, corop TEXT NOT NULL, amr_code TEXT NOT NULL, amr TEXT NOT NULL,
                    province_code TEXT NOT NULL, province TEXT NOT NULL);
                -- Every spelling a source file uses for a municipality.
                CREATE TABLE municipality_name (
                    name TEXT NOT NULL, code TEXT NOT NULL REFERENCES municipality(code), source TEXT NOT NULL,
                    PRIMARY KEY (name, code));
                -- Classes and population per year (population on 1 January).
                CREATE TABLE municipality_year (
                    year INTEGER NOT NULL, code TEXT NOT NULL REFERENCES municipality(code),
                    province TEXT NOT NULL, size_class TEXT NOT NULL, urbanity TEXT NOT NULL,
                    population INTEGER NOT NULL, source TEXT NOT NULL, PRIMARY KEY (year, code));
                -- Iv3 documents: which year, budget or accounts, from which file.
                CREATE TABLE iv3_document (
                    year INTEGER NOT NULL, kind TEXT NOT NULL, source TEXT NOT NULL, PRIMARY KEY (year, kind));
                CREATE TABLE iv3_taakveld (
                    year INTEGER NOT NULL, kind TEXT NOT NULL, taakveld TEXT NOT NULL, title TEXT NOT NULL,
                    PRIMARY KEY (year, kind, taakveld));
                -- Amounts in thousands of euros, exactly as reported; NULL when not reported (never 0).
                -- code is a GM code, or NL01 for the file's national total row.
                CREATE TABLE iv3_amount (
                    year INTEGER NOT NULL, kind TEXT NOT NULL, code TEXT NOT NULL, taakveld TEXT NOT NULL,
                    baten INTEGER, lasten INTEGER, salaries INTEGER,
                    PRIMARY KEY (year, kind, code, taakveld));
                -- CBS's official Iv3 code lists per year.
                CREATE TABLE iv3_definition (
                    year INTEGER NOT NULL, taakveld TEXT NOT NULL, title TEXT NOT NULL, parent TEXT,
                    PRIMARY KEY (year, taakveld));
                """)
    }

    private static func v2Iv3AmountsByTaakveld(_ db: Database) throws {
        // Indicators read a few taakvelden for every municipality; the primary key is by municipality first.
        try db.execute(sql: "CREATE INDEX iv3_amount_by_taakveld ON iv3_amount (year, kind, taakveld)")
    }

    private static func v3CbsTables(_ db: Database) throws {
        try db.execute(
            sql: """
                -- CBS StatLine tables fetched by the user, beside (never over) the embedded snapshot.
                CREATE TABLE cbs_table (
                    id TEXT PRIMARY KEY, catalog TEXT NOT NULL, title TEXT NOT NULL, period TEXT, modified TEXT,
                    record_count INTEGER, rows INTEGER NOT NULL, fetched_at TEXT NOT NULL);
                -- Every response the table was built from, with its checksum.
                CREATE TABLE cbs_response (
                    table_id TEXT NOT NULL REFERENCES cbs_table(id) ON DELETE CASCADE, url TEXT NOT NULL, sha256 TEXT NOT NULL);
                -- Dimensions and topics (DataProperties); key_stem drops CBS's numeric suffix.
                CREATE TABLE cbs_property (
                    table_id TEXT NOT NULL REFERENCES cbs_table(id) ON DELETE CASCADE, key TEXT NOT NULL,
                    key_stem TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL, unit TEXT, decimals INTEGER);
                -- One row per cell: region and period pulled out of the dimensions for lookups; the other dimension
                -- codes as key=code pairs joined by |. value is NULL whenever status is not 'ok' — never 0.
                CREATE TABLE cbs_observation (
                    table_id TEXT NOT NULL REFERENCES cbs_table(id) ON DELETE CASCADE, region TEXT, period TEXT,
                    other TEXT NOT NULL, topic TEXT NOT NULL, value REAL, status TEXT NOT NULL);
                CREATE INDEX cbs_observation_lookup ON cbs_observation (table_id, topic, period, region);
                """)
    }

    private static func v4CbsTablesInColumns(_ db: Database) throws {
        // A cell per SQLite row made storing a 200,000-row table cost seconds; tables are now kept as columns
        // (see CBSColumnEncoding). Tables stored the old way are dropped: `maatstaf fetch TABLE` restores them,
        // from the HTTP cache when it still holds the responses.
        try db.execute(
            sql: """
                DROP INDEX cbs_observation_lookup;
                DROP TABLE cbs_observation;
                DELETE FROM cbs_response;
                DELETE FROM cbs_property;
                DELETE FROM cbs_table;
                -- One row per dimension and per topic of a table. role: region, period, other (dimensions) or topic.
                -- Dimensions: dictionary holds the distinct codes (a JSON array), data one UInt32 index per row.
                -- Topics: data holds one Float64 per row, status one byte per row (0 ok, 1 unknown, 2 secret,
                -- 3 not applicable); the number of a cell that is not ok is never read — a missing value is never 0.
                CREATE TABLE cbs_column (
                    table_id TEXT NOT NULL REFERENCES cbs_table(id) ON DELETE CASCADE, position INTEGER NOT NULL,
                    key TEXT NOT NULL, role TEXT NOT NULL, dictionary TEXT, data BLOB NOT NULL, status BLOB,
                    PRIMARY KEY (table_id, key));
                """)
    }

    private static func v5CbsCodeLists(_ db: Database) throws {
        try db.execute(
            sql: """
                -- The code list of each dimension of a fetched table: titles, and for periods CBS's status
                -- (Definitief, Voorlopig, Nader voorlopig), so outputs can say which figures are provisional.
                CREATE TABLE cbs_code (
                    table_id TEXT NOT NULL REFERENCES cbs_table(id) ON DELETE CASCADE, dimension TEXT NOT NULL,
                    key TEXT NOT NULL, title TEXT NOT NULL, status TEXT, PRIMARY KEY (table_id, dimension, key));
                """)
    }

    private static func v6Iv3Deliveries(_ db: Database) throws {
        try db.execute(
            sql: """
                -- Municipalities without an Iv3 delivery for a document: the published files show them as rows of
                -- zeros, which are not figures. Their amounts are not stored; this table says why they are absent.
                CREATE TABLE iv3_no_delivery (
                    year INTEGER NOT NULL, kind TEXT NOT NULL, code TEXT NOT NULL, PRIMARY KEY (year, kind, code));
                -- Stores loaded before this rule hold those zeros as amounts: load the snapshot again.
                DELETE FROM store_meta WHERE key = 'snapshot';
                """)
    }

    private static func v7RowChecksums(_ db: Database) throws {
        try db.execute(
            sql: """
                -- A checksum per row (RowChecksum), checked on every read: a flipped byte in a number is caught.
                ALTER TABLE iv3_amount ADD COLUMN checksum INTEGER;
                ALTER TABLE municipality_year ADD COLUMN checksum INTEGER;
                ALTER TABLE municipality ADD COLUMN checksum INTEGER;
                ALTER TABLE cbs_column ADD COLUMN checksum INTEGER;
                ALTER TABLE iv3_no_delivery ADD COLUMN checksum INTEGER;
                -- How many rows each part of the snapshot has (with a checksum of its own): a row lost from an index
                -- would otherwise make a municipality silently absent.
                CREATE TABLE integrity (key TEXT PRIMARY KEY, rows INTEGER NOT NULL, checksum INTEGER NOT NULL);
                DELETE FROM store_meta WHERE key = 'snapshot';
                """)
        for row in try Row.fetchAll(db, sql: "SELECT rowid, dictionary, data, status FROM cbs_column") {
            let checksum = Store.columnChecksum(dictionary: row["dictionary"], data: row["data"], status: row["status"])
            try db.execute(
                sql: "UPDATE cbs_column SET checksum = ? WHERE rowid = ?", arguments: [checksum, row["rowid"] as Int64])
        }
    }

    private static func v8Iv3FromCbs(_ db: Database) throws {
        try db.execute(
            sql: """
                -- Iv3 documents read from a fetched CBS third-party table (dataderden), beside the snapshot's
                -- iv3_* tables and in the same layout; the table they came from is in cbs_table.
                CREATE TABLE cbs_iv3_document (
                    year INTEGER NOT NULL, kind TEXT NOT NULL,
                    table_id TEXT NOT NULL REFERENCES cbs_table(id) ON DELETE CASCADE, PRIMARY KEY (year, kind));
                CREATE TABLE cbs_iv3_taakveld (
                    year INTEGER NOT NULL, kind TEXT NOT NULL, taakveld TEXT NOT NULL, title TEXT NOT NULL,
                    PRIMARY KEY (year, kind, taakveld));
                CREATE TABLE cbs_iv3_amount (
                    year INTEGER NOT NULL, kind TEXT NOT NULL, code TEXT NOT NULL, taakveld TEXT NOT NULL,
                    baten INTEGER, lasten INTEGER, salaries INTEGER, checksum INTEGER,
                    PRIMARY KEY (year, kind, code, taakveld));
                CREATE INDEX cbs_iv3_amount_by_taakveld ON cbs_iv3_amount (year, kind, taakveld);
                CREATE TABLE cbs_iv3_no_delivery (
                    year INTEGER NOT NULL, kind TEXT NOT NULL, code TEXT NOT NULL, checksum INTEGER,
                    PRIMARY KEY (year, kind, code));
                """)
    }

    private static func v9OwnFigures(_ db: Database) throws {
        try db.execute(
            sql: """
                -- A municipality's own figures, imported from its files: one import per file name, with the file's
                -- checksum, so importing the same file again changes nothing and a changed file replaces it whole.
                CREATE TABLE own_import (
                    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, path TEXT NOT NULL, sha256 TEXT NOT NULL,
                    decimal TEXT NOT NULL, imported_at TEXT NOT NULL, rows INTEGER NOT NULL);
                -- One figure per municipality (GM code), CBS-style period (2021MM02) and measure.
                CREATE TABLE own_figure (
                    import_id INTEGER NOT NULL REFERENCES own_import(id) ON DELETE CASCADE,
                    code TEXT NOT NULL, period TEXT NOT NULL, measure TEXT NOT NULL, value REAL NOT NULL,
                    unit TEXT NOT NULL, note TEXT NOT NULL, line INTEGER NOT NULL, checksum INTEGER,
                    PRIMARY KEY (code, period, measure));
                CREATE INDEX own_figure_by_measure ON own_figure (measure, period);
                """)
    }

    private static func v10MunicipalityTraits(_ db: Database) throws {
        try db.execute(
            sql: """
                -- Structural traits of a municipality for nearest neighbours: a number (density) or a class on an
                -- ordered scale (value = its position); NULL value = the source has no class for it.
                CREATE TABLE municipality_trait (
                    code TEXT NOT NULL, trait TEXT NOT NULL, value REAL, label TEXT, source TEXT NOT NULL,
                    checksum INTEGER, PRIMARY KEY (code, trait));
                """)
    }

    private static func v11MunicipalityAreas(_ db: Database) throws {
        try db.execute(
            sql: """
                -- Areas a municipality belongs to that the snapshot derives from boundaries (kind 'jeugdregio'):
                -- the area's code and name, and the share of the municipality's sample points inside it.
                CREATE TABLE municipality_area (
                    code TEXT NOT NULL, kind TEXT NOT NULL, area_code TEXT NOT NULL, area_name TEXT NOT NULL,
                    share REAL NOT NULL, source TEXT NOT NULL, checksum INTEGER, PRIMARY KEY (code, kind));
                """)
    }

    private static func v12MunicipalityShapes(_ db: Database) throws {
        try db.execute(
            sql: """
                -- Each municipality's boundary in a year, projected to the Dutch grid (RD New) as an SVG path in
                -- hectometres: what the report's map draws.
                CREATE TABLE municipality_shape (
                    year INTEGER NOT NULL, code TEXT NOT NULL, path TEXT NOT NULL, source TEXT NOT NULL,
                    checksum INTEGER, PRIMARY KEY (year, code));
                """)
    }

    private static func v13CbsColumnsInChunks(_ db: Database) throws {
        try db.execute(
            sql: """
                -- A column's rows in chunks, so a table is written as its pages arrive instead of whole at the
                -- end (see CBSTableWriter): chunk 0, 1, … in row order, each with the checksum of its data and
                -- status. cbs_column keeps the dictionary (its data is now empty).
                CREATE TABLE cbs_chunk (
                    table_id TEXT NOT NULL REFERENCES cbs_table(id) ON DELETE CASCADE, position INTEGER NOT NULL,
                    chunk INTEGER NOT NULL, data BLOB NOT NULL, status BLOB, checksum INTEGER NOT NULL,
                    PRIMARY KEY (table_id, position, chunk));
                """)
        // Each stored column becomes one chunk. A column that no longer matched its checksum stays damaged: its
        // chunk gets a checksum that cannot match, so it is reported on reading, never laundered here. One column
        // at a time: a large table's columns together could be hundreds of megabytes.
        let columns = try Row.fetchAll(db, sql: "SELECT table_id, position FROM cbs_column").map {
            (table: $0["table_id"] as String, position: $0["position"] as Int)
        }
        for column in columns {
            guard
                let row = try Row.fetchOne(
                    db,
                    sql:
                        "SELECT table_id, position, dictionary, data, status, checksum FROM cbs_column WHERE table_id = ? AND position = ?",
                    arguments: [column.table, column.position])
            else { continue }
            let dictionary: String? = row["dictionary"]
            let data: Data = row["data"]
            let status: Data? = row["status"]
            let intact = row["checksum"] as Int64? == Store.columnChecksum(dictionary: dictionary, data: data, status: status)
            let chunkChecksum = Store.chunkChecksum(data: data, status: status)
            try db.execute(
                sql: "INSERT INTO cbs_chunk VALUES (?, ?, 0, ?, ?, ?)",
                arguments: [
                    row["table_id"] as String, row["position"] as Int, data, status,
                    intact ? chunkChecksum : ~chunkChecksum,
                ])
            try db.execute(
                sql: "UPDATE cbs_column SET data = x'', status = NULL, checksum = ? WHERE table_id = ? AND position = ?",
                arguments: [
                    Store.columnChecksum(dictionary: dictionary, data: Data(), status: nil), row["table_id"] as String,
                    row["position"] as Int,
                ])
        }
    }

    private static func v14Iv3AmountsReadFromTheirIndex(_ db: Database) throws {
        // The index by taakveld holds every column the engine reads, so an indicator's rows come from the index
        // alone instead of one look-up in the table per row (scripts/bench-compare: reading amounts was over a
        // quarter of comparing every indicator, and serialised the cores).
        for table in ["iv3_amount", "cbs_iv3_amount"] {
            try db.execute(sql: "DROP INDEX \(table)_by_taakveld")
            try db.execute(
                sql:
                    "CREATE INDEX \(table)_by_taakveld ON \(table) (year, kind, taakveld, code, baten, lasten, salaries, checksum)"
            )
        }
    }

    private static func v15OwnDefinitions(_ db: Database) throws {
        try db.execute(
            sql: """
                -- A measure's unit and definition as an exchange file (a benchmark club's) gives them, per import: a
                -- partner's figures are pooled only when they measure the same thing.
                CREATE TABLE own_definition (
                    import_id INTEGER NOT NULL REFERENCES own_import(id) ON DELETE CASCADE,
                    measure TEXT NOT NULL, unit TEXT NOT NULL, definition TEXT NOT NULL, checksum INTEGER,
                    PRIMARY KEY (import_id, measure));
                """)
    }

    private static func v16FundFiles(_ db: Database) throws {
        try db.execute(
            sql: """
                -- The files of a circulaire of the municipal fund, byte for byte with their sha256: from the snapshot
                -- (origin 'snapshot') or `maatstaf fund import` ('import'). Read and checked whole when used: they are
                -- small, and keeping them as published keeps every allocation traceable to them.
                CREATE TABLE fund_file (
                    circulaire TEXT NOT NULL, name TEXT NOT NULL, content BLOB NOT NULL, sha256 TEXT NOT NULL,
                    origin TEXT NOT NULL, imported_at TEXT NOT NULL, PRIMARY KEY (circulaire, name));
                """)
    }

    private static func v17MunicipalHistory(_ db: Database) throws {
        try db.execute(
            sql: """
                -- CBS's record of municipal changes: one region list (RegioS with its descriptions) byte for byte as
                -- fetched, with its sha256, read whole when a series is put on one year's boundaries. One row at most.
                CREATE TABLE municipal_history (
                    table_id TEXT NOT NULL, url TEXT NOT NULL, content BLOB NOT NULL, sha256 TEXT NOT NULL,
                    fetched_at TEXT NOT NULL);
                """)
    }

    /// The tables a derived value (the municipality atlas) is made from: a change to any of them moves the store's
    /// generation on, so a value made before is no longer used (`Store+DerivedValues`).
    static let derivedValueSources = [
        "municipality", "municipality_name", "municipality_year", "municipality_area", "municipality_trait",
        "municipal_history", "cbs_table", "cbs_property", "cbs_column", "cbs_chunk", "cbs_code", "cbs_response",
    ]

    private static func v18DerivedValues(_ db: Database) throws {
        try db.execute(
            sql: """
                -- Counts changes to the tables derived values are made from; one row. Moved on by the triggers below
                -- in the same transaction as the change, whichever code makes it.
                CREATE TABLE data_generation (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
                INSERT INTO data_generation VALUES (1, 0);
                -- A value made from the store (the municipality atlas), kept so that the next process reads it at
                -- once: valid only for the generation and the program build it was made with.
                CREATE TABLE derived_value (
                    name TEXT PRIMARY KEY, build TEXT NOT NULL, generation INTEGER NOT NULL, sha256 TEXT NOT NULL,
                    body BLOB NOT NULL);
                """)
        for table in derivedValueSources {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(
                    sql: """
                        CREATE TRIGGER \(table)_\(event.lowercased())_generation AFTER \(event) ON \(table)
                        BEGIN UPDATE data_generation SET value = value + 1; END;
                        """)
            }
        }
    }
}
