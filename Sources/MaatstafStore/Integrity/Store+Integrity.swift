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
        try verify((0..<row.count).lazy.map { row[$0] as DatabaseValue }, table: table)
    }

    /// The same check on a row's values (the last is the stored checksum), read once by the caller or as they are
    /// iterated.
    static func verify(_ values: some BidirectionalCollection<DatabaseValue>, table: String) throws {
        var checksum = RowChecksum()
        for value in values.dropLast() { checksum.add(value) }
        guard let last = values.last, Int64.fromDatabaseValue(last) == checksum.value else {
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

    /// The checksum of one chunk of a fetched table's column (`cbs_chunk`): FNV-1a over 8-byte words rather than
    /// bytes — a streamed fetch checksums every byte it stores, and word by word costs an eighth of the steps.
    static func chunkChecksum(data: Data, status: Data?) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ bytes: Data) {
            bytes.withUnsafeBytes { raw in
                let words = raw.count / 8
                for word in 0..<words {
                    hash =
                        (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self)))
                        &* 0x100_0000_01b3
                }
                for byte in raw[(words * 8)...] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            }
            // The length closes each part, so bytes cannot move from data to status unseen.
            hash = (hash ^ UInt64(bytes.count)) &* 0x100_0000_01b3
        }
        add(data)
        if let status { add(status) } else { hash = (hash ^ 0xFF) &* 0x100_0000_01b3 }
        return Int64(bitPattern: hash)
    }

    /// The checksum of an `integrity` row.
    static func countChecksum(_ key: String, _ rows: Int) -> Int64 {
        var checksum = RowChecksum()
        checksum.add(key)
        checksum.add(rows)
        return checksum.value
    }
}
