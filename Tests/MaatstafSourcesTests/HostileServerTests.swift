import Foundation
import MaatstafCore
import MaatstafFetch
import MaatstafSources
import MaatstafTestServer
import Testing

/// A broken or hostile server (all synthetic answers, labelled as such) costs neither data nor truth: what fails to
/// parse is not kept in the cache, links lead nowhere else, a server's claims are bounded, ids are checked.
@Suite("Hostile or broken CBS servers")
struct HostileServerTests {
    static let properties =
        #"{"value":[{"ID":0,"Type":"TimeDimension","Key":"Perioden","Title":"P"},{"ID":1,"Type":"Topic","Key":"A_1","Title":"A"}]}"#

    let cacheRoot = RepositoryFixtures.temporaryFolder()

    /// A synthetic one-topic table `id` by period; `pages` answers every data request.
    static func table(_ id: String, pages: @escaping @Sendable (TestRequest) -> TestResponse) throws -> TestHTTPServer {
        try TestHTTPServer { request in
            if request.path.hasSuffix("/TableInfos") {
                return TestResponse(text: #"{"value":[{"Identifier":"\#(id)","Title":"S"}]}"#)
            }
            if request.path.hasSuffix("/DataProperties") { return TestResponse(text: properties) }
            if request.path.hasSuffix("/Perioden") { return TestResponse(status: 404, text: "none") }
            return pages(request)
        }
    }

    func source(_ server: TestHTTPServer) -> CBSODataV3Source {
        var configuration = HTTPClientConfiguration()
        configuration.retry = RetryPolicy(maxAttempts: 1, baseDelay: .milliseconds(10), maxDelay: .milliseconds(20))
        return CBSODataV3Source(
            fetcher: CachedFetcher(client: HTTPClient(configuration: configuration), cache: HTTPCache(root: cacheRoot)),
            base: server.baseURL)
    }

    @Test("an HTML error page answered with 200 is an error and is not cached: the next run asks again and succeeds")
    func htmlErrorPage() async throws {
        let broken = Counter()
        let server = try TestHTTPServer { _ in
            broken.next() == 0
                ? TestResponse(headers: [("Content-Type", "text/html")], text: "<html><body>Onderhoud</body></html>")
                : TestResponse(text: #"{"value":[{"Identifier":"SYNTH03","Title":"Synthetic"}]}"#)
        }
        let first = await #expect(throws: SourceError.self) { try await source(server).tableInfo("SYNTH03") }
        #expect(first?.reason.en.hasPrefix("is not valid JSON") == true)
        let (info, result) = try await source(server).tableInfo("SYNTH03")
        #expect(info.title == "Synthetic")
        #expect(result.origin == .network, "the HTML page was not served from the cache")
        #expect(server.requests.count == 2)
    }

    @Test("a cache entry that names another URL than the one asked for is never served")
    func entryForAnotherURL() async throws {
        let cache = HTTPCache(root: cacheRoot)
        let asked = "http://127.0.0.1:1/ODataFeed/odata/A/TableInfos?$format=json"
        let other = "http://127.0.0.1:1/ODataFeed/odata/B/TableInfos?$format=json"
        try cache.store(url: other, status: 200, headers: [], body: Data("B's answer".utf8))
        let planted = cache.fileURL(for: asked)
        try FileManager.default.createDirectory(at: planted.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: cache.fileURL(for: other), to: planted)
        guard case .corrupt = cache.lookup(asked) else {
            Issue.record("an entry for \(other) was served for \(asked)")
            return
        }
    }

    @Test("a next-page link into another table is an error and is not followed")
    func linkIntoAnotherTable() async throws {
        let server = try Self.table("SYNTH04") { _ in
            TestResponse(
                text:
                    #"{"value":[{"Perioden":"2022JJ00","A_1":1}],"odata.nextLink":"https://elsewhere.example/ODataFeed/odata/OTHER/TypedDataSet?$format=json&$skip=1"}"#
            )
        }
        let error = await #expect(throws: SourceError.self) { try await source(server).dataSet("SYNTH04") }
        #expect(error?.reason.en.contains("links to a next page outside this table") == true)
        #expect(!server.requests.contains { $0.path.contains("OTHER") })
    }

    @Test("endless distinct next-page links stop at the limit with a message that says so")
    func endlessLinks() async throws {
        let server = try Self.table("SYNTH05") { request in
            let skip = (Int(request.target.components(separatedBy: "$skip=").last ?? "") ?? 0) + 1
            return TestResponse(
                text:
                    #"{"value":[{"Perioden":"\#(2000 + skip)JJ00","A_1":1}],"odata.nextLink":"http://x/ODataFeed/odata/SYNTH05/TypedDataSet?$format=json&$skip=\#(skip)"}"#
            )
        }
        var limited = source(server)
        limited.maxPagesWithoutCount = 5
        let error = await #expect(throws: SourceError.self) { try await limited.dataSet("SYNTH05") }
        #expect(error?.reason.en.contains("keeps linking to further pages after 5 pages") == true)
        #expect(server.requests.filter { $0.path.hasSuffix("/TypedDataSet") }.count == 5)
    }

    @Test(
        "an absurd RecordCount, or one that is not a whole number of rows, is refused before any data is asked for",
        arguments: [
            ("4611686018427387904", "which no CBS table has"), ("1000000000000", "which no CBS table has"),
            ("-5", "which no CBS table has"), ("1.5", "which is not a whole number of rows"),
            (#""abc""#, "which is not a whole number of rows"), ("[1]", "which is not a whole number of rows"),
            ("9223372036854775808", "which is not a whole number of rows"), ("{}", "which is not a whole number of rows"),
        ])
    func refusedCount(_ count: String, _ reason: String) async throws {
        let server = try TestHTTPServer { request in
            if request.path.hasSuffix("/TableInfos") {
                return TestResponse(text: #"{"value":[{"Identifier":"SYNTH06","Title":"S","RecordCount":\#(count)}]}"#)
            }
            if request.path.hasSuffix("/DataProperties") { return TestResponse(text: Self.properties) }
            return TestResponse(status: 404, text: "none")
        }
        let error = await #expect(throws: SourceError.self) { try await source(server).dataSet("SYNTH06") }
        #expect(error?.reason.en.contains(reason) == true, "\(String(describing: error))")
        #expect(!server.requests.contains { $0.path.hasSuffix("/TypedDataSet") })
    }

    @Test(
        "a table id that is not letters and digits never reaches a URL",
        arguments: ["../../etc/passwd", "85984NED?$x=1", "", "a b"])
    func badTableID(_ id: String) async throws {
        let server = try TestHTTPServer { _ in TestResponse(status: 404, text: "none") }
        let error = await #expect(throws: SourceError.self) { try await source(server).dataSet(id) }
        #expect(error?.reason.en.contains("is not a CBS table id") == true)
        #expect(server.requests.isEmpty)
    }
}

/// Counts calls across the server's threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.lock()
        defer {
            count += 1
            lock.unlock()
        }
        return count
    }
}
