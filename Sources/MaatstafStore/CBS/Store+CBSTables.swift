public import Foundation
public import GRDB
import MaatstafCore
public import MaatstafSources

/// A fetched CBS table as the store lists it.
public struct CBSTableRecord: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: String
    public var catalog: String
    public var title: String
    public var period: String?
    public var modified: String?
    public var recordCount: Int?
    public var rows: Int
    public var fetchedAt: String

    enum CodingKeys: String, CodingKey {
        case id, catalog, title, period, modified
        case recordCount = "record_count"
        case rows
        case fetchedAt = "fetched_at"
    }
}

extension Store {
    /// Replaces the stored copy of one CBS table in a single transaction: if anything fails, the previous copy
    /// stays as it was. Returns the number of cells stored.
    @discardableResult
    /// `iv3`: the Iv3 documents read from the table, when it is a CBS Iv3 table; written in the same transaction.
    public func replaceCBSTable(
        _ set: CBSDataSet, catalog: String, iv3: Iv3ThirdPartyTable? = nil, now: Date = Date()
    ) throws -> Int {
        let id = set.table.identifier
        let dimensions = set.dimensions
        let region = dimensions.first { $0.kind == .geoDimension || $0.kind == .geoDetail }?.key
        let period = dimensions.first { $0.kind == .timeDimension }?.key
        // Encoding is pure computation: done before the write transaction, so the database is locked only briefly.
        let dimensionColumns = dimensions.enumerated().map { index, dimension in
            (
                dimension.key, dimension.key == region ? "region" : dimension.key == period ? "period" : "other",
                CBSColumnEncoding.encode(codes: set.codes[index])
            )
        }
        let topicColumns = set.topics.enumerated().map { index, topic in
            (topic.key, CBSColumnEncoding.encode(values: set.values[index]))
        }
        do {
            try database.write { db in
                try db.execute(sql: "DELETE FROM cbs_code WHERE table_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM cbs_column WHERE table_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM cbs_property WHERE table_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM cbs_response WHERE table_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM cbs_table WHERE id = ?", arguments: [id])
                try db.execute(
                    sql: "INSERT INTO cbs_table VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        id, catalog, set.table.title, set.table.period, set.table.modified, set.table.recordCount,
                        set.rowCount, ISO8601DateFormatter().string(from: now),
                    ])
                for response in set.responses {
                    try db.execute(
                        sql: "INSERT INTO cbs_response VALUES (?, ?, ?)", arguments: [id, response.url, response.sha256])
                }
                for property in set.properties where property.kind != .topicGroup {
                    try db.execute(
                        sql: "INSERT INTO cbs_property VALUES (?, ?, ?, ?, ?, ?, ?)",
                        arguments: [
                            id, property.key, property.keyStem, property.kind.rawValue, property.title, property.unit,
                            property.decimals,
                        ])
                }
                let code = try db.makeStatement(sql: "INSERT OR IGNORE INTO cbs_code VALUES (?, ?, ?, ?, ?)")
                for (dimension, codes) in set.codeLists {
                    for entry in codes { try code.execute(arguments: [id, dimension, entry.key, entry.title, entry.status]) }
                }
                let insert = try db.makeStatement(sql: "INSERT INTO cbs_column VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                for (position, column) in dimensionColumns.enumerated() {
                    let dictionary = String(decoding: try JSONEncoder().encode(column.2.dictionary), as: UTF8.self)
                    try insert.execute(arguments: [
                        id, position, column.0, column.1, dictionary, column.2.data, nil,
                        Store.columnChecksum(dictionary: dictionary, data: column.2.data, status: nil),
                    ])
                }
                for (position, column) in topicColumns.enumerated() {
                    // A topic's texts (codes and names of a classification) go where a dimension keeps its codes.
                    let texts = try column.1.texts.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
                    try insert.execute(arguments: [
                        id, dimensionColumns.count + position, column.0, "topic", texts,
                        column.1.data, column.1.status,
                        Store.columnChecksum(dictionary: texts, data: column.1.data, status: column.1.status),
                    ])
                }
                // Its Iv3 documents; refetched as something else, the documents read from it before go with it.
                try Self.replaceFetchedIv3(iv3 ?? Iv3ThirdPartyTable(table: id, documents: []), in: db)
            }
        } catch {
            throw StoreError(
                .io, subject: path,
                reason: .en(
                    "cannot store table \(id) (\(Self.describe(error).en))",
                    nl: "kan tabel \(id) niet opslaan (\(Self.describe(error).nl))"),
                hint: .en(
                    "Check that the disk is not full; the previous copy of the table was kept",
                    nl: "Controleer of de schijf niet vol is; de vorige kopie van de tabel is bewaard"))
        }
        return set.rowCount * topicColumns.count
    }

    public func cbsTables() throws -> [CBSTableRecord] {
        try read { db in try CBSTableRecord.fetchAll(db, sql: "SELECT * FROM cbs_table ORDER BY id") }
    }

    /// Count of stored cells of a table by status, for `maatstaf fetch` and tests.
    public func cbsObservationCounts(table: String) throws -> [String: Int] {
        try read { db in
            // Only the status bytes are needed: counted without decoding the numbers.
            var tally = [Int](repeating: 0, count: 256)
            for status in try Data.fetchAll(
                db, sql: "SELECT status FROM cbs_column WHERE table_id = ? AND role = 'topic'",
                arguments: [table])
            {
                for byte in status { tally[Int(byte)] += 1 }
            }
            var counts: [String: Int] = [:]
            for (code, name) in CBSColumnEncoding.statusNames.enumerated() where tally[code] > 0 { counts[name] = tally[code] }
            return counts
        }
    }
}

