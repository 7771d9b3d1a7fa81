import Foundation
import MaatstafCore
import Testing

@testable import MaatstafSources

/// The page scanner on hand-written pages in CBS's shape (synthetic, not statistics), checked against
/// Foundation's JSON parser where they must agree, and on broken input it must refuse.
@Suite("OData page scanner")
struct ODataPageScannerTests {
    func scan(_ text: String, dimensions: [String] = ["RegioS"], topics: [String] = ["A_1", "B_2"]) throws
        -> ODataPageScanner.Columns
    {
        try ODataPageScanner.scan(Data(text.utf8), dimensionKeys: dimensions, topicKeys: topics)
    }

    @Test("codes trimmed, numbers, null, untyped symbols, keys in any order, unknown keys skipped, nextLink kept")
    func wellFormed() throws {
        let columns = try scan(
            #"""
            {"odata.metadata":"x","value":[
              {"ID":0,"RegioS":"GM0293    ","A_1":12,"B_2":-0.5},
              {"B_2":null,"Extra":{"nested":[1,2,{"a":"b"}]},"A_1":"     x","RegioS":"NL01  ","ID":1},
              {"ID":2,"RegioS":" PV25","A_1":"       .","B_2":"    -"},
              {"ID":3,"RegioS":"GM0226","A_1":1.5e3,"B_2":1234567890123456789}
            ],"odata.nextLink":"https://opendata.cbs.nl/next?$skip=4"}
            """#)
        #expect(columns.rowCount == 4)
        #expect(columns.codes[0] == ["GM0293", "NL01", "PV25", "GM0226"])
        #expect(columns.values[0] == [.number(12), .secret, .unknown, .number(1500)])
        // 1234567890123456789 has more digits than a Double holds: it is read as the nearest Double, as JSON readers do.
        #expect(columns.values[1] == [.number(-0.5), .unknown, .notApplicable, .number(Double("1234567890123456789")!)])
        #expect(columns.nextLink == "https://opendata.cbs.nl/next?$skip=4")
        #expect(columns.rowsWithoutCode == 0)
    }

    /// The reference is Swift's own `Double(String)`, which rounds correctly; Foundation's JSON parser does not
    /// always (it reads 0.1000000000000000055511151231257827 one unit too high). -0 is read as 0.
    @Test(
        "numbers equal Swift's correctly rounded parse, bit for bit",
        arguments: [
            "0", "-0", "7", "0.1", "0.3", "123.456", "-98765.4321", "1e5", "2.5E-3", "0.000001234", "9007199254740993",
            "123456789012345.6", "1.7976931348623157e308", "5e-324", "0.1000000000000000055511151231257827",
        ])
    func numbers(_ text: String) throws {
        let columns = try scan(#"{"value":[{"RegioS":"x","A_1":\#(text)}]}"#)
        let parsed = try #require(Double(text))
        let expected = parsed == 0 ? 0 : parsed
        #expect(columns.values[0][0].number?.bitPattern == expected.bitPattern)
    }

    @Test("escapes and non-ASCII in codes and keys")
    func escapes() throws {
        let columns = try scan(#"{"value":[{"Regi\u006FS":"Súdwest-Fr\u0079sl\u00e2n \"x\" \ud83d\ude00","A_1":1}]}"#)
        #expect(columns.codes[0] == ["Súdwest-Fryslân \"x\" 😀"])
        #expect(columns.values[0] == [.number(1)])
        #expect(columns.values[1] == [.unknown])
    }

    @Test("an empty page and an empty object")
    func empty() throws {
        #expect(try scan(#"{"value":[]}"#).rowCount == 0)
        let columns = try scan(#"{"value":[{}]}"#)
        #expect(columns.rowCount == 1)
        #expect(columns.rowsWithoutCode == 1)
    }

    @Test(
        "broken pages are refused, never read as a short table",
        arguments: [
            #"{"value":[{"RegioS":"GM0293","A_1":12},{"RegioS":"GM02"#,  // cut off in a string
            #"{"value":[{"RegioS":"GM0293","A_1":12}"#,  // cut off after a row
            #"{"value":[{"RegioS":"GM0293","A_1":12}]"#,  // no closing brace
            #"{"value":[{"RegioS":"GM0293","A_1":12}]} trailing"#,  // text after the document
            #"{"value":[{"RegioS":"GM0293","A_1":1.}]}"#,  // bad number
            #"{"value":[{"RegioS":"GM0293","A_1":01}]}"#,  // leading zero
            #"{"value":[{"RegioS":"GM0293","A_1":tru}]}"#,  // bad literal
            #"{"value":[{"RegioS":"GM\q","A_1":1}]}"#,  // bad escape
            #"{"value":[{"RegioS" "GM0293"}]}"#,  // missing colon
            #"{"rows":[]}"#,  // no value list
            "<html><body>502 Bad Gateway</body></html>",  // an error page
            #"{"value":[{"RegioS":"GM0293","A_1":1e999}]}"#,  // infinity: not a figure
            #"{"value":[{"RegioS":"GM0293","A_1":-1E400}]}"#,  // minus infinity
            #"{"value":[{"RegioS":"GM0293","A_1":"   1e999"}]}"#,  // infinity as an untyped cell
            "",
        ])
    func malformed(_ text: String) {
        #expect(throws: ODataPageScanner.Malformed.self) { try scan(text) }
    }

    @Test("a large but finite number is kept as it is")
    func largeFinite() throws {
        let columns = try scan(#"{"value":[{"RegioS":"GM0293","A_1":1e16}]}"#)
        #expect(columns.values[0][0] == .number(1e16))
    }
}
