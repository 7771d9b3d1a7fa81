import MaatstafReport
import Testing

@Suite("Table renderings")
struct TableRenderingTests {
    let table = Table(
        columns: [.init("name"), .init("value", .right)],
        rows: [["Westervoort", "133.45"], ["Súdwest-Fryslân", "9.5"], ["a;b \"c\"", "1|2"]],
        notes: ["Bron: CBS"])

    @Test("text: columns padded to the widest cell, right-aligned numbers, notes below")
    func text() {
        #expect(table.renderText() == """
            name              value
            ---------------  ------
            Westervoort      133.45
            Súdwest-Fryslân     9.5
            a;b "c"             1|2

            Bron: CBS

            """)
    }

    @Test("CSV: quotes fields holding the separator or quotes, CRLF line ends")
    func csv() {
        #expect(table.renderCSV(separator: ";") == "name;value\r\nWestervoort;133.45\r\nSúdwest-Fryslân;9.5\r\n\"a;b \"\"c\"\"\";1|2\r\n")
        #expect(table.renderCSV(separator: ",").contains("a;b \"\"c\"\"") == true)
    }

    @Test("Markdown: pipes escaped, right alignment marked")
    func markdown() {
        let markdown = table.renderMarkdown()
        #expect(markdown.hasPrefix("| name | value |\n|---|---:|\n| Westervoort | 133.45 |"))
        #expect(markdown.contains("| a;b \"c\" | 1\\|2 |"))
        #expect(markdown.hasSuffix("\nBron: CBS  \n"))
    }
}
