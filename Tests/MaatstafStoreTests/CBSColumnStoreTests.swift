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
}
