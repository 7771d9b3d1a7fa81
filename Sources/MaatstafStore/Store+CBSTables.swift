import Foundation
import GRDB
import MaatstafSources

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
        case id, catalog, title, period, modified, recordCount = "record_count", rows, fetchedAt = "fetched_at"
    }
}

extension Store {
    /// Replaces the stored copy of one CBS table in a single transaction: if anything fails, the previous copy
    /// stays as it was.
    @discardableResult
    public func replaceCBSTable(_ set: CBSDataSet, catalog: String, now: Date = Date()) throws -> Int {
        let id = set.table.identifier
        let region = set.dimensions.first { $0.kind == .geoDimension || $0.kind == .geoDetail }?.key
        let period = set.dimensions.first { $0.kind == .timeDimension }?.key
        let others = set.dimensions.map(\.key).filter { $0 != region && $0 != period }
        let topics = set.topics.map(\.key)
        do {
            try database.write { db in
                try db.execute(sql: "DELETE FROM cbs_observation WHERE table_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM cbs_property WHERE table_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM cbs_response WHERE table_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM cbs_table WHERE id = ?", arguments: [id])
                try db.execute(sql: "INSERT INTO cbs_table VALUES (?, ?, ?, ?, ?, ?, ?, ?)", arguments: [
                    id, catalog, set.table.title, set.table.period, set.table.modified, set.table.recordCount,
                    set.rows.count, ISO8601DateFormatter().string(from: now),
                ])
                for response in set.responses {
                    try db.execute(sql: "INSERT INTO cbs_response VALUES (?, ?, ?)", arguments: [id, response.url, response.sha256])
                }
                for property in set.properties where property.kind != .topicGroup {
                    try db.execute(sql: "INSERT INTO cbs_property VALUES (?, ?, ?, ?, ?, ?, ?)", arguments: [
                        id, property.key, property.keyStem, property.kind.rawValue, property.title, property.unit, property.decimals,
                    ])
                }
                let insert = try db.cachedStatement(sql: "INSERT INTO cbs_observation VALUES (?, ?, ?, ?, ?, ?, ?)")
                for row in set.rows {
                    let other = others.map { "\($0)=\(row.dimensions[$0] ?? "")" }.joined(separator: "|")
                    let regionCode = region.flatMap { row.dimensions[$0] }
                    let periodCode = period.flatMap { row.dimensions[$0] }
                    for topic in topics {
                        let value = row.values[topic] ?? .unknown
                        insert.setUncheckedArguments([id, regionCode, periodCode, other, topic, value.number, Self.status(value)])
                        try insert.execute()
                    }
                }
            }
        } catch {
            throw StoreError(.io, subject: path, reason: "cannot store table \(id) (\(Self.describe(error)))",
                             hint: "Check that the disk is not full; the previous copy of the table was kept")
        }
        return set.rows.count * topics.count
    }

    static func status(_ value: CBSValue) -> String {
        switch value {
        case .number: "ok"
        case .unknown: "unknown"
        case .secret: "secret"
        case .notApplicable: "not-applicable"
        }
    }

    public func cbsTables() throws -> [CBSTableRecord] {
        try read { db in try CBSTableRecord.fetchAll(db, sql: "SELECT * FROM cbs_table ORDER BY id") }
    }

    /// Count of stored cells of a table by status, for `maatstaf fetch` and tests.
    public func cbsObservationCounts(table: String) throws -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM cbs_observation WHERE table_id = ? GROUP BY status",
                                        arguments: [table]) {
                counts[row["status"]] = row["n"]
            }
            return counts
        }
    }
}

/// One stored cell of a fetched CBS table.
public struct CBSCell: Sendable, Equatable {
    public var region: String
    public var topic: String
    public var value: Double?
    public var status: String
}

extension Store {
    /// The stored table's topics: stem (`WmoClienten`) → key (`WmoClienten_100`).
    public func cbsTopicKeys(table: String) throws -> [String: String] {
        try read { db in
            var keys: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, key_stem FROM cbs_property WHERE table_id = ? AND kind = 'Topic'",
                                        arguments: [table]) {
                keys[row["key_stem"]] = row["key"]
            }
            return keys
        }
    }

    /// The periods a stored table has (empty when it has no time dimension).
    public func cbsPeriods(table: String) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT period FROM cbs_observation WHERE table_id = ? AND period IS NOT NULL ORDER BY period",
                                arguments: [table])
        }
    }

    /// Municipal cells (`GM…` regions) of the given topics, in one period (or all when `period` is nil), for rows
    /// without other dimensions.
    public func cbsMunicipalCells(table: String, topics: [String], period: String?) throws -> [CBSCell] {
        try read { db in
            var sql = "SELECT region, topic, value, status FROM cbs_observation WHERE table_id = ? AND other = '' AND region LIKE 'GM%' AND topic IN (\(databaseQuestionMarks(count: topics.count)))"
            var arguments = StatementArguments([table]) + StatementArguments(topics)
            if let period {
                sql += " AND period = ?"
                arguments += [period]
            }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map {
                CBSCell(region: $0["region"], topic: $0["topic"], value: $0["value"], status: $0["status"])
            }
        }
    }

    /// The checksum of the first data response of a stored table, for provenance.
    public func cbsResponses(table: String) throws -> [(url: String, sha256: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT url, sha256 FROM cbs_response WHERE table_id = ? ORDER BY rowid", arguments: [table])
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
        case key, keyStem = "key_stem", kind, title, unit, decimals
    }
}

/// One stored cell with all its dimension codes, for `maatstaf export`.
public struct CBSExportRow: Sendable, Equatable {
    public var region: String?
    public var period: String?
    public var other: String
    public var topic: String
    public var value: Double?
    public var status: String
}

extension Store {
    public func cbsProperties(table: String) throws -> [CBSPropertyRecord] {
        try read { db in
            try CBSPropertyRecord.fetchAll(db, sql: "SELECT key, key_stem, kind, title, unit, decimals FROM cbs_property WHERE table_id = ? ORDER BY rowid",
                                           arguments: [table])
        }
    }

    public func cbsExportRows(table: String) throws -> [CBSExportRow] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT region, period, other, topic, value, status FROM cbs_observation WHERE table_id = ? ORDER BY rowid",
                             arguments: [table]).map {
                CBSExportRow(region: $0["region"], period: $0["period"], other: $0["other"], topic: $0["topic"],
                             value: $0["value"], status: $0["status"])
            }
        }
    }
}
