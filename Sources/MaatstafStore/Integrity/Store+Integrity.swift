import Foundation
import GRDB
import MaatstafCore

extension Store {
    /// Keys of the `integrity` table: how many rows each part of the snapshot (and of Iv3 read from a fetched
    /// CBS table, `cbs_` keys) has.
    enum IntegrityKey {
        static let municipality = "municipality"
        static let municipalityTrait = "municipality_trait"
        static let municipalityArea = "municipality_area"
        static let municipalityShape = "municipality_shape"
        /// Keys of Iv3 from fetched tables start with this; a reload of the snapshot keeps them.
        static let fetchedPrefix = "cbs_"
        static func municipalityYear(_ year: Int) -> String { "municipality_year|\(year)" }
        static func iv3Amount(_ year: Int, _ kind: String, _ taakveld: String, fetched: Bool = false) -> String {
            "\(fetched ? fetchedPrefix : "")iv3_amount|\(year)|\(kind)|\(taakveld)"
        }
        static func iv3NoDelivery(_ year: Int, _ kind: String, fetched: Bool = false) -> String {
            "\(fetched ? fetchedPrefix : "")iv3_no_delivery|\(year)|\(kind)"
        }
    }

    /// Throws `StoreDamage` unless the row's fields (all but the last column) match its checksum (the last column).
    static func verify(_ row: Row, table: String) throws {
        let count = row.count
        var checksum = RowChecksum()
        for index in 0..<(count - 1) { checksum.add(row[index] as DatabaseValue) }
        let stored: Int64? = row[count - 1]
        guard stored == checksum.value else {
            throw StoreDamage(
                reason: .en(
                    "a row of \(table) does not match its checksum", nl: "een rij van \(table) klopt niet met haar controlesom"))
        }
    }

    /// Throws `StoreDamage` unless `actual` rows were read for each key, as the snapshot loader recorded.
    static func verifyCounts(_ actual: [String: Int], in db: Database) throws {
        guard !actual.isEmpty else { return }
        var recorded: [String: Int] = [:]
        let keys = Array(actual.keys)
        for row in try Row.fetchAll(
            db, sql: "SELECT key, rows, checksum FROM integrity WHERE key IN (\(databaseQuestionMarks(count: keys.count)))",
            arguments: StatementArguments(keys))
        {
            let key: String = row[0]
            let rows: Int = row[1]
            let checksum: Int64 = row[2]
            guard checksum == countChecksum(key, rows) else {
                throw StoreDamage(
                    reason: .en(
                        "the row count of \(key) does not match its checksum",
                        nl: "het aantal rijen van \(key) klopt niet met de controlesom"))
            }
            recorded[key] = rows
        }
        for (key, rows) in actual where (recorded[key] ?? 0) != rows {
            throw StoreDamage(
                reason: .en(
                    "\(rows) rows of \(key) were read where the snapshot loader wrote \(recorded[key].map(String.init) ?? "none")",
                    nl:
                        "\(rows) rijen van \(key) gelezen waar de snapshotlader er \(recorded[key].map(String.init) ?? "geen") schreef"
                )
            )
        }
    }

    /// The checksum of a fetched table's column (dictionary, data and status together).
    static func columnChecksum(dictionary: String?, data: Data?, status: Data?) -> Int64 {
        var checksum = RowChecksum()
        checksum.add(dictionary)
        checksum.add(data)
        checksum.add(status)
        return checksum.value
    }

    /// The checksum of an `integrity` row.
    static func countChecksum(_ key: String, _ rows: Int) -> Int64 {
        var checksum = RowChecksum()
        checksum.add(key)
        checksum.add(rows)
        return checksum.value
    }
}
