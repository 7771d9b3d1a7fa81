import Foundation
import GRDB
import MaatstafCore
import MaatstafSources
import MaatstafTestServer
import Testing

@testable import MaatstafStore

/// Fetched CBS tables in the store, kept as columns: a synthetic table (not statistics) written and read back.
@Suite("CBS tables in the store")
struct CBSColumnStoreTests {
    static func synthetic() -> CBSDataSet {
        let properties = [
            CBSDataProperty(
                id: 0, parentID: nil, kind: .geoDimension, key: "RegioS", title: "Regio", unit: nil, decimals: nil, datatype: nil),
            CBSDataProperty(
                id: 1, parentID: nil, kind: .dimension, key: "Geslacht", title: "Geslacht", unit: nil, decimals: nil,
                datatype: nil),
            CBSDataProperty(
                id: 2, parentID: nil, kind: .timeDimension, key: "Perioden", title: "Perioden", unit: nil, decimals: nil,
                datatype: nil),
            CBSDataProperty(
                id: 3, parentID: nil, kind: .topic, key: "Aantal_1", title: "Aantal", unit: "aantal", decimals: 0,
                datatype: "Long"),
        ]
        var set = CBSDataSet(
            table: CBSTableInfo(
                identifier: "SYNTH03", title: "Synthetic", shortTitle: nil, period: nil,
                modified: nil, recordCount: 4),
            properties: properties, responses: [(url: "http://127.0.0.1/x", sha256: String(repeating: "0", count: 64))])
        set.append(
            codes: [
                ["GM0293", "GM0293", "NL01", "GM0226"], ["M", "V", "M", "M"], ["2023JJ00", "2023JJ00", "2024JJ00", "2023JJ00"],
            ],
            values: [[.number(-0.25), .secret, .number(1e9), .unknown]])
        return set
    }

    @Test("written and read back: export order, statuses, periods, counts; a missing value stays missing")
    func roundTrip() throws {
        let store = try Store.inMemory()
        #expect(try store.replaceCBSTable(Self.synthetic(), catalog: "test") == 4)
        let columns = try store.cbsColumns(table: "SYNTH03")
        #expect(columns.dimensions.map(\.role) == ["region", "other", "period"])
        #expect(columns.dimensions[0].codes == ["GM0293", "GM0293", "NL01", "GM0226"])
        #expect(columns.dimensions[1].codes == ["M", "V", "M", "M"])
        #expect(columns.topics.map(\.key) == ["Aantal_1"])
        #expect(columns.topics[0].values == [.number(-0.25), .secret, .number(1e9), .unknown])
        #expect(try store.cbsPeriods(table: "SYNTH03") == ["2023JJ00", "2024JJ00"])
        #expect(try store.cbsObservationCounts(table: "SYNTH03") == ["ok": 2, "secret": 1, "unknown": 1])
    }

    @Test("text cells (a classification's codes and names) are kept as text beside numbers and statuses")
    func textCells() throws {
        var set = Self.synthetic()
        set.properties.append(
            CBSDataProperty(
                id: 4, parentID: nil, kind: .topic, key: "Code_10", title: "COROP-code", unit: nil, decimals: nil,
                datatype: "String"))
        var fresh = CBSDataSet(table: set.table, properties: set.properties, responses: set.responses)
        fresh.append(
            codes: set.codes,
            values: set.values + [[.text("CR15"), .text("CR15"), .unknown, .text("Arnhem/Nijmegen, \"quoted\"")]])
        let store = try Store.inMemory()
        _ = try store.replaceCBSTable(fresh, catalog: "test")
        let columns = try store.cbsColumns(table: "SYNTH03")
        #expect(columns.topics.map(\.key) == ["Aantal_1", "Code_10"])
        #expect(columns.topics[1].values == [.text("CR15"), .text("CR15"), .unknown, .text("Arnhem/Nijmegen, \"quoted\"")])
        #expect(columns.topics[0].values == [.number(-0.25), .secret, .number(1e9), .unknown])
    }

