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
        // The table's pages asked for: only the missing one (pages past the end, asked for with the metadata before
        // it said how many there are, have no rows).
        let pages = server.requests.dropFirst(before).filter {
            $0.path.hasSuffix("/TypedDataSet") && (Int($0.target.components(separatedBy: "$skip=").last ?? "") ?? 0) < 25_000
        }
        #expect(pages.count == 1)
        // The stored table holds every row the server serves, the last page's too.
        let export = try await runner.run(["export", "SYNTH03", "--cache-dir", cache])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.split(whereSeparator: \.isNewline).count == 25_001)
        #expect(export.stdout.contains("\(BrokenOffTable.code(row: 24_999)),\(table.value(row: 24_999))"))
    }
}

/// A table streams into the store as it arrives, in one transaction: a fetch stopped dead mid-way (SIGKILL, no chance
/// to clean up) leaves the stored copy as it was. Synthetic table (generated numbers), through the binary.
@Suite("fetch stopped mid-way")
struct FetchKilledTests {
    @Test("killed while storing pages: the next command finds the earlier copy of the table, every row as it was")
    func killed() async throws {
        let cache = CLIRunner.freshLoadedCache()
        var runner = CLIRunner.binary
        let first = SyntheticLargeTable(identifier: "SYNTHKILL", rows: 30_000)
        let firstServer = try first.server()
        runner.environment["MAATSTAF_CBS_BASE"] = firstServer.baseURL
        let stored = try await runner.run(["fetch", "SYNTHKILL", "--cache-dir", cache])
        #expect(stored.status == 0, "\(stored.stderr)")
        let before = try await runner.run(["export", "SYNTHKILL", "--cache-dir", cache])

        let second = SyntheticLargeTable(identifier: "SYNTHKILL", rows: 30_000, version: 7, stalledPage: 2)
        defer { second.release() }
        let secondServer = try second.server()
        runner.environment["MAATSTAF_CBS_BASE"] = secondServer.baseURL
        let started = try runner.start(["fetch", "SYNTHKILL", "--refresh", "--cache-dir", cache])
        // Pages 0 and 1 are sent and the writer's transaction is open (SQLite's rollback journal exists).
        let journal = cache + "/maatstaf.sqlite-journal"
        let deadline = Date().addingTimeInterval(30)
        while (second.pagesSent < 2 || !FileManager.default.fileExists(atPath: journal)) && Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(FileManager.default.fileExists(atPath: journal), "the table was being written when the process was killed")
        kill(started.0.processIdentifier, SIGKILL)
        _ = await CLIRunner.finish(started)

        let after = try await runner.run(["export", "SYNTHKILL", "--cache-dir", cache])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout == before.stdout)
        let lines = after.stdout.split(whereSeparator: \.isNewline)
        #expect(lines.count == 30_001)
        // Row 1 of the earlier version (version 0): amount 1 × 7 − 300,000.
        #expect(lines[2].contains("-299993"), "\(lines[2])")
    }
}
