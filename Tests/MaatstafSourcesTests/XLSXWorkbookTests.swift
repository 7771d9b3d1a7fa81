import Foundation
import MaatstafCore
import MaatstafSources
import Testing
import ZIPFoundation

/// Excel workbooks of own figures. The workbooks are built here, part by part as ECMA-376 lays them out, from the
/// example's real CSV (examples/own-figures/steenwijkerland-monitor.csv): texts as shared strings, numbers as number
/// cells, and in one variant the period as an Excel date cell.
@Suite("Own figures from Excel workbooks")
struct XLSXWorkbookTests {
    static let csv: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/own-figures/steenwijkerland-monitor.csv")

    /// A workbook with one sheet per entry of `sheets`: rows of cells, a Double a number cell, a String a text cell.
    /// `reference` writes a cell's reference (default `A1`, `B1`, …): a test can put a damaged one in.
    static func workbook(
        _ sheets: [(name: String, rows: [[Any]])], reference: ((_ row: Int, _ column: Int) -> String)? = nil
    ) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        var strings: [String] = []
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                position, size in data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        func column(_ index: Int) -> String { String(UnicodeScalar(UInt8(65 + index))) }
        var sheetEntries: [String] = []
        var relations: [String] = []
        for (number, sheet) in sheets.enumerated() {
            var xml =
                #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            for (r, row) in sheet.rows.enumerated() {
                xml += #"<row r="\#(r + 1)">"#
                for (c, cell) in row.enumerated() {
                    let reference = reference?(r + 1, c) ?? "\(column(c))\(r + 1)"
                    if let number = cell as? Double {
                        xml += #"<c r="\#(reference)"><v>\#(number)</v></c>"#
                    } else {
                        let text = String(describing: cell)
                        let index =
                            strings.firstIndex(of: text)
                            ?? {
                                strings.append(text)
                                return strings.count - 1
                            }()
                        xml += #"<c r="\#(reference)" t="s"><v>\#(index)</v></c>"#
                    }
                }
                xml += "</row>"
            }
            try add("xl/worksheets/sheet\(number + 1).xml", xml + "</sheetData></worksheet>")
            sheetEntries.append(#"<sheet name="\#(sheet.name)" sheetId="\#(number + 1)" r:id="rId\#(number + 1)"/>"#)
            relations.append(
                #"<Relationship Id="rId\#(number + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(number + 1).xml"/>"#
            )
        }
        try add(
            "xl/workbook.xml",
            #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\#(sheetEntries.joined())</sheets></workbook>"#
        )
        try add(
            "xl/_rels/workbook.xml.rels",
            #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(relations.joined())</Relationships>"#
        )
        let escaped = strings.map { $0.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;") }
        try add(
            "xl/sharedStrings.xml",
            #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\#(escaped.map { "<si><t>\($0)</t></si>" }.joined())</sst>"#
        )
        return archive.data!
    }

