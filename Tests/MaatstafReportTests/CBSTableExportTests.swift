import Foundation
import MaatstafCore
import MaatstafModel
import MaatstafReport
import MaatstafSources
import MaatstafStore
import Testing

/// `maatstaf export` layouts on a SYNTHETIC stored table (generated codes and numbers, not statistics) whose latest
/// period CBS would mark provisional.
@Suite("CBS table export")
struct CBSTableExportTests {
    static func export(locale: ReportLocale = .en) throws -> CBSTableExport {
        let properties = [
            CBSDataProperty(
                id: 0, parentID: nil, kind: .geoDimension, key: "RegioS", title: "Regio", unit: nil, decimals: nil, datatype: nil),
            CBSDataProperty(
                id: 1, parentID: nil, kind: .timeDimension, key: "Perioden", title: "Perioden", unit: nil, decimals: nil,
                datatype: nil),
            CBSDataProperty(
                id: 2, parentID: nil, kind: .topic, key: "Aantal_1", title: "Aantal", unit: "aantal", decimals: 0,
                datatype: "Long"),
            CBSDataProperty(
                id: 3, parentID: nil, kind: .topic, key: "Bedrag_2", title: "Bedrag", unit: "euro", decimals: 1,
                datatype: "Double"),
        ]
        var set = CBSDataSet(
            table: CBSTableInfo(
                identifier: "SYNTH05", title: "Synthetic \"quoted\"", shortTitle: nil, period: nil,
                modified: nil, recordCount: 3),
            properties: properties, responses: [])
        set.append(
            codes: [["GM0293", "GM0293", "GM0226"], ["2023JJ00", "2024JJ00", "2023JJ00"]],
            values: [[.number(1200), .secret, .number(3)], [.number(1234.5), .number(-2), .unknown]])
        set.codeLists = [
            "Perioden": [
                CBSDimensionCode(key: "2023JJ00", title: "2023", status: "Definitief"),
                CBSDimensionCode(key: "2024JJ00", title: "2024*", status: "Voorlopig"),
            ]
        ]
        let store = try Store.inMemory()
        try store.replaceCBSTable(set, catalog: "test")
        return CBSTableExport(
            table: try store.cbsTables()[0], properties: try store.cbsProperties(table: "SYNTH05"),
            columns: try store.cbsColumns(table: "SYNTH05"), locale: locale,
            periodCodes: try store.cbsCodes(table: "SYNTH05", dimension: "Perioden"))
    }

    @Test("rows: a column per topic, empty for no value, a status naming why and marking provisional periods")
    func rows() throws {
        #expect(
            try Self.export().csv(layout: .rows) == """
                RegioS,Perioden,Aantal_1,Bedrag_2,status\r
                GM0293,2023JJ00,1200,1234.5,\r
                GM0293,2024JJ00,,-2.0,provisional; Aantal_1=secret\r
                GM0226,2023JJ00,3,,Bedrag_2=unknown\r

                """)
        #expect(try Self.export(locale: .nl).csv(layout: .rows).contains("GM0293;2023JJ00;1200;1234,5;\r\n"))
    }

    @Test("cells: one line per cell")
    func cells() throws {
        let lines = try Self.export().csv(layout: .cells).split(separator: "\r\n")
        #expect(lines.count == 7)
        #expect(lines[3] == "GM0293,2024JJ00,,Aantal_1,,secret; provisional")
    }

    @Test("JSON: nulls, a status object, the credit; valid JSON")
    func json() throws {
        let text = try Self.export().json()
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect(object["title"] as? String == "Synthetic \"quoted\"")
        #expect(object["source"] as? String == "Bron: CBS (CC BY 4.0)")
        let rows = object["value"] as! [[String: Any]]
        #expect(rows[0]["Aantal_1"] as? Int == 1200)
        #expect(rows[0]["status"] == nil)
        #expect(rows[1]["Aantal_1"] is NSNull)
        #expect((rows[1]["status"] as? [String: Any])?["provisional"] as? Bool == true)
        #expect((rows[1]["status"] as? [String: Any])?["Aantal_1"] as? String == "secret")
        #expect(rows[2]["Bedrag_2"] is NSNull)
    }
}
