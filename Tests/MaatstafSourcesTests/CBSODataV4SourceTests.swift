import Foundation
import MaatstafCore
import MaatstafFetch
import MaatstafTestServer
import Testing

@testable import MaatstafSources

/// The OData v4 source against a local server replaying real CBS v4 responses (Fixtures/cbs-odata-v4, Bron: CBS).
@Suite("CBS OData v4 source")
struct CBSODataV4SourceTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/cbs-odata-v4")

    static func server(observations: Data? = nil) throws -> TestHTTPServer {
        try TestHTTPServer { request in
            var entity = request.path.split(separator: "/").last.map(String.init) ?? ""
            if entity == "Observations" {
                if let observations { return TestResponse(body: observations) }
                entity = "Observations_all"
            }
            guard request.path.contains("/80072ned/"),
                let data = try? Data(contentsOf: fixtures.appendingPathComponent("80072ned_\(entity).json"))
            else {
                return TestResponse(status: 404, text: "not recorded")
            }
            return TestResponse(body: data)
        }
    }

    func source(_ server: TestHTTPServer) -> CBSODataV4Source {
        CBSODataV4Source(
            fetcher: CachedFetcher(client: HTTPClient(), cache: HTTPCache(root: RepositoryFixtures.temporaryFolder())),
            base: server.baseURL + "/CBS")
    }

    @Test("observations are folded into one row per dimension combination, every observation kept")
    func realTable() async throws {
        let server = try Self.server()
        let set = try await source(server).dataSet("80072ned")
        #expect(set.table.identifier == "80072ned")
        #expect(set.dimensions.map(\.key) == ["Perioden", "BedrijfskenmerkenSBI2008"])
        #expect(set.dimensions.first?.kind == .timeDimension)
        #expect(set.topics.map(\.key) == ["M001924"])
        #expect(set.topics.first?.unit == "%")
        // Independently from the fixture: 4,409 observations of one measure → 4,409 rows; the first one's value.
        let raw =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.fixtures.appendingPathComponent("80072ned_Observations_all.json"))) as! [String: Any]
        let cells = raw["value"] as! [[String: Any]]
        #expect(set.rowCount == cells.count)
        #expect(set.code("Perioden", row: 0) == cells[0]["Perioden"] as? String)
        #expect(set.code("BedrijfskenmerkenSBI2008", row: 0) == cells[0]["BedrijfskenmerkenSBI2008"] as? String)
        #expect(set.value("M001924", row: 0) == .number(cells[0]["Value"] as! Double))
    }

    @Test("value attributes: Impossible, Confidential and NotAvailable are kept, never 0; infinity is refused")
    func attributes() throws {
        #expect(try CBSODataV4Source.value(["ValueAttribute": "None", "Value": 2.5], url: "u") == .number(2.5))
        #expect(try CBSODataV4Source.value(["ValueAttribute": "Confidential", "Value": NSNull()], url: "u") == .secret)
        #expect(try CBSODataV4Source.value(["ValueAttribute": "Impossible"], url: "u") == .notApplicable)
        #expect(try CBSODataV4Source.value(["ValueAttribute": "NotAvailable"], url: "u") == .unknown)
        #expect(try CBSODataV4Source.value(["ValueAttribute": "None", "Value": NSNull()], url: "u") == .unknown)
        #expect(throws: SourceError.self) {
            try CBSODataV4Source.value(["ValueAttribute": "None", "Value": Double.infinity], url: "u")
        }
    }

    @Test("fewer observations than Properties announces: an error")
    func shortDownload() async throws {
        // The real first page cut to its first 100 observations.
        let raw =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.fixtures.appendingPathComponent("80072ned_Observations_all.json"))) as! [String: Any]
        let short = try JSONSerialization.data(withJSONObject: ["value": Array((raw["value"] as! [[String: Any]]).prefix(100))])
        let server = try Self.server(observations: short)
        let error = await #expect(throws: SourceError.self) { try await source(server).dataSet("80072ned") }
        #expect(error?.reason.en == "received 100 observations but Properties announces 4409")
    }
}
