public import Foundation
import GRDB
public import MaatstafCore
public import MaatstafSources

/// Writes one CBS table into the store as its pages arrive, in a single transaction from `begin` to `finish`.
///
/// Why a transaction left open across pages: the table must appear whole or not at all (a reader never sees half a
/// table, a failed fetch leaves the previous copy), yet holding the whole table in memory until it could be written
/// in one go cost 0.3 KB a row. Each page becomes one chunk per column as it comes; only the columns' dictionaries
/// (the distinct codes) grow with the table. If the process stops mid-way, SQLite rolls the transaction back when
/// the store is next opened.
public final class CBSTableWriter: CBSTableSink {
    private let store: Store
    private let catalog: String
    private let now: Date
    private let iv3: Iv3ThirdPartyTable?
    private var table: CBSTableInfo?
    private var dimensions: [CBSDataProperty] = []
    private var topics: [CBSDataProperty] = []
    private var codeDictionaries: [CBSColumnEncoding.CodeDictionary] = []
    private var textDictionaries: [CBSColumnEncoding.TextDictionary] = []
    private var chunks = 0
    private var open = false
    /// Rows written so far.
    public private(set) var rows = 0
    /// Cells per status byte (see `CBSColumnEncoding.code(of:)`), counted while encoding.
    private var tally = [Int](repeating: 0, count: 256)

    /// `iv3`: the Iv3 documents read from a table held whole, written in the same transaction; nil for any other
    /// table (documents read from an earlier copy of it go with that copy).
    init(store: Store, catalog: String, iv3: Iv3ThirdPartyTable? = nil, now: Date) {
        self.store = store
        self.catalog = catalog
        self.iv3 = iv3
        self.now = now
    }

    deinit { abandon() }

