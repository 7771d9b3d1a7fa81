import Foundation
import MaatstafCore
import MaatstafTestServer
import Testing

/// Every combination of numerator source (Iv3, a fetched CBS table) and denominator (the population, a fetched CBS
/// table) is computed as defined — never a silent substitution — and what cannot be computed is refused when the
/// file is read. The CBS side is the SYNTHETIC 85099NED of `AgeSelectionIndicatorTests` (generated numbers in CBS's
/// shape, served on 127.0.0.1); the Iv3 side is the real 2025 budget file; expected values are computed here.
@Suite("Indicators over any numerator and denominator")
struct IndicatorCombinationTests {
    static let jeugd2025 = ["6.751", "6.752", "6.753", "6.761", "6.762", "6.763", "6.792"]

    /// The cost per client, with the 2025 layout beside 2017's; and youths with jeugdhulp per 1,000 inhabitants.
    static let definitions = """
        indicators:
          - id: jeugd.kosten-per-client
            title: { nl: "Jeugdhulp per cliënt", en: "Youth care per client" }
            unit: { nl: "euro per cliënt", en: "euros per client" }
            numerator: { source: iv3, taakvelden: { "2017": ["6.72a", "6.72b", "6.72c", "6.72d"], "2025": ["6.751", "6.752", "6.753", "6.761", "6.762", "6.763", "6.792"] } }
            denominator: { source: cbs, table: 85099NED, topics: [JongerenMetJeugdzorg], where: { VormenVanJeugdzorg: A045560 } }
          - id: test.jongeren-per-1000
            title: { nl: "Jongeren met jeugdhulp per 1 000 inwoners (test)", en: "Youths with jeugdhulp per 1,000 (test)" }
            unit: { nl: "per 1 000 inwoners", en: "per 1,000 inhabitants" }
            numerator: { source: cbs, table: 85099NED, topics: [JongerenMetJeugdzorg], where: { VormenVanJeugdzorg: A045560 } }
            denominator: population
            multiplier: 1000
        """

    let cache = CLIRunner.loadedCache

