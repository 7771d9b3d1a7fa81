public import Foundation
import GRDB
public import MaatstafCore
public import MaatstafSources

extension Store {
    /// Replaces the stored copy of one CBS table held whole in memory, in a single transaction: if anything fails,
    /// the previous copy stays as it was. Returns the number of cells stored. `iv3`: the Iv3 documents read from the
    /// table, when it is a CBS Iv3 table; written in the same transaction. (A whole table that streams in goes
    /// through `cbsTableWriter` page by page instead.)
    @discardableResult
    public func replaceCBSTable(
        _ set: CBSDataSet, catalog: String, iv3: Iv3ThirdPartyTable? = nil, now: Date = Date()
    ) throws -> Int {
        let writer = CBSTableWriter(store: self, catalog: catalog, iv3: iv3, now: now)
        try writer.begin(table: set.table, properties: set.properties)
        // In chunks of the size a page has, so a table stored whole reads back like one that streamed in.
        let size = CBSODataV3Source.pageSize
        for start in stride(from: 0, to: set.rowCount, by: size) {
            let rows = start..<min(start + size, set.rowCount)
            try writer.append(codes: set.codes.map { Array($0[rows]) }, values: set.values.map { Array($0[rows]) })
        }
        try writer.finish(codeLists: set.codeLists, responses: set.responses)
        return writer.cells
    }

    public func cbsTables() throws -> [CBSTableRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM cbs_table ORDER BY id").map { row in
                CBSTableRecord(
                    id: row["id"], catalog: row["catalog"], title: row["title"], period: row["period"],
                    modified: row["modified"], recordCount: row["record_count"], rows: row["rows"],
                    fetchedAt: row["fetched_at"])
            }
        }
    }

    /// Count of stored cells of a table by status, for `maatstaf fetch` and tests.
    public func cbsObservationCounts(table: String) throws -> [String: Int] {
        try read { db in
            // Only the status bytes are needed: counted without decoding the numbers, a chunk at a time.
            var tally = [Int](repeating: 0, count: 256)
            let statuses = try Data.fetchCursor(
                db,
                sql: """
                    SELECT k.status FROM cbs_chunk k JOIN cbs_column c ON c.table_id = k.table_id AND c.position = k.position
                    WHERE k.table_id = ? AND c.role = 'topic'
                    """,
                arguments: [table])
            while let status = try statuses.next() {
                for byte in status { tally[Int(byte)] += 1 }
            }
            var counts: [String: Int] = [:]
            for (code, name) in CBSColumnEncoding.statusNames.enumerated() where tally[code] > 0 { counts[name] = tally[code] }
            return counts
        }
    }
}

extension Store {
    /// The columns of a stored table, all or only the named topics; a damaged column is an error naming the table.
    /// A column's chunks are checked one by one (checksum, order) and together (rows: as many as the table has).
    public func cbsColumns(table: String, topics wanted: [String]? = nil) throws -> CBSStoredColumns {
        try read { db in
            var columns = CBSStoredColumns(dimensions: [], topics: [])
            let rows = try Int.fetchOne(db, sql: "SELECT rows FROM cbs_table WHERE id = ?", arguments: [table]) ?? 0
            for row in try Row.fetchAll(
                db,
                sql:
                    "SELECT position, key, role, dictionary, data, status, checksum FROM cbs_column WHERE table_id = ? ORDER BY position",
                arguments: [table])
            {
                let key: String = row["key"]
                let role: String = row["role"]
                guard
                    row["checksum"] as Int64?
                        == Store.columnChecksum(dictionary: row["dictionary"], data: row["data"], status: row["status"])
                else { throw Self.damagedColumn(key, table) }
                if role == "topic" && !(wanted.map { $0.contains(key) } ?? true) { continue }
                let (data, status) = try Self.chunks(of: row["position"], table: table, key: key, rows: rows, in: db)
                do {
                    if role == "topic" {
                        let texts = try (row["dictionary"] as String?).map {
                            try JSONDecoder().decode([String].self, from: Data($0.utf8))
                        }
                        columns.topics.append(
                            (key, try CBSColumnEncoding.decodeValues(data: data, status: status ?? Data(), texts: texts)))
                    } else {
                        let dictionary = try JSONDecoder().decode(
                            [String].self, from: Data((row["dictionary"] as String? ?? "[]").utf8))
                        columns.dimensions.append(
                            .init(
                                key: key, role: role, codes: try CBSColumnEncoding.decodeCodes(dictionary: dictionary, data: data)
                            ))
                    }
                } catch {
                    throw StoreError(
                        .corrupt, subject: path,
                        reason: .en(
                            "column \(key) of CBS table \(table) is damaged",
                            nl: "kolom \(key) van CBS-tabel \(table) is beschadigd"),
                        hint: .en(
                            "Fetch the table again: \(action: .fetchTable(table))",
                            nl: "Haal de tabel opnieuw op: \(action: .fetchTable(table))"))
                }
            }
            return columns
        }
    }

