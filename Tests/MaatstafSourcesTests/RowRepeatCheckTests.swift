import MaatstafCore
import Testing

@testable import MaatstafSources

/// The repeated-row check of a streamed table keeps 4 bytes of each row's hash.
@Suite("Repeated rows while streaming")
struct RowRepeatCheckTests {
    static func spread(_ n: Int) -> UInt64 { UInt64(n) &* (0x9E37_79B9_7F4A_7C15 as UInt64) }

    @Test(
        "the same hash twice is a suspect; so is a hash that differs only in bits neither slot nor fingerprint reads (a second look, never a verdict); distinct hashes are not"
    )
    func suspects() {
        var check = RowRepeatCheck(expectedRows: 1_000)
        check.insert((0..<1_000).map(Self.spread))
        #expect(check.suspects.isEmpty)
        check.insert([Self.spread(500)])
        #expect(check.suspects == [Self.spread(500)])
        // Same fingerprint (high 32 bits) and same slot (low 32 bits scaled onto 16 slots), different hash.
        var coincidence = RowRepeatCheck(expectedRows: 10)
        coincidence.insert([0x1234_5678_0000_0001, 0x1234_5678_0000_0002])
        #expect(coincidence.suspects == [0x1234_5678_0000_0002])
    }

    @Test("the row count is the caller's to check: rows past the room are suspects, never an endless probe")
    func full() {
        var check = RowRepeatCheck(expectedRows: 10)
        check.insert((1...100).map(Self.spread))
        #expect(check.suspects.count == 100 - 15)
    }
}

/// The second look behind a suspect: the stored rows read back page by page and compared by their codes.
@Suite("Repeated rows while streaming: the exact look")
struct SuspectCheckTests {
    /// Stored pages, as a sink would read them back.
    final class StoredPages: CBSTableSink {
        let pages: [[[String]]]
        init(_ pages: [[[String]]]) { self.pages = pages }
        func begin(table: CBSTableInfo, properties: [CBSDataProperty]) throws {}
        func append(codes: [[String]], values: [[CBSValue]]) throws {}
        func forEachStoredPage(_ body: ([[String]]) throws -> Void) throws { try pages.forEach(body) }
        func finish(codeLists: [String: [CBSDimensionCode]], responses: [(url: String, sha256: String)]) throws {}
        func abandon() {}
    }

    @Test(
        "a suspect whose row is there once is a coincidence: no error; there twice, on different pages: the error names both rows"
    )
    func exactLook() throws {
        let suspect = ODataPageScanner.rowHash(["GM0293", "2024JJ00"])
        let once = StoredPages([[["GM0226", "GM0293"], ["2024JJ00", "2024JJ00"]], [["GM0293"], ["2023JJ00"]]])
        try CBSODataV3Source.checkSuspects([suspect], in: once, keys: ["RegioS", "Perioden"], url: "u")
        let twice = StoredPages([[["GM0226", "GM0293"], ["2024JJ00", "2024JJ00"]], [["GM0293"], ["2024JJ00"]]])
        let error = #expect(throws: SourceError.self) {
            try CBSODataV3Source.checkSuspects([suspect], in: twice, keys: ["RegioS", "Perioden"], url: "u")
        }
        #expect(
            error?.reason.en
                == "row 2 repeats the dimension codes of row 1 (RegioS=GM0293, Perioden=2024JJ00): a page repeated rows")
    }
}

/// Rows in nested order cannot repeat: shown without keeping anything per row.
@Suite("Repeated rows while streaming: nested order")
struct RowOrderCheckTests {
    /// Rows of a full cross product, the first dimension outermost (as CBS serves them), as columns.
    static func nested(_ outer: [String], _ inner: [String]) -> [[String]] {
        [outer.flatMap { code in inner.map { _ in code } }, outer.flatMap { _ in inner }]
    }

    @Test("a cross product nested either way holds, across pages; code lists in any order (99 before 08)")
    func nestedHolds() {
        var forward = RowOrderCheck(dimensions: 2)
        let rows = Self.nested(["1", "5"], ["99", "08", "2001JJ00"])
        forward.follow(rows.map { Array($0.prefix(4)) })
        forward.follow(rows.map { Array($0.dropFirst(4)) })
        #expect(forward.holds)
        var backward = RowOrderCheck(dimensions: 2)
        backward.follow(Self.nested(["a", "b", "c"], ["1", "2"]).reversed())
        #expect(backward.holds)
    }

    @Test("a row equal to the one before, rows out of order, or a block lacking a code: the order does not hold")
    func broken() {
        var repeated = RowOrderCheck(dimensions: 2)
        repeated.follow([["1", "1", "1"], ["a", "b", "b"]])
        #expect(!repeated.holds)
        var swapped = RowOrderCheck(dimensions: 2)
        swapped.follow([["1", "1", "2", "2"], ["a", "b", "b", "a"]])
        #expect(!swapped.holds)
        var sparse = RowOrderCheck(dimensions: 2)
        sparse.follow([["A", "A", "B", "B", "B"], ["x", "z", "x", "y", "z"]])
        #expect(!sparse.holds, "y first appears after z: the order cannot show uniqueness (the fingerprints then do)")
    }
}

@Suite("Numbering codes by first appearance")
struct CodeNumberingTests {
    @Test("each code keeps the number it got first, through the table's growth; a code seen again gets its number back")
    func stable() {
        var numbering = CodeNumbering()
        let codes = (0..<1_000).map { "GM" + String($0 * 7919 % 1_000) }
        #expect(codes.map { numbering.number($0) } == (0..<1_000).map(Int32.init))
        #expect(codes.reversed().map { numbering.number($0) } == (0..<1_000).reversed().map(Int32.init))
        #expect(numbering.count == 1_000)
    }
}
