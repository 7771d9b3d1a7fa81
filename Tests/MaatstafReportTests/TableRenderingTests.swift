import MaatstafCore
import Testing

@testable import MaatstafReport

@Suite("Table renderings")
struct TableRenderingTests {
    let table = Table(
        columns: [.init("name"), .init("value", .right)],
        rows: [["Westervoort", "133.45"], ["Súdwest-Fryslân", "9.5"], ["a;b \"c\"", "1|2"]],
        notes: ["Bron: CBS"])

    @Test("text: columns padded to the widest cell, right-aligned numbers, notes below")
    func text() {
        #expect(
            table.renderText() == """
                name              value
                ---------------  ------
                Westervoort      133.45
                Súdwest-Fryslân     9.5
                a;b "c"             1|2

                Bron: CBS

                """)
    }

    @Test("CSV: a text cell a spreadsheet would run as a formula is shown as text; numbers stay numbers")
    func csvFormulas() {
        let hostile = Table(
            columns: [.init("region"), .init("value")],
            rows: [
                ["=HYPERLINK(\"http://x\";\"klik\")", "-12,5"], ["+31 6", "+4.25"], ["@SUM(A1)", "-0"],
                ["\tTab", "1e3"], ["-Min", "Westervoort"],
            ])
        #expect(
            hostile.renderCSV(separator: ";") == "region;value\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\";-12,5\r\n"
                + "'+31 6;+4.25\r\n'@SUM(A1);-0\r\n'\tTab;1e3\r\n'-Min;Westervoort\r\n")
    }

    @Test("CSV: quotes fields holding the separator or quotes, CRLF line ends")
    func csv() {
        #expect(
            table.renderCSV(separator: ";")
                == "name;value\r\nWestervoort;133.45\r\nSúdwest-Fryslân;9.5\r\n\"a;b \"\"c\"\"\";1|2\r\n")
        #expect(table.renderCSV(separator: ",").contains("a;b \"\"c\"\"") == true)
        // Line breaks of every kind are quoted; so is a cell holding a separator that is not ASCII.
        let breaks = Table(columns: [.init("a"), .init("b")], rows: [["x\ny", "x\r\ny"], ["x\ry", "x·y"], ["plain", "é"]])
        #expect(breaks.renderCSV(separator: ",") == "a,b\r\n\"x\ny\",\"x\r\ny\"\r\n\"x\ry\",x·y\r\nplain,é\r\n")
        #expect(breaks.renderCSV(separator: "·").contains("\"x\ry\"·\"x·y\"\r\nplain·é") == true)
    }

    @Test("Markdown: pipes escaped, right alignment marked")
    func markdown() {
        let markdown = table.renderMarkdown()
        #expect(markdown.hasPrefix("| name | value |\n|---|---:|\n| Westervoort | 133.45 |"))
        #expect(markdown.contains("| a;b \"c\" | 1\\|2 |"))
        #expect(markdown.hasSuffix("\nBron: CBS  \n"))
    }
}
