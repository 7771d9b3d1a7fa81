import Testing

@testable import MaatstafServe

@Suite("Query strings as browsers send them")
struct QueryStringTests {
    @Test("A form's + and a link's %20 are both a space; UTF-8 is decoded")
    func decodesFormsAndLinks() throws {
        let form = try #require(QueryString(parsing: "m=S%C3%BAdwest-Frysl%C3%A2n&add=Bergen+op+Zoom&m=GM0293"))
        #expect(form.all("m") == ["Súdwest-Fryslân", "GM0293"])
        #expect(form.first("add") == "Bergen op Zoom")
        #expect(QueryString(parsing: "add=Bergen%20op%20Zoom")?.first("add") == "Bergen op Zoom")
        #expect(QueryString(parsing: "flag")?.first("flag") == "")
    }

    @Test("Malformed escapes and bytes that are no UTF-8 are refused, not guessed")
    func refusesMalformed() {
        #expect(QueryString(parsing: "m=%zz") == nil)
        #expect(QueryString(parsing: "m=%4") == nil)
        #expect(QueryString(parsing: "m=%C3") == nil)
    }

    @Test("Encoding and decoding give back the same pairs")
    func roundTrip() throws {
        let pairs: [(name: String, value: String)] = [("m", "’s-Hertogenbosch"), ("i", "a&b=c"), ("x", "+ %")]
        let encoded = QueryString(pairs: pairs).encoded
        #expect(!encoded.contains(" ") && !encoded.contains("’"))
        #expect(try #require(QueryString(parsing: encoded)) == QueryString(pairs: pairs))
    }
}
