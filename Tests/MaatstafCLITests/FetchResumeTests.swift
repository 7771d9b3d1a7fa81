import Foundation
import MaatstafTestServer
import Testing

/// `maatstaf fetch` of a large table that breaks off, then run again: what the user sees. Synthetic pages (not
/// statistics), 25,000 rows in three pages of 10,000.
@Suite("fetch continues a broken-off download")
struct FetchResumeTests {
    final class Failing: @unchecked Sendable {
        private let lock = NSLock()
        private var value = true
        var isOn: Bool {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
    }

    @Test("The failure says the pages received are kept; the same command then downloads only the rest and says so")
    func resumes() async throws {
        let failing = Failing()
        let server = try TestHTTPServer { request in
            if request.path.hasSuffix("/TableInfos") {
                return TestResponse(
                    text:
                        #"{"value":[{"Identifier":"SYNTH03","Title":"Synthetic","Modified":"2024-01-01T00:00:00","RecordCount":25000}]}"#
                )
            }
            if request.path.hasSuffix("/DataProperties") {
                return TestResponse(
                    text:
                        #"{"value":[{"ID":0,"Type":"GeoDimension","Key":"RegioS","Title":"Regio's"},{"ID":1,"Type":"Topic","Key":"Aantal_1","Title":"Aantal","Unit":"aantal","Decimals":0,"Datatype":"Long"}]}"#
                )
            }
            if !request.path.hasSuffix("/TypedDataSet") { return TestResponse(status: 404, text: "no code list") }
            let skip = Int(request.target.components(separatedBy: "$skip=").last ?? "0") ?? 0
            if failing.isOn && skip == 20_000 {
                Thread.sleep(forTimeInterval: 0.3)
                return TestResponse(status: 404, text: "synthetic failure")
            }
            let rows = (skip..<min(skip + 10_000, 25_000)).map {
                #"{"RegioS":"GM\#(String(format: "%06d", $0))","Aantal_1":\#($0)}"#
            }
            return TestResponse(text: #"{"value":[\#(rows.joined(separator: ","))]}"#)
        }
        var runner = CLIRunner()
        runner.environment["MAATSTAF_CBS_BASE"] = server.baseURL
        let cache = CLIRunner.freshLoadedCache()
        let first = try await runner.run(["fetch", "SYNTH03", "--cache-dir", cache])
        #expect(first.status == 69)
        #expect(first.stderr.contains("2 of 3 pages are in the cache; the same command continues from them"), "\(first.stderr)")
        let before = server.requests.count
        failing.isOn = false
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
        #expect(export.stdout.contains("GM024999"))
    }
}