    /// Cells stored, by CBS status word (`ok`, `unknown`, `secret`, …), as `Store.cbsObservationCounts` gives them
    /// after the fact — without reading the table back.
    public var observationCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for (code, name) in CBSColumnEncoding.statusNames.enumerated() where tally[code] > 0 { counts[name] = tally[code] }
        return counts
    }

    /// Cells stored: rows × topics.
    public var cells: Int { rows * topics.count }

    public func begin(table: CBSTableInfo, properties: [CBSDataProperty]) throws {
        precondition(!open, "a table writer writes one table")
        self.table = table
        dimensions = properties.filter(\.isDimension)
        topics = properties.filter { $0.kind == .topic }
        codeDictionaries = Array(repeating: .init(), count: dimensions.count)
        textDictionaries = Array(repeating: .init(), count: topics.count)
        let id = table.identifier
        try write { db in
            try db.execute(sql: "BEGIN IMMEDIATE TRANSACTION")
            open = true
            try db.execute(sql: Store.writingCache)
            for sql in [
                "DELETE FROM cbs_code WHERE table_id = ?", "DELETE FROM cbs_chunk WHERE table_id = ?",
                "DELETE FROM cbs_column WHERE table_id = ?", "DELETE FROM cbs_property WHERE table_id = ?",
                "DELETE FROM cbs_response WHERE table_id = ?", "DELETE FROM cbs_table WHERE id = ?",
            ] {
                try db.execute(sql: sql, arguments: [id])
            }
            // The row count is set by `finish`; until then no reader can see this row (the transaction is open).
            try db.execute(
                sql: "INSERT INTO cbs_table VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    id, catalog, table.title, table.period, table.modified, table.recordCount, 0,
                    ISO8601DateFormatter().string(from: now),
                ])
            for property in properties where property.kind != .topicGroup {
                try db.execute(
                    sql: "INSERT INTO cbs_property VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        id, property.key, property.keyStem, property.kind.rawValue, property.title, property.unit,
                        property.decimals,
                    ])
            }
        }
    }

    public func append(codes: [[String]], values: [[CBSValue]]) throws {
        guard open, let id = table?.identifier else { return }
        precondition(codes.count == dimensions.count && values.count == topics.count, "columns do not match the table")
        let count = codes.first?.count ?? values.first?.count ?? 0
        guard count > 0 else { return }
        // Encoded before the statement runs: pure computation, one chunk per column.
        var blobs: [(data: Data, status: Data?)] = []
        blobs.reserveCapacity(codes.count + values.count)
        for index in codes.indices { blobs.append((codeDictionaries[index].encode(codes[index]), nil)) }
        for index in values.indices {
            let encoded = textDictionaries[index].encode(values[index], tally: &tally)
            blobs.append((encoded.data, encoded.status))
        }
        let chunk = chunks
        try write { db in
            let insert = try db.cachedStatement(sql: "INSERT INTO cbs_chunk VALUES (?, ?, ?, ?, ?, ?)")
            for (position, blob) in blobs.enumerated() {
                try insert.execute(arguments: [
                    id, position, chunk, blob.data, blob.status,
                    Store.chunkChecksum(data: blob.data, status: blob.status),
                ])
            }
        }
        chunks += 1
        rows += count
    }

    public func forEachStoredPage(_ body: ([[String]]) throws -> Void) throws {
        guard open, let id = table?.identifier else { return }
        let dictionaries = codeDictionaries.map(\.codes)
        for chunk in 0..<chunks {
            let page = try write { db in
                try Row.fetchAll(
                    db,
                    sql:
                        "SELECT position, data FROM cbs_chunk WHERE table_id = ? AND chunk = ? AND position < ? ORDER BY position",
                    arguments: [id, chunk, dimensions.count]
                ).map { try CBSColumnEncoding.decodeCodes(dictionary: dictionaries[$0["position"]], data: $0["data"]) }
            }
            try body(page)
        }
    }

    public func finish(codeLists: [String: [CBSDimensionCode]], responses: [(url: String, sha256: String)]) throws {
        guard open, let id = table?.identifier else { return }
        let region = dimensions.first { $0.kind == .geoDimension || $0.kind == .geoDetail }?.key
        let period = dimensions.first { $0.kind == .timeDimension }?.key
        let encoder = JSONEncoder()
        try write { db in
            try db.execute(sql: "UPDATE cbs_table SET rows = ? WHERE id = ?", arguments: [rows, id])
            for response in responses {
                try db.execute(sql: "INSERT INTO cbs_response VALUES (?, ?, ?)", arguments: [id, response.url, response.sha256])
            }
            let code = try db.makeStatement(sql: "INSERT OR IGNORE INTO cbs_code VALUES (?, ?, ?, ?, ?)")
            for (dimension, codes) in codeLists {
                for entry in codes { try code.execute(arguments: [id, dimension, entry.key, entry.title, entry.status]) }
            }
            let column = try db.makeStatement(sql: "INSERT INTO cbs_column VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            for (position, dimension) in dimensions.enumerated() {
                let role = dimension.key == region ? "region" : dimension.key == period ? "period" : "other"
                let dictionary = String(decoding: try encoder.encode(codeDictionaries[position].codes), as: UTF8.self)
                try column.execute(arguments: [
                    id, position, dimension.key, role, dictionary, Data(), nil,
                    Store.columnChecksum(dictionary: dictionary, data: Data(), status: nil),
                ])
            }
            for (index, topic) in topics.enumerated() {
                // A topic's texts (codes and names of a classification) go where a dimension keeps its codes.
                let texts = textDictionaries[index].texts
                let dictionary = texts.isEmpty ? nil : String(decoding: try encoder.encode(texts), as: UTF8.self)
                try column.execute(arguments: [
                    id, dimensions.count + index, topic.key, "topic", dictionary, Data(), nil,
                    Store.columnChecksum(dictionary: dictionary, data: Data(), status: nil),
                ])
            }
            // Its Iv3 documents; refetched as something else, the documents read from it before go with it.
            try Store.replaceFetchedIv3(iv3 ?? Iv3ThirdPartyTable(table: id, documents: []), in: db)
            try db.execute(sql: "COMMIT TRANSACTION")
            try db.execute(sql: Store.readingCache)
            open = false
        }
    }

    public func abandon() {
        guard open else { return }
        open = false
        try? store.database.writeWithoutTransaction { db in
            if db.isInsideTransaction { try db.execute(sql: "ROLLBACK TRANSACTION") }
            try db.execute(sql: Store.readingCache)
        }
    }

    /// One step of the transaction; a failure rolls the whole table back and says so.
    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try store.database.writeWithoutTransaction(body)
        } catch {
            abandon()
            let id = table?.identifier ?? "?"
            // Another process holding the store, or a damaged file: said as every store error says them.
            if let database = error as? DatabaseError,
                [.SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_CORRUPT, .SQLITE_NOTADB].contains(database.resultCode)
            {
                throw Store.storeError(
                    error, path: store.path,
                    action: .en("cannot store table \(id)", nl: "kan tabel \(id) niet opslaan"))
            }
            throw StoreError(
                .io, subject: store.path,
                reason: .en(
                    "cannot store table \(id) (\(Store.describe(error).en))",
                    nl: "kan tabel \(id) niet opslaan (\(Store.describe(error).nl))"),
                hint: .en(
                    "Check that the disk is not full; the previous copy of the table was kept",
                    nl: "Controleer of de schijf niet vol is; de vorige kopie van de tabel is bewaard"))
        }
    }
}

extension Store {
    /// A writer for one CBS table from `catalog`, to be driven by a source (`CBSODataV3Source.fetch`) or by
    /// `replaceCBSTable`.
    public func cbsTableWriter(catalog: String, now: Date = Date()) -> CBSTableWriter {
        CBSTableWriter(store: self, catalog: catalog, now: now)
    }
}
