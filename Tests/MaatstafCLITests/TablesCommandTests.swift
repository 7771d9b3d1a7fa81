import Foundation
import MaatstafCore
import MaatstafTestServer
import Testing

/// `maatstaf tables` against a SYNTHETIC catalog listing: the shape of CBS's `ODataCatalog/Tables` (fields as CBS
/// writes them, a second page through `odata.nextLink`), with made-up ids and titles that say they are synthetic.
@Suite("maatstaf tables, end to end")
struct TablesCommandTests {
    static func server() throws -> TestHTTPServer {
        try TestHTTPServer { request in
            guard request.path.hasSuffix("/ODataCatalog/Tables") else { return TestResponse(status: 404, text: "not here") }
            if request.target.contains("$skip=2") {
                return TestResponse(
                    text:
                        #"{"value":[{"Identifier":"SYNTH13","Title":"Synthetic: bijstandsuitkeringen per gemeente ","ShortTitle":"Synthetic bijstand","Summary":"test entry","Period":"2015-2024","Modified":"2025-03-01T02:00:00","Frequency":"Perjaar","RecordCount":4000}]}"#
                )
            }
            return TestResponse(
                text:
                    #"{"odata.metadata":"x","value":[{"Identifier":"SYNTH11","Title":"Synthetic: Wmo-cliënten per gemeente","ShortTitle":"Synthetic Wmo","Summary":"test entry\nzorg","Period":"2020-2024","Modified":"2025-06-01T02:00:00","Frequency":"Perjaar","RecordCount":1710},{"Identifier":"SYNTH12","Title":"Synthetic: jeugdhulp per regio","ShortTitle":"Synthetic jeugd","Summary":"test entry","Period":"2019-2024","Modified":"2024-11-01T02:00:00","Frequency":"Perjaar","RecordCount":"250"}],"odata.nextLink":"https://opendata.cbs.nl/ODataCatalog/Tables?$format=json&$skip=2"}"#
            )
        }
    }

    @Test("search ignores case and accents, pages are followed, and a second search works offline")
    func search() async throws {
        let server = try Self.server()
        let cache = CLIRunner.freshLoadedCache()
        let result = try await CLIRunner().run([
            "tables", "--search", "WMO", "clienten", "--cbs-base", server.baseURL, "--cache-dir", cache,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains {
                $0.hasPrefix("SYNTH11") && $0.contains("Synthetic: Wmo-cliënten per gemeente") && $0.hasSuffix("1710")
            })
        #expect(!lines.contains { $0.hasPrefix("SYNTH12") })
        #expect(result.stdout.contains("1 of 3 tables in opendata match \"WMO clienten\""))

        let all = try await CLIRunner().run([
            "tables", "--format", "json", "--offline", "--cbs-base", server.baseURL, "--cache-dir", cache,
        ])
        #expect(all.status == 0, "\(all.stderr)")
        let entries = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as! [[String: Any]]
        // Most recently modified first; a RecordCount written as text is still read.
        #expect(entries.map { $0["id"] as! String } == ["SYNTH11", "SYNTH13", "SYNTH12"])
        #expect(entries[2]["rows"] as? Int == 250)
        #expect(entries[1]["title"] as? String == "Synthetic: bijstandsuitkeringen per gemeente")
    }

    @Test("a search without hits is an answer, not a usage error: exit 0, saying nothing matched and what to try")
    func noHits() async throws {
        let server = try Self.server()
        let result = try await CLIRunner().run([
            "tables", "--search", "zzzqqq", "--cbs-base", server.baseURL, "--cache-dir", CLIRunner.freshLoadedCache(),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("0 of 3 tables in opendata match \"zzzqqq\". Try fewer or other words"))
    }

    @Test("a listing that is not a CBS catalog: exit 65 naming the URL")
    func notACatalog() async throws {
        let server = try TestHTTPServer { _ in TestResponse(text: #"{"value":[{"Title":"no id"}]}"#) }
        let result = try await CLIRunner().run([
            "tables", "--cbs-base", server.baseURL, "--cache-dir", CLIRunner.freshLoadedCache(),
        ])
        #expect(result.status == 65)
        #expect(result.stderr.contains("ODataCatalog/Tables"))
        #expect(result.stderr.contains("without Identifier"))
    }
}
