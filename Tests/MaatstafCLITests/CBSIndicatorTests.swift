import Foundation
import MaatstafCore
import MaatstafTestServer
import Testing

/// Indicators over a fetched CBS table: 85984NED (Kerncijfers wijken en buurten 2024, real CBS numbers rebuilt as
/// OData responses, see Fixtures/85984NED/PROVENANCE.md) fetched through a local server, then compared.
@Suite("Indicators over fetched CBS tables, end to end")
struct CBSIndicatorTests {
    static let fixtures = RepositoryFixtures.root.appendingPathComponent("Tests/MaatstafCLITests/Fixtures/85984NED")

    func fetched() async throws -> (CLIRunner, String) {
        let server = try TestHTTPServer { request in
            let entity = request.path.split(separator: "/").last.map(String.init) ?? ""
            guard request.path.contains("/85984NED/"),
                let data = try? Data(contentsOf: Self.fixtures.appendingPathComponent("\(entity).json"))
            else {
                return TestResponse(status: 404, text: "not recorded")
            }
            return TestResponse(body: data)
        }
        var runner = CLIRunner()
        runner.environment["MAATSTAF_CBS_BASE"] = server.baseURL
        let cache = CLIRunner.freshLoadedCache()
        let fetch = try await runner.run(["fetch", "85984NED", "--cache-dir", cache])
        #expect(fetch.status == 0, "\(fetch.stderr)")
        return (runner, cache)
    }

    @Test("a user indicator over the fetched table: dwellings per 1,000 inhabitants, to the cent")
    func dwellings() async throws {
        let (runner, cache) = try await fetched()
        let file = RepositoryFixtures.temporaryFolder().appendingPathComponent("wonen.yaml")
        try """
        indicators:
          - id: wonen.woningen-per-1000
            title: { nl: "Woningen per 1 000 inwoners", en: "Dwellings per 1,000 inhabitants" }
            unit: { nl: "per 1 000 inwoners", en: "per 1,000 inhabitants" }
            numerator: { source: cbs, table: 85984NED, topics: [Woningvoorraad] }
            denominator: { source: cbs, table: 85984NED, topics: [AantalInwoners] }
            multiplier: 1000
            interval: none
        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try await runner.run([
            "compare", "--cache-dir", cache, "--indicator-file", file.path,
            "--indicator", "wonen.woningen-per-1000", "--format", "json",
            "--against", "national,1stroom", "--regions", RepositoryFixtures.regions.path,
            "Westervoort",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["year"] as? Int == 2024)
        let municipality = try #require((object["municipalities"] as? [[String: Any]])?.first)

        // Expected, from the fixture read independently: GM rows only, WK rows ignored.
        let raw =
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixtures.appendingPathComponent("TypedDataSet.json")))
            as! [String: Any]
        let rows = (raw["value"] as! [[String: Any]]).filter { ($0["WijkenEnBuurten"] as! String).hasPrefix("GM") }
        func number(_ row: [String: Any], _ key: String) -> Double { (row[key] as! NSNumber).doubleValue }
        let westervoort = rows.first { ($0["WijkenEnBuurten"] as! String).hasPrefix("GM0293") }!
        let expected = number(westervoort, "Woningvoorraad_35") / number(westervoort, "AantalInwoners_5") * 1000
        let national =
            rows.reduce(0) { $0 + number($1, "Woningvoorraad_35") } / rows.reduce(0) { $0 + number($1, "AantalInwoners_5") }
            * 1000
        func cents(_ value: Any?) -> Double { ((value as? Double ?? .nan) * 100).rounded() }
        #expect(cents(municipality["value"]) == (expected * 100).rounded())
        let references = try #require(municipality["references"] as? [[String: Any]])
        #expect(cents(references[0]["value"]) == (national * 100).rounded())
        #expect(references[0]["count"] as? Int == 342)
        #expect(municipality["interval"] is NSNull)
        let notes = object["notes"] as? [String] ?? []
        #expect(
            notes.contains {
                $0.contains("no municipality classes for 2024; municipalities, classes and regions of 2023 are used")
            })
        #expect(
            (object["sources"] as? [[String: Any]])?.first?["table"] as? String
                == "CBS 85984NED Kerncijfers wijken en buurten 2024")
    }

    @Test("a built-in indicator whose cells CBS left empty: every municipality missing, nothing counted as 0")
    func emptyTopic() async throws {
        let (runner, cache) = try await fetched()
        let result = try await runner.run([
            "compare", "--cache-dir", cache, "--indicator", "wmo.clienten-per-1000",
            "--format", "json", "--against", "national", "Westervoort",
        ])
        // Written in full, but the exit code tells a script that the chosen municipality has no value.
        #expect(result.status == 66, "\(result.stderr)")
        #expect(result.stderr.contains("Westervoort (CBS publishes no value"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let municipality = try #require((object["municipalities"] as? [[String: Any]])?.first)
        #expect(municipality["status"] as? String == "suppressed")
        #expect(municipality["value"] is NSNull)
        #expect(municipality["rank"] is NSNull)
        let reference = try #require((municipality["references"] as? [[String: Any]])?.first)
        #expect(reference["value"] is NSNull)
        #expect(reference["count"] as? Int == 0)
        #expect((object["missing"] as? [[String: Any]])?.count == 342)
    }

    @Test("a report over the fetched table: an indicator no municipality has a value for is said, not drawn as zeros")
    func reportWithEmptyIndicator() async throws {
        let (runner, cache) = try await fetched()
        let output = RepositoryFixtures.temporaryFolder().appendingPathComponent("participatie.html")
        let result = try await runner.run([
            "report", "--locale", "nl", "--cache-dir", cache, "--set", "participatie", "Westervoort",
            "--output", output.path, "--regions", RepositoryFixtures.regions.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: output, encoding: .utf8)
        #expect(html.contains("Personen met bijstand per 1 000 inwoners van 15 tot 65 jaar"))
        #expect(html.contains("Geen enkele gemeente heeft voor dit jaar een waarde"))
        #expect(html.contains("ontbreekt [1]"))
        #expect(html.contains("342 gemeente(n) zonder waarde tellen nergens mee (nooit als 0)."))
        #expect(!html.contains("Westervoort € 0,00"))
    }

    @Test("tables --stored lists the fetched table, without the network")
    func storedTables() async throws {
        let (runner, cache) = try await fetched()
        let result = try await runner.run(["tables", "--stored", "--format", "csv", "--cache-dir", cache])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix("85984NED,Kerncijfers wijken en buurten 2024,opendata,2024,343,"))
    }

    @Test("before the fetch, compare names the table to fetch and exits 70")
    func notFetched() async throws {
        let result = try await CLIRunner().run([
            "compare", "--cache-dir", CLIRunner.freshLoadedCache(),
            "--indicator", "bijstand.per-1000-15-65", "Westervoort",
        ])
        #expect(result.status == 70)
        #expect(
            result.stderr.contains(
                "needs CBS table 85984NED, which is not in the store. Run `maatstaf fetch 85984NED` once while connected"))
    }
}