    func file(_ text: String) throws -> String {
        let url = RepositoryFixtures.temporaryFolder().appendingPathComponent("eigen.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("Iv3 ÷ a fetched CBS count: cost per client, not per inhabitant; unfetched, it names the fetch")
    func costPerClient() async throws {
        let (server, runner, cache) = try AgeSelectionIndicatorTests.session()
        defer { withExtendedLifetime(server) {} }
        let arguments = [
            "compare", "--cache-dir", cache, "--indicator-file", try file(Self.definitions), "--indicator",
            "jeugd.kosten-per-client", "--year", "2025", "--against", "national", "--format", "json",
            "Westervoort", "Duiven",
        ]
        let before = try await runner.run(arguments)
        #expect(before.status == 70, "\(before.stderr)")
        #expect(before.stderr.contains("needs CBS table 85099NED, which is not in the store"))
        let commands = AgeSelectionIndicatorTests.commands(in: before.stderr)
        #expect(commands.first?.prefix(3) == ["maatstaf", "fetch", "85099NED"])
        try await AgeSelectionIndicatorTests.run(commands, runner, cache: cache)

        let after = try await runner.run(arguments)
        #expect(after.status == 0, "\(after.stderr)")
        let object = try json(after.stdout)
        #expect((object["indicator"] as? [String: Any])?["valueKind"] as? String == "money")
        let municipalities = try #require(object["municipalities"] as? [[String: Any]])
        let raw = try RawIv3("iv3/2025_begroting.csv")
        let names = ["GM0293": "Westervoort", "GM0226": "Duiven", "GM1955": "Montferland"]
        func lasten(_ code: String) -> Double { raw.total(raw.municipalities[names[code]!]!, Self.jeugd2025, netto: false) }
        func clients(_ code: String) -> Double { Double(AgeSelectionIndicatorTests.youths(code, "2025JJ00", "A045560")) }
        for (index, code) in ["GM0293", "GM0226"].enumerated() {
            #expect(municipalities[index]["denominator"] as? Double == clients(code), "divided by clients, not inhabitants")
            #expect(sameCent(municipalities[index]["value"] as? Double, lasten(code) / clients(code)))
        }
        // The group: the three municipalities the CBS table holds; the other 339 have no denominator and are left out.
        let national = try #require((municipalities[0]["references"] as? [[String: Any]])?.first)
        let codes = ["GM0293", "GM0226", "GM1955"]
        #expect(sameCent(national["value"] as? Double, codes.map(lasten).reduce(0, +) / codes.map(clients).reduce(0, +)))
        #expect(national["count"] as? Int == 3)
        let leftOut = try #require(national["leftOut"] as? [String: Int])
        #expect(leftOut["no-delivery"] == raw.municipalities.values.filter { !$0.delivered }.count)
        #expect(leftOut.values.reduce(0, +) == 342 - 3)
        let sources = (object["sources"] as? [[String: Any]])?.compactMap { $0["table"] as? String } ?? []
        #expect(sources.first == "Iv3 begroting 2025" && sources.contains { $0.hasPrefix("CBS 85099NED") })
    }

    @Test("a CBS count ÷ the population: per 1,000 inhabitants of the year's class file")
    func countPerInhabitant() async throws {
        let (server, runner, cache) = try AgeSelectionIndicatorTests.session()
        defer { withExtendedLifetime(server) {} }
        try await AgeSelectionIndicatorTests.run([["maatstaf", "fetch", "85099NED"]], runner, cache: cache)
        let result = try await runner.run([
            "compare", "--cache-dir", cache, "--indicator-file", try file(Self.definitions),
            "--indicator", "test.jongeren-per-1000", "--year", "2025", "--against", "national",
            "--format", "json", "Westervoort",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let westervoort = try #require((try json(result.stdout)["municipalities"] as? [[String: Any]])?.first)
        // Inhabitants on 1 January 2025 from the snapshot's class file (gemeenteklassen_2025.tsv), read here.
        let rows = try RepositoryFixtures.simpleRows("classes/gemeenteklassen_2025.tsv", separator: "\t")
        let header = try #require(rows.first)
        let population = try #require(
            rows.first { $0.first == "Westervoort" }.flatMap { row in
                header.firstIndex { $0.lowercased().contains("inwoner") }.flatMap { Double(row[$0]) }
            })
        let youths = Double(AgeSelectionIndicatorTests.youths("GM0293", "2025JJ00", "A045560"))
        #expect(westervoort["denominator"] as? Double == population)
        #expect(sameCent(westervoort["value"] as? Double, youths / population * 1000))
    }

    @Test(
        "what cannot be computed is refused when the file is read, with its line and why",
        arguments: [
            ("denominator: { source: iv3, taakvelden: { \"2017\": [\"6.3\"] } }", "an Iv3 amount cannot be a denominator"),
            ("denominator: population\n    interval: wilson", "amounts in euros get no interval"),
            (
                "denominator: population\n    unit-kind: percentage\n    multiplier: 100",
                "an Iv3 numerator is an amount in euros: unit-kind must be money"
            ),
            ("denominator: population\n    broader: wmo.maatwerk", "broader goes with zero: not-booked"),
            ("denominator: population\n    zero: nothing", "zero must be value or not-booked"),
        ])
    func refused(_ denominator: String, _ reason: String) async throws {
        let text = """
            indicators:
              - id: test.ok
                title: { nl: x, en: x }
                unit: { nl: x, en: x }
                numerator: { source: iv3, taakvelden: { "2017": ["6.3"] } }
                denominator: population
              - id: test.kapot
                title: { nl: x, en: x }
                unit: { nl: x, en: x }
                numerator: { source: iv3, taakvelden: { "2017": ["6.3"] } }
                \(denominator)
            """
        let path = try file(text)
        let result = try await CLIRunner().run([
            "compare", "--indicator-file", path, "--indicator", "test.ok",
            "--cache-dir", cache, "Westervoort",
        ])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(path):7: indicator 2 (test.kapot): \(reason)"), "\(result.stderr)")
    }

    @Test("zero: not-booked belongs to Iv3 amounts, and broader must name an indicator")
    func notBookedRules() async throws {
        let cbs = try file(
            """
            indicators:
              - id: test.telling
                title: { nl: x, en: x }
                unit: { nl: x, en: x }
                numerator: { source: cbs, table: 85099NED, topics: [JongerenMetJeugdzorg], where: { VormenVanJeugdzorg: A045560 } }
                denominator: population
                zero: not-booked
            """)
        let first = try await CLIRunner().run([
            "indicators", "show", "test.telling", "--indicator-file", cbs, "--cache-dir", cache,
        ])
        #expect(first.status == 65)
        #expect(first.stderr.contains("zero: not-booked is for Iv3 amounts"), "\(first.stderr)")
        let unknown = try file(
            """
            indicators:
              - id: test.hh
                title: { nl: x, en: x }
                unit: { nl: x, en: x }
                numerator: { source: iv3, taakvelden: { "2025": ["6.711"] } }
                denominator: population
                zero: not-booked
                broader: wmo.bestaat-niet
            """)
        let second = try await CLIRunner().run([
            "indicators", "show", "test.hh", "--indicator-file", unknown, "--cache-dir", cache,
        ])
        #expect(second.status == 65)
        #expect(second.stderr.contains("broader names wmo.bestaat-niet, which is not an indicator"), "\(second.stderr)")
    }
}