    /// The example CSV as sheet rows: numbers as numbers; with `dates`, "februari YYYY" as the Excel date 1 Feb YYYY.
    static func rows(dates: Bool) throws -> [[Any]] {
        let lines = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        }
        return lines.enumerated().map { index, fields -> [Any] in
            guard index > 0 else { return fields }
            var row: [Any] = fields
            row[3] = Double(fields[3].replacingOccurrences(of: ",", with: "."))!
            if dates, fields[1].hasPrefix("februari ") {
                // Days since 30 December 1899: 1 February 2019 is 43497, a year later +365 and +366.
                let serial = ["2019": 43497.0, "2020": 43862.0, "2021": 44228.0][String(fields[1].suffix(4))]!
                row[1] = serial
            }
            return row
        }
    }

    @Test("a workbook reads as the same figures as the CSV, with texts, numbers and date cells", arguments: [false, true])
    func sameAsCSV(_ dates: Bool) throws {
        let data = try Self.workbook([("Toelichting", [["alleen uitleg"]]), ("Monitor", try Self.rows(dates: dates))])
        let fromExcel = try OwnFiguresFile(workbook: try XLSXWorkbook(data: data, source: "monitor.xlsx"), sheet: "Monitor")
        let fromCSV = try OwnFiguresFile(data: try Data(contentsOf: Self.csv), source: "monitor.csv")
        #expect(fromExcel.problems.isEmpty, "\(fromExcel.problems)")
        #expect(fromExcel.rows.count == fromCSV.rows.count)
        for (a, b) in zip(fromExcel.rows, fromCSV.rows) {
            #expect(a.municipality == b.municipality && a.period == b.period && a.measure == b.measure)
            #expect(a.value == b.value)
        }
    }

    @Test(
        "a cell reference beyond Excel's limits is refused, naming it, without arithmetic on it",
        arguments: ["ZZZZZZZZZZZZZZZ2", "XFDXFDXFD2", "AAAAAAA2", "XFE2", "A1048577", "A0", "2A", "Ä2", ""])
    func impossibleReference(_ bad: String) throws {
        let data = try Self.workbook(
            [("Blad1", [["gemeente", "periode", "maat", "waarde"], ["Duiven", "2022", "clients", 10.0]])],
            reference: { row, column in row == 2 && column == 3 ? bad : "\(["A", "B", "C", "D"][column])\(row)" })
        let workbook = try XLSXWorkbook(data: data, source: "bad.xlsx")
        #expect {
            _ = try workbook.rows(sheet: nil)
        } throws: { error in
            let text = (error as? any MaatstafError)?.message(.en, hint: "") ?? "\(error)"
            return text.contains("is not a cell Excel can have (columns A–XFD, rows 1–1,048,576)")
                && text.contains(bad.isEmpty ? "(without a reference)" : String(bad.prefix(40)))
        }
        // The limits themselves are cells.
        let edge = try Self.workbook(
            [("Blad1", [["a"], ["b"]])], reference: { row, _ in row == 1 ? "XFD1" : "A1048576" })
        let rows = try XLSXWorkbook(data: edge, source: "edge.xlsx").rows(sheet: nil).rows
        #expect(rows.map(\.line) == [1, 1_048_576])
        #expect(rows[0].fields.count == 16_384 && rows[0].fields.last == "a")
    }

    @Test("a wrong sheet name lists the sheets; a damaged file and a bad cell are named")
    func badWorkbooks() throws {
        let data = try Self.workbook([
            ("Monitor", [["gemeente", "periode", "maat", "waarde"], ["Westervoort", "2019", "uren", "x"]])
        ])
        let workbook = try XLSXWorkbook(data: data, source: "monitor.xlsx")
        let wrong = #expect(throws: SourceError.self) { try OwnFiguresFile(workbook: workbook, sheet: "Blad1") }
        #expect(wrong?.reason.en == "has no sheet \"Blad1\"")
        #expect(wrong?.hint.plainText(.en) == "Its sheets: \"Monitor\"")
        let bad = try OwnFiguresFile(workbook: workbook, sheet: nil)
        #expect(bad.problems.map(\.description) == ["sheet \"Monitor\", row 2, column value: \"x\" is not a number"])
        let damaged = #expect(throws: SourceError.self) {
            try XLSXWorkbook(data: Data("PK\u{3}\u{4} not really a zip".utf8), source: "kapot.xlsx")
        }
        #expect(damaged?.subject == "kapot.xlsx")
    }
}

extension XLSXWorkbookTests {
    /// An archive of zero-filled parts (synthetic: a zip bomb, for this test only), each `size` bytes unpacked.
    static func zeros(_ parts: [(path: String, size: Int)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(part.size), compressionMethod: .deflate
            ) { _, size in Data(count: size) }
        }
        return try #require(archive.data)
    }

    /// Writes `claimed` as the unpacked size in every local and central header: an archive that lies about its size.
    static func lying(_ data: Data, claimed: UInt32) -> Data {
        var bytes = [UInt8](data)
        func put(_ offset: Int) {
            for index in 0..<4 { bytes[offset + index] = UInt8((claimed >> (8 * UInt32(index))) & 0xFF) }
        }
        var index = 0
        while index + 46 < bytes.count {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x03, bytes[index + 3] == 0x04 {
                put(index + 22)
            } else if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x01, bytes[index + 3] == 0x02 {
                put(index + 24)
            }
            index += 1
        }
        return Data(bytes)
    }

    @Test(
        "zip bombs: bytes are counted as they unpack — a part that claims 1 KB but unpacks to 70 MiB, and parts of 50 MiB each past 128 MiB in all, are refused"
    )
    func zipBombs() throws {
        let single = Self.lying(try Self.zeros([("xl/worksheets/sheet1.xml", 70 << 20)]), claimed: 1000)
        #expect(single.count < 1 << 20, "the bomb is small on disk")
        let part = #expect(throws: SourceError.self) { try XLSXWorkbook(data: single, source: "bom.xlsx") }
        #expect(part?.subject == "bom.xlsx xl/worksheets/sheet1.xml")
        #expect(part?.reason.en == "unpacks to more than 64 MiB")

        let many = try Self.zeros((1...3).map { ("xl/worksheets/sheet\($0).xml", 50 << 20) })
        let whole = #expect(throws: SourceError.self) { try XLSXWorkbook(data: many, source: "veel.xlsx") }
        #expect(whole?.subject == "veel.xlsx")
        #expect(whole?.reason.en == "unpacks to more than 128 MiB")
    }
}