    @Test("a damaged column is caught by its checksum: an error, never a figure")
    func damagedColumn() throws {
        let store = try Store.inMemory()
        try store.replaceCBSTable(Self.synthetic(), catalog: "test")
        try store.database.write { db in
            try db.execute(sql: "UPDATE cbs_column SET status = x'07070707' WHERE key = 'Aantal_1'")
        }
        let error = #expect(throws: StoreError.self) { try store.cbsColumns(table: "SYNTH03") }
        #expect(error?.kind == .damaged)
        #expect(error?.reason.en.contains("column Aantal_1 of CBS table SYNTH03 does not match its checksum") == true)

    }

    /// A table of 25,000 rows: three chunks per column (pages of 10,000).
    static func chunked() -> CBSDataSet {
        var set = CBSDataSet(
            table: CBSTableInfo(
                identifier: "SYNTH04", title: "Synthetic", shortTitle: nil, period: nil, modified: nil, recordCount: 25_000),
            properties: synthetic().properties, responses: [])
        let rows = 0..<25_000
        set.append(
            codes: [rows.map { "GM\($0 % 400)" }, rows.map { $0 % 2 == 0 ? "M" : "V" }, rows.map { "\(1900 + $0 / 800)JJ00" }],
            values: [rows.map { $0 % 11 == 0 ? .secret : .number(Double($0) / 8) }])
        return set
    }

    @Test("a column in chunks: a byte changed in one chunk, or a chunk gone, is damage — never a shorter or other column")
    func damagedChunk() throws {
        let set = Self.chunked()
        for damage in [
            "UPDATE cbs_chunk SET status = x'03' || substr(status, 2) WHERE position = 3 AND chunk = 1",
            "DELETE FROM cbs_chunk WHERE position = 3 AND chunk = 2",
            "DELETE FROM cbs_chunk WHERE position = 0 AND chunk = 1",
            "UPDATE cbs_chunk SET chunk = 5 WHERE position = 1 AND chunk = 2",
        ] {
            let store = try Store.inMemory()
            try store.replaceCBSTable(set, catalog: "test")
            let stored = try store.cbsColumns(table: "SYNTH04")
            #expect(stored.dimensions.map(\.codes) == set.codes && stored.topics.map(\.values) == set.values)
            #expect(try store.database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM cbs_chunk") } == 4 * 3)
            try store.database.write { try $0.execute(sql: damage) }
            do {
                _ = try store.cbsColumns(table: "SYNTH04")
                Issue.record("no error after: \(damage)")
            } catch let error as StoreError {
                #expect(error.kind == .damaged, "\(damage)")
            }
        }
    }

    @Test("a writer abandoned midway (a failed fetch) leaves the stored copy as it was, and the store writable")
    func abandonedWriter() throws {
        let store = try Store.inMemory()
        try store.replaceCBSTable(Self.synthetic(), catalog: "test")
        let writer = store.cbsTableWriter(catalog: "test")
        let set = Self.chunked()
        try writer.begin(
            table: CBSTableInfo(
                identifier: "SYNTH03", title: "Other", shortTitle: nil, period: nil, modified: nil, recordCount: nil),
            properties: set.properties)
        try writer.append(codes: set.codes.map { Array($0.prefix(10)) }, values: set.values.map { Array($0.prefix(10)) })
        var pages: [[Int]] = []
        try writer.forEachStoredPage { pages.append($0.map(\.count)) }
        #expect(pages == [[10, 10, 10]])
        writer.abandon()
        #expect(try store.cbsTables().map(\.title) == ["Synthetic"])
        #expect(try store.cbsColumns(table: "SYNTH03").topics[0].values == Self.synthetic().values[0])
        try store.replaceCBSTable(set, catalog: "test")
        #expect(try store.cbsTables().map(\.id) == ["SYNTH03", "SYNTH04"])
    }
}