/// A stored table read back into columns, in the order CBS served its rows.
public struct CBSStoredColumns: Sendable {
    public struct Dimension: Sendable {
        public var key: String
        /// `region`, `period` or `other`.
        public var role: String
        /// One trimmed code per row.
        public var codes: [String]

        public init(key: String, role: String, codes: [String]) {
            self.key = key
            self.role = role
            self.codes = codes
        }
    }

    public var dimensions: [Dimension]
    public var topics: [(key: String, values: [CBSValue])]

    public init(dimensions: [Dimension], topics: [(key: String, values: [CBSValue])]) {
        self.dimensions = dimensions
        self.topics = topics
    }
    public var rowCount: Int { dimensions.first?.codes.count ?? topics.first?.values.count ?? 0 }
}

extension Store {
    /// The columns of a stored table, all or only the named topics; a damaged column is an error naming the table.
    public func cbsColumns(table: String, topics wanted: [String]? = nil) throws -> CBSStoredColumns {
        try read { db in
            var columns = CBSStoredColumns(dimensions: [], topics: [])
            for row in try Row.fetchAll(
                db,
                sql: "SELECT key, role, dictionary, data, status, checksum FROM cbs_column WHERE table_id = ? ORDER BY position",
                arguments: [table])
            {
                let key: String = row["key"]
                let role: String = row["role"]
                guard
                    row["checksum"] as Int64?
                        == Store.columnChecksum(dictionary: row["dictionary"], data: row["data"], status: row["status"])
                else {
                    throw StoreDamage(
                        reason: .en(
                            "column \(key) of CBS table \(table) does not match its checksum",
                            nl: "kolom \(key) van CBS-tabel \(table) klopt niet met haar controlesom"))
                }
                do {
                    if role == "topic" {
                        guard wanted.map({ $0.contains(key) }) ?? true else { continue }
                        let texts = try (row["dictionary"] as String?).map {
                            try JSONDecoder().decode([String].self, from: Data($0.utf8))
                        }
                        columns.topics.append(
                            (key, try CBSColumnEncoding.decodeValues(data: row["data"], status: row["status"], texts: texts)))
                    } else {
                        let dictionary = try JSONDecoder().decode(
                            [String].self, from: Data((row["dictionary"] as String? ?? "[]").utf8))
                        columns.dimensions.append(
                            .init(
                                key: key, role: role,
                                codes: try CBSColumnEncoding.decodeCodes(dictionary: dictionary, data: row["data"])))
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

/// A topic or dimension of a fetched table.
public struct CBSPropertyRecord: Sendable, Equatable, FetchableRecord, Decodable {
    public var key: String
    public var keyStem: String
    public var kind: String
    public var title: String
    public var unit: String?
    public var decimals: Int?

    enum CodingKeys: String, CodingKey {
        case key
        case keyStem = "key_stem"
        case kind, title, unit, decimals
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
            try CBSPropertyRecord.fetchAll(
                db, sql: "SELECT key, key_stem, kind, title, unit, decimals FROM cbs_property WHERE table_id = ? ORDER BY rowid",
                arguments: [table])
        }
    }
}
