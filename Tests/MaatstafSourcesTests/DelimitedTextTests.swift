import Foundation
import MaatstafCore
import MaatstafSources
import Testing

@Suite("CSV/TSV reading")
struct DelimitedTextTests {
    @Test("quotes, doubled quotes, a byte-order mark and CRLF line ends")
    func quoting() throws {
        let text = "\u{FEFF}name,code\r\n\"Nuenen, Gerwen en Nederwetten\",GM0820\r\n\"say \"\"hi\"\"\",X\r\n"
        let table = try DelimitedText(data: Data(text.utf8), separator: ",", source: "test.csv")
        #expect(table.header == ["name", "code"])
        #expect(table.rows.map(\.fields) == [["Nuenen, Gerwen en Nederwetten", "GM0820"], ["say \"hi\"", "X"]])
        #expect(table.rows.map(\.line) == [2, 3])
    }

    @Test("an unclosed quote is an error with the line where the record starts")
    func unclosedQuote() {
        let text = "a;b\n1;2\n\"open;3\n4;5\n"
        let error = #expect(throws: SourceError.self) {
            try DelimitedText(data: Data(text.utf8), separator: ";", source: "broken.csv")
        }
        #expect(error?.description.hasPrefix("broken.csv:3: a quoted field is never closed") == true)
    }

    @Test("an empty file and a missing column are named errors")
    func emptyAndMissingColumn() throws {
        #expect(throws: SourceError.self) { try DelimitedText(data: Data(), separator: ";", source: "empty.csv") }
        let table = try DelimitedText(data: Data("a;b\n1;2\n".utf8), separator: ";", source: "t.csv")
        let error = #expect(throws: SourceError.self) { try table.column("Lasten", in: "t.csv") }
        #expect(error?.description.contains("has no column \"Lasten\" (columns: a, b)") == true)
    }

    @Test("invalid UTF-8 is refused")
    func notUTF8() {
        #expect(throws: SourceError.self) {
            try DelimitedText(data: Data([0x61, 0x0A, 0xFF, 0xFE, 0x0A]), separator: ";", source: "latin1.csv")
        }
    }
}
