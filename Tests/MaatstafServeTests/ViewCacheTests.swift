import Testing

@testable import MaatstafServe

/// The dashboard's kept pages: what is kept, what is dropped first, what is never kept.
@Suite("ViewCache: rendered views kept by address")
struct ViewCacheTests {
    struct Refused: Error {}

    @Test("a page asked for again is not rendered again; past the limit the least recently asked-for goes first")
    func keepsAndDrops() throws {
        let cache = ViewCache(maximumBytes: 25)
        var renders = 0
        func page(_ address: String) -> String {
            cache.page(address) { () -> String in
                renders += 1
                return String(repeating: address, count: 10)  // 10 bytes for a one-letter address
            }
        }
        #expect(page("a") == "aaaaaaaaaa" && page("b") == "bbbbbbbbbb")
        #expect(renders == 2)
        #expect(page("a") == "aaaaaaaaaa")
        #expect(renders == 2)
        // A third page passes 25 bytes: "b", asked for least recently, is dropped; "a" stays.
        _ = page("c")
        #expect(cache.count == 2 && renders == 3)
        _ = page("a")
        #expect(renders == 3)
        _ = page("b")
        #expect(renders == 4)
    }

    @Test("a page that fails to render is not kept, and one larger than the whole cache is sent but not kept")
    func neverKept() {
        let cache = ViewCache(maximumBytes: 5)
        #expect(throws: Refused.self) { try cache.page("x") { () throws(Refused) -> String in throw Refused() } }
        #expect(cache.count == 0)
        #expect(cache.page("y") { "too long for it" } == "too long for it")
        #expect(cache.count == 0)
    }
}
