import Foundation
import MaatstafTestServer
import Testing

/// `maatstaf fetch` of a large table that breaks off, then run again: what the user sees. Synthetic pages (not
/// statistics), 25,000 rows in three pages of 10,000.
@Suite("fetch continues a broken-off download")
struct FetchResumeTests {
    @Test("The failure says the pages received are kept; the same command then downloads only the rest and says so")
    func resumes() async throws {
        // A 404 is not retried: the third page fails at once, after the first two arrived.
        let table = BrokenOffTable(identifier: "SYNTH03", failureStatus: 404)
        let server = try table.server()
        var runner = CLIRunner()
        runner.environment["MAATSTAF_CBS_BASE"] = server.baseURL
        let cache = CLIRunner.freshLoadedCache()
        let first = try await runner.run(["fetch", "SYNTH03", "--cache-dir", cache])
        #expect(first.status == 69)
        #expect(first.stderr.contains("2 of 3 pages are in the cache; the same command continues from them"), "\(first.stderr)")
        let before = server.requests.count
        table.failing = false
        let second = try await runner.run(["fetch", "SYNTH03", "--cache-dir", cache])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("SYNTH03: Synthetic — 25000 rows"))
        #expect(second.stdout.contains("Continued a broken-off download: 2 of 3 pages were already in the cache"))
        let pages = server.requests.dropFirst(before).filter { $0.path.hasSuffix("/TypedDataSet") }
        #expect(pages.count == 1)
        // The stored table holds every row the server serves, the last page's too.
        let export = try await runner.run(["export", "SYNTH03", "--cache-dir", cache])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.split(whereSeparator: \.isNewline).count == 25_001)
        #expect(export.stdout.contains("\(BrokenOffTable.code(row: 24_999)),\(table.value(row: 24_999))"))
    }
}
