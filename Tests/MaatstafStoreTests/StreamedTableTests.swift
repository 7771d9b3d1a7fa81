import Foundation
import MaatstafCore
import MaatstafFetch
import MaatstafSources
import MaatstafTestServer
import Testing

@testable import MaatstafStore

/// A large table fetched whole streams into the store page by page (`CBSODataV3Source.fetch` into a
/// `CBSTableWriter`), in memory bounded by the window rather than the table. Synthetic tables (generated numbers, not
/// statistics) from `SyntheticLargeTable`, served on 127.0.0.1 through libcurl.
@Suite("A large table streamed into the store (synthetic)")
struct StreamedTableTests {
    /// More pages than the window holds, the last one short.
    static let rows = 10_000 * (CBSODataV3Source.streamWindow + 9) + 1_234

    func source(_ server: TestHTTPServer) -> CBSODataV3Source {
        var configuration = HTTPClientConfiguration()
        configuration.retry = RetryPolicy(maxAttempts: 1)
        return CBSODataV3Source(
            fetcher: CachedFetcher(
                client: HTTPClient(configuration: configuration), cache: HTTPCache(root: RepositoryFixtures.temporaryFolder())),
            base: server.baseURL)
    }

    /// Passes pages on to the store's writer, noting for each how far the server had got when it arrived.
    final class RecordingSink: CBSTableSink {
        let writer: CBSTableWriter
        let table: SyntheticLargeTable
        var appends: [(rows: Int, pagesSent: Int)] = []

        init(_ writer: CBSTableWriter, _ table: SyntheticLargeTable) {
            self.writer = writer
            self.table = table
        }

        func begin(table: CBSTableInfo, properties: [CBSDataProperty]) throws {
            try writer.begin(table: table, properties: properties)
        }
        func append(codes: [[String]], values: [[CBSValue]]) throws {
            appends.append((codes[0].count, table.pagesSent))
            try writer.append(codes: codes, values: values)
        }
        func forEachStoredPage(_ body: ([[String]]) throws -> Void) throws { try writer.forEachStoredPage(body) }
        func finish(codeLists: [String: [CBSDimensionCode]], responses: [(url: String, sha256: String)]) throws {
            try writer.finish(codeLists: codeLists, responses: responses)
        }
        func abandon() { writer.abandon() }
    }

