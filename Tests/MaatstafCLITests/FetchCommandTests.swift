import Foundation
import MaatstafStore
import MaatstafTestServer
import Testing

/// `maatstaf fetch` through the binary, libcurl and a local server replaying real CBS responses (Bron: CBS).
@Suite("maatstaf fetch, end to end")
struct FetchCommandTests {
    static let fixtures = RepositoryFixtures.root.appendingPathComponent("Tests/MaatstafSourcesTests/Fixtures/cbs-odata-v3")

    /// Replays 80137ned; `failData` makes the data set answer 500 (to test that a failed fetch keeps the old copy).
    final class Replay: @unchecked Sendable {
        private let lock = NSLock()
        private var failing = false
        var failData: Bool {
            get { lock.withLock { failing } }
            set { lock.withLock { failing = newValue } }
        }

        func handle(_ request: TestRequest) -> TestResponse {
            let entity = request.path.split(separator: "/").last.map(String.init) ?? ""
            if entity == "TypedDataSet" && failData { return TestResponse(status: 500, text: "down") }
            let file = FetchCommandTests.fixtures.appendingPathComponent("80137ned_\(entity).json")
            guard request.path.contains("/80137ned/"), let data = try? Data(contentsOf: file) else {
                return TestResponse(status: 404, text: "no such table")
            }
            return TestResponse(headers: [("ETag", "\"\(entity)-1\"")], body: data)
        }
    }

    @Test("fetch stores a real table; offline it comes from the cache; a failed refetch keeps the stored copy")
    func fetchAndKeep() async throws {
        let replay = Replay()
        let server = try TestHTTPServer { replay.handle($0) }
        let cache = makeTemporaryFolder()
        var runner = CLIRunner()
        runner.environment["MAATSTAF_CBS_BASE"] = server.baseURL
        let first = try await runner.run(["fetch", "80137ned", "--cache-dir", cache.path])
        #expect(first.status == 0, "\(first.stderr)")
        let raw = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixtures.appendingPathComponent("80137ned_TypedDataSet.json"))) as! [String: Any]
        let rows = (raw["value"] as! [[String: Any]]).count
        #expect(first.stdout == "80137ned: Arbeidsrekeningen; leeftijd en opleidingsniveau — \(rows) rows, 12 topics, \(rows * 12) cells. Bron: CBS (CC BY 4.0).\n")

        let store = try Store(path: cache.appendingPathComponent("maatstaf.sqlite").path)
        #expect(try store.cbsTables().map(\.id) == ["80137ned"])
        #expect(try store.cbsObservationCounts(table: "80137ned")["ok"] == rows * 12)

        let offline = try await runner.run(["fetch", "80137ned", "--offline", "--cache-dir", cache.path])
        #expect(offline.status == 0, "\(offline.stderr)")
        #expect(offline.stdout == first.stdout)

        replay.failData = true
        let failed = try await runner.run(["fetch", "80137ned", "--refresh", "--cache-dir", cache.path])
        #expect(failed.status == 69)
        #expect(failed.stderr.contains("TypedDataSet"))
        #expect(try store.cbsObservationCounts(table: "80137ned")["ok"] == rows * 12)
    }

    @Test("an unknown table: exit 69, the URL and a hint about case-sensitive ids")
    func unknownTable() async throws {
        let server = try TestHTTPServer { Replay().handle($0) }
        var runner = CLIRunner()
        runner.environment["MAATSTAF_CBS_BASE"] = server.baseURL
        let result = try await runner.run(["fetch", "80137NED", "--cache-dir", makeTemporaryFolder().path])
        #expect(result.status == 69)
        #expect(result.stderr.contains("/ODataFeed/odata/80137NED/TableInfos"))
        #expect(result.stderr.contains("case-sensitive"))
    }
}
