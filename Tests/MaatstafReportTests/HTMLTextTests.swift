import MaatstafCore
import Testing

@testable import MaatstafReport

@Suite("Escaping for HTML and Markdown")
struct HTMLTextTests {
    @Test("markup characters become entities; control characters are replaced")
    func escapesMarkup() {
        #expect(HTMLText.escape("<b>\"A\" & 'B'</b>") == "&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;")
        #expect(HTMLText.escape("a\u{1}b") == "a\u{FFFD}b")
        #expect(HTMLText.escape("Súdwest-Fryslân € 1.234,56") == "Súdwest-Fryslân € 1.234,56")
    }

    @Test("Markdown: pipes, angle brackets and link syntax stay text")
    func markdown() {
        #expect(MarkdownText.escape("a|b <i>[x](y)</i>") == "a\\|b \\<i\\>\\[x\\](y)\\</i\\>")
    }
}
