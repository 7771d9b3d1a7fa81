import Foundation
import MaatstafCore
import MaatstafFetch
import MaatstafSources
import MaatstafTestServer
import Testing

/// The OData v3 source through libcurl against a local server that replays real CBS responses (Fixtures/cbs-odata-v3,
/// Bron: CBS), and, for paging and fault cases, clearly synthetic pages.
@Suite("CBS OData v3 source")
struct CBSODataV3SourceTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/cbs-odata-v3")

    static func fixture(_ name: String) -> Data {
        try! Data(contentsOf: fixtures.appendingPathComponent(name))
    }

    func source(_ server: TestHTTPServer) -> CBSODataV3Source {
        var configuration = HTTPClientConfiguration()
        configuration.retry = RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(10), maxDelay: .milliseconds(20))
        let fetcher = CachedFetcher(
            client: HTTPClient(configuration: configuration),
            cache: HTTPCache(root: RepositoryFixtures.temporaryFolder()))
        return CBSODataV3Source(fetcher: fetcher, base: server.baseURL)
    }

    /// Serves the real 80137ned responses under the paths CBS uses.
    static func replayServer() throws -> TestHTTPServer {
        try TestHTTPServer { request in
            let entity = request.path.split(separator: "/").last.map(String.init) ?? ""
            let name = "80137ned_\(entity).json"
            guard FileManager.default.fileExists(atPath: fixtures.appendingPathComponent(name).path) else {
                return TestResponse(status: 404, text: "not recorded")
            }
            return TestResponse(headers: [("Content-Type", "application/json")], body: fixture(name))
        }
    }

    @Test("a real table: metadata, topics by stem, trimmed codes and every row")
    func realTable() async throws {
        let server = try Self.replayServer()
        let set = try await source(server).dataSet("80137ned")
        #expect(set.table.title == "Arbeidsrekeningen; leeftijd en opleidingsniveau")
        #expect(set.table.recordCount == nil)
        #expect(set.dimensions.map(\.key) == ["Persoonskenmerken", "BedrijfstakkenSBI93", "Perioden"])
        #expect(set.topics.count == 12)
        #expect(set.topics.first?.keyStem == "Totaal")
        #expect(set.topics.first?.unit == "1 000 banen")
        // Independently: the fixture's rows and its first row, read with JSONSerialization here.
        let raw = try JSONSerialization.jsonObject(with: Self.fixture("80137ned_TypedDataSet.json")) as! [String: Any]
        let rows = raw["value"] as! [[String: Any]]
        #expect(set.rowCount == rows.count)
        // Every cell of every row, against Foundation's JSON parser: codes trimmed, numbers equal, null unknown.
        var mismatches = 0
        for (index, row) in rows.enumerated() {
            for dimension in set.dimensions
            where set.code(dimension.key, row: index) != (row[dimension.key] as! String).trimmingCharacters(in: .whitespaces) {
                mismatches += 1
            }
            for topic in set.topics {
                let expected: CBSValue = (row[topic.key] as? NSNumber).map { .number($0.doubleValue) } ?? .unknown
                if set.value(topic.key, row: index) != expected { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
        #expect(
            set.code("Persoonskenmerken", row: 0)
                == (rows[0]["Persoonskenmerken"] as! String).trimmingCharacters(in: .whitespaces))
        #expect(set.responses.count == 3)
        #expect(set.responses.allSatisfy { $0.sha256.count == 64 })
    }

    @Test("code lists: keys trimmed, period status kept")
    func codeLists() async throws {
        let server = try Self.replayServer()
        let periods = try await source(server).codes("80137ned", dimension: "Perioden")
        #expect(periods.first == CBSDimensionCode(key: "2001JJ00", title: "2001", status: "Definitief"))
        let persons = try await source(server).codes("80137ned", dimension: "Persoonskenmerken")
        #expect(persons.first?.key == "1")
    }

    @Test("UntypedDataSet cells: padded numbers and CBS's symbols, never 0 for a missing value")
    func untypedCells() throws {
        let raw =
            try JSONSerialization.jsonObject(with: Self.fixture("83599NED_UntypedDataSet_page2_skip10000.json")) as! [String: Any]
        let cells = (raw["value"] as! [[String: Any]]).map { $0["OpenstaandeVacatures_1"] as! String }
        #expect(CBSValue(untyped: cells[0]) == .number(1.0))
        #expect(cells.compactMap { CBSValue(untyped: $0) }.count == cells.count)
        let blanks = cells.filter { $0.trimmingCharacters(in: .whitespaces).isEmpty }.count
        #expect(cells.compactMap { CBSValue(untyped: $0) }.filter { $0 == .unknown }.count == blanks)
        #expect(CBSValue(untyped: "x") == .secret)
        #expect(CBSValue(untyped: "  - ") == .notApplicable)
        #expect(CBSValue(untyped: ".")?.number == nil)
    }

    /// Synthetic pages (not statistics): RecordCount rows split in pages of 10,000 by $skip.
    static func pagedServer(recordCount: Int, served: Int, counter: RequestCounter, repeatFirstPage: Bool = false) throws
        -> TestHTTPServer
    {
        try TestHTTPServer { request in
            if request.path.hasSuffix("/TableInfos") {
                return TestResponse(
                    text: #"{"value":[{"Identifier":"SYNTH01","Title":"Synthetic","RecordCount":\#(recordCount)}]}"#)
            }
            if request.path.hasSuffix("/DataProperties") {
                return TestResponse(
                    text:
                        #"{"value":[{"ID":0,"Type":"GeoDimension","Key":"RegioS","Title":"Regio's"},{"ID":1,"Type":"Topic","Key":"Aantal_1","Title":"Aantal","Unit":"aantal","Decimals":0,"Datatype":"Long"}]}"#
                )
            }
            if !request.path.hasSuffix("/TypedDataSet") {
                return TestResponse(status: 404, text: "no code list in this synthetic table")
            }
            counter.enter()
            defer { counter.leave() }
            Thread.sleep(forTimeInterval: 0.05)
            var skip = Int(request.target.components(separatedBy: "$skip=").last ?? "0") ?? 0
            if repeatFirstPage && skip == 10_000 { skip = 0 }
            let rows = (skip..<min(skip + 10_000, served)).map {
                #"{"RegioS":"GM\#(String(format: "%06d", $0))  ","Aantal_1":\#($0)}"#
            }
            return TestResponse(text: #"{"value":[\#(rows.joined(separator: ","))]}"#)
        }
    }

    @Test("RecordCount known: every page requested at once by $skip, rows in order, count verified")
    func parallelPages() async throws {
        let counter = RequestCounter()
        let server = try Self.pagedServer(recordCount: 25_000, served: 25_000, counter: counter)
        let set = try await source(server).dataSet("SYNTH01")
        #expect(set.rowCount == 25_000)
        #expect(set.value("Aantal_1", row: 12_345) == .number(12_345))
        #expect(set.code("RegioS", row: 0) == "GM000000")
        let pageRequests = server.requests.filter { $0.path.hasSuffix("/TypedDataSet") }.map(\.target)
        #expect(pageRequests.count == 3)
        #expect(Set(pageRequests.map { $0.components(separatedBy: "$skip=").last! }) == ["0", "10000", "20000"])
        #expect(counter.peak >= 2, "pages must be fetched in parallel")
    }

    @Test("fewer rows than announced: a loud error, not a short table")
    func countMismatch() async throws {
        let server = try Self.pagedServer(recordCount: 25_000, served: 24_990, counter: RequestCounter())
        let error = await #expect(throws: SourceError.self) { try await source(server).dataSet("SYNTH01") }
        #expect(error?.reason.en == "received 24990 rows but TableInfos announces 25000")
    }

    @Test("a page that repeats another page's rows (same count): a loud error naming the table")
    func repeatedRows() async throws {
        let server = try Self.pagedServer(recordCount: 25_000, served: 25_000, counter: RequestCounter(), repeatFirstPage: true)
        let error = await #expect(throws: SourceError.self) { try await source(server).dataSet("SYNTH01") }
        #expect(error?.subject.contains("SYNTH01/TypedDataSet") == true)
        #expect(error?.reason.en.contains("row 10000 repeats the dimension codes of row 0 (RegioS=GM000000)") == true)
    }

    @Test("malformed JSON and a response that is not OData name the URL")
    func malformed() async throws {
        let server = try TestHTTPServer { request in
            request.path.hasSuffix("/TableInfos")
                ? TestResponse(text: #"{"value":[{"Identif"#) : TestResponse(text: #"{"error":"x"}"#)
        }
        let error = await #expect(throws: SourceError.self) { try await source(server).tableInfo("BAD") }
        #expect(error?.reason.en.hasPrefix("is not valid JSON") == true)
        #expect(error?.subject.hasSuffix("/ODataFeed/odata/BAD/TableInfos?$format=json") == true)
        let other = await #expect(throws: SourceError.self) { try await source(server).dataProperties("BAD") }
        #expect(other?.reason.en == "is not a CBS OData response (no \"value\" list)")
    }

    @Test("nextLink pages are followed on the given base, even when CBS writes its own host")
    func nextLinks() async throws {
        let server = try TestHTTPServer { request in
            if request.path.hasSuffix("/TableInfos") {
                return TestResponse(text: #"{"value":[{"Identifier":"SYNTH02","Title":"Synthetic"}]}"#)
            }
            if request.path.hasSuffix("/DataProperties") {
                return TestResponse(
                    text:
                        #"{"value":[{"ID":0,"Type":"TimeDimension","Key":"Perioden","Title":"P"},{"ID":1,"Type":"Topic","Key":"A_1","Title":"A"}]}"#
                )
            }
            if request.path.hasSuffix("/Perioden") {
                return TestResponse(status: 404, text: "no code list in this synthetic table")
            }
            if request.target.contains("$skip=2") {
                return TestResponse(text: #"{"value":[{"Perioden":"2024JJ00","A_1":null}]}"#)
            }
            return TestResponse(
                text:
                    #"{"value":[{"Perioden":"2022JJ00","A_1":1},{"Perioden":"2023JJ00","A_1":"       ."}],"odata.nextLink":"https://opendata.cbs.nl/ODataFeed/odata/SYNTH02/TypedDataSet?$format=json&$skip=2"}"#
            )
        }
        let set = try await source(server).dataSet("SYNTH02")
        #expect(set.codes[0] == ["2022JJ00", "2023JJ00", "2024JJ00"])
        #expect(set.values[0] == [.number(1), .unknown, .unknown])
        #expect(server.requests.count == 5, "TableInfos, DataProperties, the Perioden code list, two pages")
    }
}

/// A download that breaks off and is run again (the failure CBS users report most for large tables): the pages
/// received are kept in the cache and used, once the table is known not to have changed in between. Synthetic pages
/// (`BrokenOffTable`).
@Suite("CBS OData v3: continuing a broken-off download")
struct CBSResumeTests {
    func source(_ server: TestHTTPServer, cache: HTTPCache) -> CBSODataV3Source {
        var configuration = HTTPClientConfiguration()
        configuration.retry = RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(10), maxDelay: .milliseconds(20))
        return CBSODataV3Source(
            fetcher: CachedFetcher(client: HTTPClient(configuration: configuration), cache: cache), base: server.baseURL)
    }

    @Test("A failed page says the others are kept; the second run asks only for what is missing, after checking the table")
    func continuesFromTheCache() async throws {
        let table = BrokenOffTable(identifier: "SYNTH01")
        let server = try table.server()
        let cache = HTTPCache(root: RepositoryFixtures.temporaryFolder())
        let error = await #expect(throws: FetchError.self) { try await source(server, cache: cache).dataSet("SYNTH01") }
        #expect(error?.hint.description.contains("2 of 3 pages are in the cache") == true, "\(String(describing: error))")
        let firstRun = server.requests.count
        table.failing = false
        let set = try await source(server, cache: cache).dataSet("SYNTH01")
        let secondRun = Array(server.requests.dropFirst(firstRun))
        #expect(
            secondRun.filter { $0.path.hasSuffix("/TypedDataSet") }.map { $0.target.components(separatedBy: "$skip=").last! }
                == ["20000"])
        #expect(secondRun.filter { $0.path.hasSuffix("/TableInfos") }.count == 1, "the table's version is checked once")
        #expect(set.pageCount == 3 && set.pagesFromCache == 2)
        // Row for row what the server serves: code and value of every row.
        #expect(set.rowCount == 25_000)
        for row in [0, 9_999, 10_000, 19_999, 20_000, 24_999] {
            #expect(set.code("RegioS", row: row) == BrokenOffTable.code(row: row))
            #expect(set.value("Aantal_1", row: row) == .number(Double(table.value(row: row))))
        }
    }

    @Test("When CBS changed the table in between, no page of the old version is used: every page is asked for again")
    func tableChangedInBetween() async throws {
        let table = BrokenOffTable(identifier: "SYNTH01")
        let server = try table.server()
        let cache = HTTPCache(root: RepositoryFixtures.temporaryFolder())
        _ = await #expect(throws: FetchError.self) { try await source(server, cache: cache).dataSet("SYNTH01") }
        table.failing = false
        table.modified = "2025-06-01T00:00:00"
        let set = try await source(server, cache: cache).dataSet("SYNTH01")
        #expect(set.pagesFromCache == 0)
        for row in [0, 10_000, 24_999] {
            #expect(set.value("Aantal_1", row: row) == .number(Double(row * 10_000 + 2025)), "row \(row) is of the new version")
        }
    }

    @Test("A table read whole from the cache is not a resumed download: the server is not asked for it again")
    func wholeFromCache() async throws {
        let table = BrokenOffTable(identifier: "SYNTH01")
        table.failing = false
        let server = try table.server()
        let cache = HTTPCache(root: RepositoryFixtures.temporaryFolder())
        _ = try await source(server, cache: cache).dataSet("SYNTH01")
        // (The code lists this synthetic server lacks are answered 404, which is not cached: those are asked again.)
        func tableRequests() -> Int { server.requests.filter { !$0.path.contains("/RegioS") }.count }
        let before = tableRequests()
        let again = try await source(server, cache: cache).dataSet("SYNTH01")
        #expect(tableRequests() == before)
        #expect(again.pagesFromCache == 3)
    }
}