    /// The rows of the bodies the server sent, read with Foundation's JSON parser (not maatstaf's scanner): codes
    /// trimmed, `null` and `"."` unknown, `"x"` secret.
    static func served(_ table: SyntheticLargeTable) throws -> (codes: [[String]], values: [[CBSValue]]) {
        var codes = [[String]](repeating: [], count: 3)
        var values = [[CBSValue]](repeating: [], count: 2)
        let bodies = table.sentBodies
        for page in 0..<table.pageCount {
            let body = try #require(bodies[page], "page \(page) was sent")
            let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
            for row in try #require(object["value"] as? [[String: Any]]) {
                for (index, key) in ["RegioS", "Geslacht", "Perioden"].enumerated() {
                    codes[index].append((row[key] as! String).trimmingCharacters(in: .whitespaces))
                }
                for (index, key) in ["Aantal_1", "Bedrag_2"].enumerated() {
                    switch row[key] {
                    case let number as NSNumber: values[index].append(.number(number.doubleValue))
                    case "x" as String: values[index].append(.secret)
                    default: values[index].append(.unknown)
                    }
                }
            }
        }
        return (codes, values)
    }

    @Test(
        "pages go into the store as they arrive, never more than the window ahead; the stored table is the pages served, row for row"
    )
    func streamedRowForRow() async throws {
        let table = SyntheticLargeTable(rows: Self.rows)
        let server = try table.server()
        let store = try Store.inMemory()
        let writer = store.cbsTableWriter(catalog: "test")
        let sink = RecordingSink(writer, table)
        let fetched = try await source(server).fetch(table.identifier) { _, _ in sink }
        guard case .streamed(let summary) = fetched else {
            Issue.record("a whole table with a row count was not streamed")
            return
        }
        #expect(summary.rowCount == Self.rows && summary.pageCount == table.pageCount)
        // The constant-memory path: one page handed on at a time, in order, and never more than the window of pages
        // requested ahead of the one handed on — the first page was stored before the server had sent the last.
        #expect(sink.appends.map(\.rows) == (0..<table.pageCount).map { min(10_000, Self.rows - $0 * 10_000) })
        for (index, append) in sink.appends.enumerated() {
            #expect(append.pagesSent <= index + CBSODataV3Source.streamWindow, "page \(index)")
        }
        #expect(sink.appends[0].pagesSent < table.pageCount)
        #expect(summary.mostPagesHeld <= CBSODataV3Source.streamWindow)
        // Its rows nest (region fastest, period slowest): no row can repeat, and nothing was kept per row.
        #expect(summary.rowsInNestedOrder)
        let served = try Self.served(table)
        let stored = try store.cbsColumns(table: table.identifier)
        #expect(stored.dimensions.map(\.key) == ["RegioS", "Geslacht", "Perioden"])
        #expect(stored.dimensions.map(\.role) == ["region", "other", "period"])
        #expect(stored.dimensions.map(\.codes) == served.codes)
        #expect(stored.topics.map(\.key) == ["Aantal_1", "Bedrag_2"])
        #expect(stored.topics.map(\.values) == served.values)
        #expect(try store.cbsTables().map(\.rows) == [Self.rows])
        // The counts said after the fetch are the stored ones, and the served ones.
        var counted: [String: Int] = [:]
        for value in served.values.joined() { counted[value.statusWord, default: 0] += 1 }
        #expect(writer.observationCounts == counted)
        #expect(try store.cbsObservationCounts(table: table.identifier) == counted)
    }

    @Test("a page repeating the rows of the one before: an error naming the row; the stored copy stays as it was")
    func repeatedPage() async throws {
        let store = try Store.inMemory()
        let earlier = SyntheticLargeTable(identifier: "SYNTHREPEAT", rows: 30_000)
        let earlierServer = try earlier.server()
        guard
            case .streamed = try await source(earlierServer).fetch(
                "SYNTHREPEAT",
                streamingInto: { _, _ in
                    store.cbsTableWriter(catalog: "test")
                })
        else {
            Issue.record("not streamed")
            return
        }
        let before = try store.cbsColumns(table: "SYNTHREPEAT")
        let table = SyntheticLargeTable(identifier: "SYNTHREPEAT", rows: 30_000, repeatedPage: 2)
        let server = try table.server()
        let error = await #expect(throws: SourceError.self) {
            try await source(server).fetch("SYNTHREPEAT") { _, _ in store.cbsTableWriter(catalog: "test") }
        }
        #expect(
            error?.reason.en.contains("row 20000 repeats the dimension codes of row 10000") == true,
            "\(String(describing: error))")
        let after = try store.cbsColumns(table: "SYNTHREPEAT")
        #expect(after.dimensions.map(\.codes) == before.dimensions.map(\.codes))
        #expect(after.topics.map(\.values) == before.topics.map(\.values))
        #expect(try store.cbsTables().map(\.rows) == [30_000])
    }

    @Test("rows out of nested order from page 3 on: fingerprints of the rows stored so far and after; still row for row")
    func outOfOrder() async throws {
        let table = SyntheticLargeTable(rows: 45_000, reversedPage: 3)
        let server = try table.server()
        let store = try Store.inMemory()
        let fetched = try await source(server).fetch(table.identifier) { _, _ in store.cbsTableWriter(catalog: "test") }
        guard case .streamed(let summary) = fetched else {
            Issue.record("not streamed")
            return
        }
        #expect(!summary.rowsInNestedOrder)
        let served = try Self.served(table)
        let stored = try store.cbsColumns(table: table.identifier)
        #expect(stored.dimensions.map(\.codes) == served.codes)
        #expect(stored.topics.map(\.values) == served.values)
    }

    @Test("a sink declined for the table (an Iv3 table is read whole): the table comes back whole, nothing streamed")
    func declined() async throws {
        let table = SyntheticLargeTable(rows: 25_000)
        let server = try table.server()
        let fetched = try await source(server).fetch(table.identifier) { _, _ in nil }
        guard case .whole(let set) = fetched else {
            Issue.record("streamed without a sink")
            return
        }
        #expect(set.rowCount == 25_000)
        #expect(set.codes == (try Self.served(table)).codes)
    }

    @Test(
        "the first pages are asked for with the metadata, not after it; pages past a small table's end are dropped, even failing ones, and leave no trace in the cache"
    )
    func firstPagesWithTheMetadata() async throws {
        // TableInfos takes 0.5 s: the first six pages (a connection each, two left for the metadata) are asked for
        // while it is on its way.
        let large = SyntheticLargeTable(identifier: "SYNTHAHEAD", rows: 10_000 * 10)
        large.metadataDelay = 0.5
        let largeServer = try large.server()
        let store = try Store.inMemory()
        _ = try await source(largeServer).fetch(large.identifier) { _, _ in store.cbsTableWriter(catalog: "test") }
        #expect(large.pagesAskedBeforeMetadata == HTTPClientConfiguration().maxConcurrentPerHost - 2)
        let pages = largeServer.requests.filter { $0.path.hasSuffix("/TypedDataSet") }
        #expect(pages.count == large.pageCount && Set(pages.map(\.target)).count == large.pageCount)
        #expect(try store.cbsColumns(table: large.identifier).topics.map(\.values) == (try Self.served(large)).values)

        // A table of two pages: the four asked for past its end answer 500; the table is stored whole, and nothing of
        // them is cached.
        let small = SyntheticLargeTable(identifier: "SYNTHSMALL", rows: 15_000)
        small.pastTheEndStatus = 500
        let smallServer = try small.server()
        let cache = HTTPCache(root: RepositoryFixtures.temporaryFolder())
        var configuration = HTTPClientConfiguration()
        configuration.retry = RetryPolicy(maxAttempts: 1)
        let source = CBSODataV3Source(
            fetcher: CachedFetcher(client: HTTPClient(configuration: configuration), cache: cache),
            base: smallServer.baseURL)
        _ = try await source.fetch(small.identifier) { _, _ in store.cbsTableWriter(catalog: "test") }
        #expect(try store.cbsColumns(table: small.identifier).topics.map(\.values) == (try Self.served(small)).values)
        let asked = smallServer.requests.filter { $0.path.hasSuffix("/TypedDataSet") }
        #expect(asked.count == 6)
        for page in asked {
            let cached = FileManager.default.fileExists(atPath: cache.fileURL(for: smallServer.baseURL + page.target).path)
            let skip = Int(page.target.components(separatedBy: "$skip=").last ?? "") ?? 0
            #expect(cached == (skip < 15_000), "\(page.target)")
        }
    }

    // A table that announces no row count (`RecordCount: null`): its pages are known one at a time, from each page's
    // `odata.nextLink` (written to CBS's own host, rebased onto the local server).

    @Test("no row count announced: streamed by its next-page links, two pages held at most; row for row as served")
    func withoutCount() async throws {
        let table = SyntheticLargeTable(rows: 10_000 * 5 + 77, announcesCount: false)
        let server = try table.server()
        let store = try Store.inMemory()
        let writer = store.cbsTableWriter(catalog: "test")
        let sink = RecordingSink(writer, table)
        let cache = HTTPCache(root: RepositoryFixtures.temporaryFolder())
        var configuration = HTTPClientConfiguration()
        configuration.retry = RetryPolicy(maxAttempts: 1)
        let source = CBSODataV3Source(
            fetcher: CachedFetcher(client: HTTPClient(configuration: configuration), cache: cache), base: server.baseURL)
        let fetched = try await source.fetch(table.identifier) { _, _ in sink }
        guard case .streamed(let summary) = fetched else {
            Issue.record("a table without a row count was not streamed")
            return
        }
        #expect(summary.rowCount == table.rows && summary.pageCount == table.pageCount)
        #expect(summary.mostPagesHeld <= 2 && summary.rowsInNestedOrder)
        // Each page went into the store before the server had sent more than the one after it.
        #expect(sink.appends.map(\.rows) == (0..<table.pageCount).map { min(10_000, table.rows - $0 * 10_000) })
        // The first pages by `$skip` were asked for with the metadata, before it said there is no count; they were
        // dropped (and left the cache) before the walk began. The walk asked for each page once, by its link.
        let pages = server.requests.filter { $0.path.hasSuffix("/TypedDataSet") }
        let speculative = pages.filter { $0.target.contains("$top") }
        #expect(speculative.count <= HTTPClientConfiguration().maxConcurrentPerHost)
        for request in speculative {
            #expect(!FileManager.default.fileExists(atPath: cache.fileURL(for: server.baseURL + request.target).path))
        }
        for (index, append) in sink.appends.enumerated() {
            #expect(append.pagesSent <= index + 2 + speculative.count, "page \(index)")
        }
        #expect(pages.count - speculative.count == table.pageCount, "the pages were walked by their links")
        let served = try Self.served(table)
        let stored = try store.cbsColumns(table: table.identifier)
        #expect(stored.dimensions.map(\.codes) == served.codes)
        #expect(stored.topics.map(\.values) == served.values)
        #expect(try store.cbsTables().map(\.recordCount) == [nil])
        #expect(try store.cbsTables().map(\.rows) == [table.rows])
    }

    @Test(
        "no row count and rows out of nested order: the fingerprints grow with the table (refilled from the store); row for row")
    func withoutCountOutOfOrder() async throws {
        // Out of order from page 1 on: the check starts with room for 20,000 rows and must grow three times.
        let table = SyntheticLargeTable(rows: 10_000 * 9 + 3, reversedPage: 1, announcesCount: false)
        let server = try table.server()
        let store = try Store.inMemory()
        let fetched = try await source(server).fetch(table.identifier) { _, _ in store.cbsTableWriter(catalog: "test") }
        guard case .streamed(let summary) = fetched else {
            Issue.record("not streamed")
            return
        }
        #expect(!summary.rowsInNestedOrder)
        let served = try Self.served(table)
        let stored = try store.cbsColumns(table: table.identifier)
        #expect(stored.dimensions.map(\.codes) == served.codes)
        #expect(stored.topics.map(\.values) == served.values)
    }

    @Test(
        "no row count, a page repeating the one before after the check has grown: the row named; the stored copy as it was",
        arguments: [2, 7])
    func withoutCountRepeated(page: Int) async throws {
        let store = try Store.inMemory()
        let earlier = SyntheticLargeTable(identifier: "SYNTHNOCOUNT", rows: 15_000, announcesCount: false)
        let earlierServer = try earlier.server()
        _ = try await source(earlierServer).fetch("SYNTHNOCOUNT") { _, _ in store.cbsTableWriter(catalog: "test") }
        let before = try store.cbsColumns(table: "SYNTHNOCOUNT")
        // Page 0 reversed, so the rows are out of nested order from the start and only the fingerprints can tell.
        let table = SyntheticLargeTable(
            identifier: "SYNTHNOCOUNT", rows: 10_000 * 9, repeatedPage: page, reversedPage: 0, announcesCount: false)
        let server = try table.server()
        let error = await #expect(throws: SourceError.self) {
            try await source(server).fetch("SYNTHNOCOUNT") { _, _ in store.cbsTableWriter(catalog: "test") }
        }
        #expect(
            error?.reason.en.contains("row \(page * 10_000) repeats the dimension codes of row \((page - 1) * 10_000)") == true,
            "\(String(describing: error))")
        let after = try store.cbsColumns(table: "SYNTHNOCOUNT")
        #expect(after.dimensions.map(\.codes) == before.dimensions.map(\.codes))
        #expect(after.topics.map(\.values) == before.topics.map(\.values))
    }

    @Test("no row count, continued from cached pages of a table revised since: undone and every page asked for again")
    func withoutCountRevisedMidway() async throws {
        let table = SyntheticLargeTable(identifier: "SYNTHREVISED", rows: 25_000, announcesCount: false)
        let server = try table.server()
        var configuration = HTTPClientConfiguration()
        configuration.retry = RetryPolicy(maxAttempts: 1)
        let cache = HTTPCache(root: RepositoryFixtures.temporaryFolder())
        let source = CBSODataV3Source(
            fetcher: CachedFetcher(client: HTTPClient(configuration: configuration), cache: cache), base: server.baseURL)
        let store = try Store.inMemory()
        _ = try await source.fetch(table.identifier) { _, _ in store.cbsTableWriter(catalog: "test") }
        // The last page lost from the cache (a download that broke off there), and CBS revises the table meanwhile.
        let lastPage = try #require(
            server.requests.last { $0.path.hasSuffix("/TypedDataSet") && !$0.target.contains("$top") })
        cache.remove(server.baseURL + lastPage.target)
        table.version = 7
        let before = server.requests.filter { $0.path.hasSuffix("/TypedDataSet") && !$0.target.contains("$top") }.count
        guard
            case .streamed(let summary) = try await source.fetch(
                table.identifier,
                streamingInto: { _, _ in
                    store.cbsTableWriter(catalog: "test")
                })
        else {
            Issue.record("not streamed")
            return
        }
        #expect(summary.pagesFromCache == 0)
        // One page to continue with, then all three again.
        // (Walked by their links; the pages asked for by `$skip` with the metadata are not counted.)
        let walked = server.requests.filter { $0.path.hasSuffix("/TypedDataSet") && !$0.target.contains("$top") }
        #expect(walked.count - before == 1 + 3)
        let stored = try store.cbsColumns(table: table.identifier)
        #expect(stored.topics.map(\.values) == (try Self.served(table)).values)
        // Row 1 of the revised table: 1 × 7 − 300,000 + 7.
        #expect(stored.topics[0].values[1] == .number(-299_986))
    }

    @Test("no row count and more pages than the limit: stopped there, with the reason; nothing stored")
    func withoutCountPastTheLimit() async throws {
        let table = SyntheticLargeTable(rows: 10_000 * 10, announcesCount: false)
        let server = try table.server()
        var limited = source(server)
        limited.maxPagesWithoutCount = 4
        let store = try Store.inMemory()
        let error = await #expect(throws: SourceError.self) {
            try await limited.fetch(table.identifier) { _, _ in store.cbsTableWriter(catalog: "test") }
        }
        #expect(error?.reason.en.contains("keeps linking to further pages after 4 pages") == true, "\(String(describing: error))")
        #expect(server.requests.filter { $0.path.hasSuffix("/TypedDataSet") && !$0.target.contains("$top") }.count == 4)
        #expect(try store.cbsTables().isEmpty)
    }
}
