import GRDB
import MaatstafCore
import MaatstafSources

extension Store {
    /// Writes the Iv3 documents read from fetched table `table`, inside the caller's transaction: its earlier
    /// documents go, and a year and kind another fetched table held is taken over (one fetched copy per document).
    /// Rows carry checksums and their counts are recorded, as the snapshot's are.
    static func replaceFetchedIv3(_ iv3: Iv3ThirdPartyTable, in db: Database) throws {
        var replaced = try Row.fetchAll(
            db, sql: "SELECT year, kind FROM cbs_iv3_document WHERE table_id = ?", arguments: [iv3.table]
        ).map { (year: $0["year"] as Int, kind: $0["kind"] as String) }
        replaced += iv3.documents.map { (year: $0.year, kind: $0.kind.rawValue) }
        for (year, kind) in replaced {
            for table in ["cbs_iv3_document", "cbs_iv3_taakveld", "cbs_iv3_amount", "cbs_iv3_no_delivery"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE year = ? AND kind = ?", arguments: [year, kind])
            }
            try db.execute(
                sql: "DELETE FROM integrity WHERE key LIKE ?",
                arguments: ["\(IntegrityKey.fetchedPrefix)iv3\\_%|\(year)|\(kind)%"])
        }
        let insertAmount = try db.cachedStatement(sql: "INSERT INTO cbs_iv3_amount VALUES (?,?,?,?,?,?,?,?)")
        let insertTitle = try db.cachedStatement(sql: "INSERT INTO cbs_iv3_taakveld VALUES (?, ?, ?, ?)")
        let insertNoDelivery = try db.cachedStatement(sql: "INSERT INTO cbs_iv3_no_delivery VALUES (?, ?, ?, ?)")
        for document in iv3.documents {
            let kind = document.kind.rawValue
            try db.execute(
                sql: "INSERT INTO cbs_iv3_document VALUES (?, ?, ?)", arguments: [document.year, kind, iv3.table])
            for (taakveld, title) in document.taakvelden {
                try insertTitle.execute(arguments: [document.year, kind, taakveld, title])
            }
            var counts: [String: Int] = [:]
            for a in document.amounts {
                var checksum = RowChecksum()
                checksum.add(document.year)
                checksum.add(kind)
                checksum.add(a.code)
                checksum.add(a.taakveld)
                checksum.add(a.baten)
                checksum.add(a.lasten)
                checksum.add(a.salaries)
                try insertAmount.execute(arguments: [
                    document.year, kind, a.code, a.taakveld, a.baten, a.lasten, a.salaries, checksum.value,
                ])
                counts[IntegrityKey.iv3Amount(document.year, kind, a.taakveld, fetched: true), default: 0] += 1
            }
            for code in document.noDelivery {
                var checksum = RowChecksum()
                checksum.add(document.year)
                checksum.add(kind)
                checksum.add(code)
                try insertNoDelivery.execute(arguments: [document.year, kind, code, checksum.value])
                counts[IntegrityKey.iv3NoDelivery(document.year, kind, fetched: true), default: 0] += 1
            }
            for (key, rows) in counts {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO integrity VALUES (?, ?, ?)", arguments: [key, rows, countChecksum(key, rows)])
            }
        }
    }
}