    /// A column's chunks joined in row order, each checked against its checksum; a chunk missing, out of order or
    /// the wrong length for the table's rows is damage, never a shorter column.
    private static func chunks(of position: Int, table: String, key: String, rows: Int, in db: Database) throws -> (
        data: Data, status: Data?
    ) {
        var data = Data()
        var status: Data?
        var expected = 0
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT chunk, data, status, checksum FROM cbs_chunk WHERE table_id = ? AND position = ? ORDER BY chunk",
            arguments: [table, position])
        while let chunk = try cursor.next() {
            let bytes: Data = chunk["data"]
            let states: Data? = chunk["status"]
            guard chunk["chunk"] as Int == expected,
                chunk["checksum"] as Int64 == Store.chunkChecksum(data: bytes, status: states)
            else { throw damagedColumn(key, table) }
            if expected == 0 {
                data.reserveCapacity(rows * (states == nil ? 4 : 8))
                if states != nil {
                    status = Data()
                    status?.reserveCapacity(rows)
                }
            }
            data.append(bytes)
            if let states { status?.append(states) }
            expected += 1
        }
        let width = status == nil ? 4 : 8
        guard data.count == rows * width, status.map({ $0.count == rows }) ?? true else { throw damagedColumn(key, table) }
        return (data, status)
    }

    private static func damagedColumn(_ key: String, _ table: String) -> StoreDamage {
        StoreDamage(
            reason: .en(
                "column \(key) of CBS table \(table) does not match its checksum",
                nl: "kolom \(key) van CBS-tabel \(table) klopt niet met haar controlesom"))
    }
}

extension Store {
    /// The stored table's topics: stem (`WmoClienten`) → key (`WmoClienten_100`).
    public func cbsTopicKeys(table: String) throws -> [String: String] {
        try read { db in
            var keys: [String: String] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT key, key_stem FROM cbs_property WHERE table_id = ? AND kind = 'Topic'",
                arguments: [table])
            {
                keys[row["key_stem"]] = row["key"]
            }
            return keys
        }
    }

    /// The periods a stored table has (empty when it has no time dimension).
    public func cbsPeriods(table: String) throws -> [String] {
        try read { db in
            guard
                let dictionary = try String.fetchOne(
                    db, sql: "SELECT dictionary FROM cbs_column WHERE table_id = ? AND role = 'period'",
                    arguments: [table])
            else { return [] }
            return (try? JSONDecoder().decode([String].self, from: Data(dictionary.utf8)))?.sorted() ?? []
        }
    }

    /// Per dimension other than region and period: the codes the stored rows use. After a filtered fetch these are
    /// the codes asked for, which may be fewer than the code list holds.
    public func cbsCodesInRows(table: String) throws -> [String: [String]] {
        try read { db in
            var codes: [String: [String]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT key, dictionary FROM cbs_column WHERE table_id = ? AND role = 'other'",
                arguments: [table])
            {
                codes[row["key"]] =
                    (try? JSONDecoder().decode([String].self, from: Data((row["dictionary"] as String? ?? "[]").utf8))) ?? []
            }
            return codes
        }
    }

    /// The checksum of the first data response of a stored table, for provenance.
    public func cbsResponses(table: String) throws -> [(url: String, sha256: String)] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT url, sha256 FROM cbs_response WHERE table_id = ? ORDER BY rowid", arguments: [table]
            )
            .map { ($0["url"], $0["sha256"]) }
        }
    }
}

extension Store {
    /// A dimension's code list as fetched (empty when CBS served none).
    public func cbsCodes(table: String, dimension: String) throws -> [CBSDimensionCode] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT key, title, status FROM cbs_code WHERE table_id = ? AND dimension = ? ORDER BY rowid",
                arguments: [table, dimension]
            ).map { CBSDimensionCode(key: $0["key"], title: $0["title"], status: $0["status"]) }
        }
    }

    /// Per dimension: how many distinct codes the stored rows use, and how many the code list holds.
    public func cbsCodeCounts(table: String) throws -> [String: (used: Int, listed: Int)] {
        try read { db in
            var counts: [String: (used: Int, listed: Int)] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT c.key, json_array_length(c.dictionary) AS used,
                           (SELECT COUNT(*) FROM cbs_code k WHERE k.table_id = c.table_id AND k.dimension = c.key) AS listed
                    FROM cbs_column c WHERE c.table_id = ? AND c.role != 'topic'
                    """, arguments: [table])
            {
                counts[row["key"]] = (row["used"], row["listed"])
            }
            return counts
        }
    }

    public func cbsProperties(table: String) throws -> [CBSPropertyRecord] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT key, key_stem, kind, title, unit, decimals FROM cbs_property WHERE table_id = ? ORDER BY rowid",
                arguments: [table]
            ).map {
                CBSPropertyRecord(
                    key: $0["key"], keyStem: $0["key_stem"], kind: $0["kind"], title: $0["title"], unit: $0["unit"],
                    decimals: $0["decimals"])
            }
        }
    }
}