@Suite("Store migrations for fetched CBS tables")
struct CBSMigrationTests {
    @Test("a store with tables kept a cell per row (before v4) opens; those tables are dropped, to be fetched again")
    func cellsLayoutDropped() throws {
        let path = RepositoryFixtures.temporaryFolder().appendingPathComponent("v3.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try Store.migrator.migrate(queue, upTo: "v3 cbs tables")
            try queue.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO cbs_table VALUES ('SYNTH07', 'test', 'Synthetic', NULL, NULL, NULL, 1, '2026-01-01T00:00:00Z')"
                )
                try db.execute(
                    sql: "INSERT INTO cbs_observation VALUES ('SYNTH07', 'GM0293', '2024JJ00', '', 'Aantal_1', 1, 'ok')")
            }
        }
        let store = try Store(path: path)
        #expect(try store.cbsTables().isEmpty)
        try store.replaceCBSTable(CBSColumnStoreTests.synthetic(), catalog: "test")
        #expect(try store.cbsTables().map(\.id) == ["SYNTH03"])
    }

    @Test(
        "a store with one blob per column (before v13) opens with its tables readable as they were; a damaged column stays damaged"
    )
    func oneBlobPerColumn() throws {
        let path = RepositoryFixtures.temporaryFolder().appendingPathComponent("v12.sqlite").path
        let set = CBSColumnStoreTests.synthetic()
        do {
            let queue = try DatabaseQueue(path: path)
            try Store.migrator.migrate(queue, upTo: "v12 municipality shapes")
            // Written as v12 wrote them, independently of the writer: codes as a dictionary and UInt32 indexes,
            // numbers as Float64 bit patterns and a status byte per row, little-endian.
            func blob<T: FixedWidthInteger>(_ values: [T]) -> Data {
                values.reduce(into: Data()) { data, value in
                    withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
                }
            }
            try queue.write { db in
                for id in ["SYNTH03", "SYNTH05"] {
                    try db.execute(
                        sql: "INSERT INTO cbs_table VALUES (?, 'test', 'Synthetic', NULL, NULL, 4, 4, '2026-01-01T00:00:00Z')",
                        arguments: [id])
                    for (position, (key, role, dictionary, indexes)) in [
                        ("RegioS", "region", #"["GM0293","NL01","GM0226"]"#, [0, 0, 1, 2] as [UInt32]),
                        ("Geslacht", "other", #"["M","V"]"#, [0, 1, 0, 0]),
                        ("Perioden", "period", #"["2023JJ00","2024JJ00"]"#, [0, 0, 1, 0]),
                    ].enumerated() {
                        let data = blob(indexes)
                        try db.execute(
                            sql: "INSERT INTO cbs_column VALUES (?, ?, ?, ?, ?, ?, NULL, ?)",
                            arguments: [
                                id, position, key, role, dictionary, data,
                                Store.columnChecksum(dictionary: dictionary, data: data, status: nil),
                            ])
                    }
                    let numbers = blob([-0.25, 0, 1e9, 0].map { (number: Double) in number.bitPattern })
                    let status = Data([0, 2, 0, 1])
                    // SYNTH05's numbers were changed after their checksum was written.
                    let checksum = Store.columnChecksum(dictionary: nil, data: numbers, status: status)
                    var stored = numbers
                    if id == "SYNTH05" { stored[3] ^= 0x01 }
                    try db.execute(
                        sql: "INSERT INTO cbs_column VALUES (?, 3, 'Aantal_1', 'topic', NULL, ?, ?, ?)",
                        arguments: [id, stored, status, checksum])
                }
            }
        }
        let store = try Store(path: path)
        let columns = try store.cbsColumns(table: "SYNTH03")
        #expect(columns.dimensions.map(\.codes) == set.codes)
        #expect(columns.topics.map(\.values) == set.values)
        #expect(try store.cbsObservationCounts(table: "SYNTH03") == ["ok": 2, "secret": 1, "unknown": 1])
        let error = #expect(throws: StoreError.self) { try store.cbsColumns(table: "SYNTH05") }
        #expect(error?.kind == .damaged)
    }
}
