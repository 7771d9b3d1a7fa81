import Foundation
import MaatstafCore
import MaatstafTestServer
import Testing

/// The built-in youth-care share (`jeugd.jongeren-met-jeugdhulp-pct`) from an empty store to a comparison: compare names
/// the fetches, the test runs exactly those commands against a local server, and compare then answers.
///
/// The server plays CBS's part with SYNTHETIC tables (generated numbers, not statistics; ../shared holds no real
/// 85099NED or 03759ned response) in CBS's shape: padded keys, code lists, `$filter` applied on exact padded keys and
/// `$select` honoured. What is under test is the path — the printed commands fetch what the definition sums, and only
/// that — with the expected values computed here from the served rows.
@Suite("An indicator over population by age: from the fetch advice to the comparison")
struct AgeSelectionIndicatorTests {
    static let regions = ["GM0293", "GM0226", "GM1955", "NL01"]
    static let periods = ["2024JJ00", "2025JJ00"]
    /// Ages 0–20 as CBS codes them (0 → 10010, n → 10000 + 100 n), and the total 10000.
    static let ages = ["10000", "10010"] + (1...20).map { String(10000 + 100 * $0) }

    static func padded(_ code: String, _ width: Int) -> String { code.padding(toLength: width, withPad: " ", startingAt: 0) }

    /// A synthetic number per cell: different in every cell, so a wrong cell in a sum shows.
    static func population(_ region: String, _ period: String, _ sex: String, _ state: String, _ age: String) -> Int {
        let base = Int(region.dropFirst(2)) ?? 9000
        return (base % 97) * 13 + Int(age)! % 1000 + (period.hasPrefix("2025") ? 7 : 0) + sex.count * 3 + state.count
    }

    static func youths(_ region: String, _ period: String, _ form: String) -> Int {
        (Int(region.dropFirst(2)) ?? 9000) % 89 + (form == "A045560" ? 120 : 40) + (period.hasPrefix("2025") ? 11 : 0)
    }

    typealias Table = ODataReplayTable

    /// Built on each use (a few thousand rows): rows of `Any` cannot be shared between the server's threads.
    static var tables: [String: Table] {
        let regionList = regions.map { (padded($0, 10), "Synthetic \($0)") }
        let periodList = periods.map { ($0, String($0.prefix(4))) }
        var youthRows: [[String: Any]] = []
        for region in regions {
            for period in periods {
                for form in ["A045561", "A045560", "A027919"] {
                    youthRows.append([
                        "RegioS": padded(region, 10), "VormenVanJeugdzorg": padded(form, 8), "Perioden": period,
                        "JongerenMetJeugdzorg_1": youths(region, period, form),
                    ])
                }
            }
        }
        var populationRows: [[String: Any]] = []
        for region in regions {
            for period in periods {
                for sex in ["T001038", "3000", "4000"] {
                    for state in ["T001019", "1010"] {
                        for age in ages {
                            populationRows.append([
                                "Geslacht": padded(sex, 8), "Leeftijd": padded(age, 6), "BurgerlijkeStaat": padded(state, 8),
                                "RegioS": padded(region, 10), "Perioden": period,
                                "BevolkingOp1Januari_1": population(region, period, sex, state, age),
                                "GemiddeldeBevolking_2": NSNull(),
                            ])
                        }
                    }
                }
            }
        }
        return [
            "85099NED": Table(
                title: "Synthetic: jeugdzorg per gemeente",
                properties:
                    #"[{"ID":0,"Type":"GeoDimension","Key":"RegioS","Title":"Regio's"},{"ID":1,"Type":"Dimension","Key":"VormenVanJeugdzorg","Title":"Vormen van jeugdzorg"},{"ID":2,"Type":"TimeDimension","Key":"Perioden","Title":"Perioden"},{"ID":3,"Type":"Topic","Key":"JongerenMetJeugdzorg_1","Title":"Jongeren met jeugdzorg","Unit":"aantal","Decimals":0}]"#,
                lists: [
                    "RegioS": regionList, "Perioden": periodList,
                    "VormenVanJeugdzorg": [
                        (padded("A045561", 8), "JZ Totaal jeugdzorg"), (padded("A045560", 8), "JH 1 Totaal jeugdhulp"),
                        (padded("A027919", 8), "Jeugdbescherming"),
                    ],
                ],
                rows: youthRows),
            "03759ned": Table(
                title: "Synthetic: bevolking op 1 januari",
                properties:
                    #"[{"ID":0,"Type":"Dimension","Key":"Geslacht","Title":"Geslacht"},{"ID":1,"Type":"Dimension","Key":"Leeftijd","Title":"Leeftijd"},{"ID":2,"Type":"Dimension","Key":"BurgerlijkeStaat","Title":"Burgerlijke staat"},{"ID":3,"Type":"GeoDimension","Key":"RegioS","Title":"Regio's"},{"ID":4,"Type":"TimeDimension","Key":"Perioden","Title":"Perioden"},{"ID":5,"Type":"Topic","Key":"BevolkingOp1Januari_1","Title":"Bevolking op 1 januari","Unit":"aantal","Decimals":0},{"ID":6,"Type":"Topic","Key":"GemiddeldeBevolking_2","Title":"Gemiddelde bevolking","Unit":"aantal","Decimals":0}]"#,
                lists: [
                    "RegioS": regionList, "Perioden": periodList,
                    "Geslacht": [
                        (padded("T001038", 8), "Totaal mannen en vrouwen"), (padded("3000", 8), "Mannen"),
                        (padded("4000", 8), "Vrouwen"),
                    ],
                    "BurgerlijkeStaat": [(padded("T001019", 8), "Totaal burgerlijke staat"), (padded("1010", 8), "Ongehuwd")],
                    "Leeftijd": ages.map {
                        (padded($0, 6), $0 == "10000" ? "Totaal" : $0 == "10010" ? "0 jaar" : "\((Int($0)! - 10000) / 100) jaar")
                    },
                ],
                rows: populationRows),
        ]
    }

    static func server() throws -> TestHTTPServer {
        try ODataReplayTable.serve { Self.tables }
    }

    /// A server, a runner pointed at it and an empty cache folder; keep the server alive for the whole test.
    static func session() throws -> (TestHTTPServer, CLIRunner, String) {
        let server = try server()
        var runner = CLIRunner()
        runner.environment["MAATSTAF_CBS_BASE"] = server.baseURL
        return (server, runner, CLIRunner.freshLoadedCache())
    }

    /// Runs printed `maatstaf …` commands in the cache folder; each must succeed.
    static func run(_ commands: [[String]], _ runner: CLIRunner, cache: String) async throws {
        for command in commands {
            let result = try await runner.run(Array(command.dropFirst()) + ["--cache-dir", cache])
            #expect(result.status == 0, "\(command.joined(separator: " ")): \(result.stderr)")
        }
    }

    /// The backticked commands of an error message, split into words (the advice quotes nothing here).
    static func commands(in message: String) -> [[String]] {
        message.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map {
            $0.element.split(separator: " ").map(String.init)
        }
    }

    @Test("compare names both fetches; run as printed they fetch only the picked cells; compare then answers to the cent")
    func adviceToComparison() async throws {
        let (server, runner, cache) = try Self.session()
        defer { withExtendedLifetime(server) {} }
        let compareArguments = [
            "compare", "--cache-dir", cache, "--indicator", "jeugd.jongeren-met-jeugdhulp-pct", "--year", "2025",
            "--against", "national", "--format", "json", "Westervoort", "Duiven",
        ]

        let before = try await runner.run(compareArguments)
        #expect(before.status == 70)
        #expect(before.stderr.contains("needs CBS tables 85099NED and 03759ned, which are not in the store"))
        let commands = Self.commands(in: before.stderr)
        #expect(commands.count == 2)
        #expect(
            commands.first == [
                "maatstaf", "fetch", "85099NED", "--period", "2025", "--topic", "JongerenMetJeugdzorg",
                "--where", "VormenVanJeugdzorg=A045560",
            ])

        try await Self.run(commands, runner, cache: cache)
        // Only the picked cells came: one form of care; 18 ages × 1 sex × 1 marital status per region and year.
        let describe = try await runner.run(["describe", "03759ned", "--cache-dir", cache])
        #expect(describe.status == 0, "\(describe.stderr)")
        #expect(describe.stdout.contains("\(Self.regions.count * 18) rows (announced"), "\(describe.stdout)")

        let after = try await runner.run(compareArguments)
        #expect(after.status == 0, "\(after.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])
        let municipalities = try #require(object["municipalities"] as? [[String: Any]])

        // Expected, from the served rows: youths with jeugdhulp over the sum of the ages 0–17 (both sexes, all states).
        let youngAges = ["10010"] + (1...17).map { String(10000 + 100 * $0) }
        func share(_ region: String) -> (Double, Double) {
            let youths = Double(Self.youths(region, "2025JJ00", "A045560"))
            let children = youngAges.reduce(0.0) { $0 + Double(Self.population(region, "2025JJ00", "T001038", "T001019", $1)) }
            return (youths, children)
        }
        func cents(_ value: Any?) -> Double { ((value as? Double ?? .nan) * 100).rounded() }
        for (index, code) in ["GM0293", "GM0226"].enumerated() {
            let (youths, children) = share(code)
            #expect(municipalities[index]["code"] as? String == code)
            #expect(municipalities[index]["numerator"] as? Double == youths)
            #expect(municipalities[index]["denominator"] as? Double == children)
            #expect(cents(municipalities[index]["value"]) == (youths / children * 100 * 100).rounded())
            #expect(municipalities[index]["interval"] is [String: Any], "a share of people gets a Wilson interval")
        }
        // The Netherlands as a whole: the three municipalities the tables hold; every other one is missing, not 0.
        let sums = ["GM0293", "GM0226", "GM1955"].map(share).reduce((0.0, 0.0)) { ($0.0 + $1.0, $0.1 + $1.1) }
        let national = try #require((municipalities[0]["references"] as? [[String: Any]])?.first)
        #expect(cents(national["value"]) == (sums.0 / sums.1 * 100 * 100).rounded())
        #expect(national["count"] as? Int == 3)
        let sources = (object["sources"] as? [[String: Any]])?.compactMap { $0["table"] as? String } ?? []
        #expect(sources.contains { $0.hasPrefix("CBS 85099NED") } && sources.contains { $0.hasPrefix("CBS 03759ned") })
    }

    @Test("a filtered part fetched for other codes or years: the advice fetches the stored part and the new needs together")
    func partsJoined() async throws {
        let (server, runner, cache) = try Self.session()
        defer { withExtendedLifetime(server) {} }
        let youth = ["compare", "--cache-dir", cache, "--indicator", "jeugd.jongeren-met-jeugdhulp-pct", "--against", "national"]
        try await Self.run(
            Self.commands(in: try await runner.run(youth + ["--year", "2025", "Westervoort"]).stderr), runner, cache: cache)

        // An indicator of one's own over the ages 18–20 of the same table: its codes are not in the stored part.
        let file = RepositoryFixtures.temporaryFolder().appendingPathComponent("jongvolwassenen.yaml")
        try """
        indicators:
          - id: test.jongvolwassenen
            title: { nl: "Jongvolwassenen per inwoner (test)", en: "Young adults per inhabitant (test)" }
            unit: { nl: "per inwoner", en: "per inhabitant" }
            numerator: { source: cbs, table: 03759ned, topics: [BevolkingOp1Januari], where: { Geslacht: T001038, BurgerlijkeStaat: T001019, Leeftijd: ["18 jaar", "19 jaar", "20 jaar"] } }
            denominator: population
        """.write(to: file, atomically: true, encoding: .utf8)
        let adults = [
            "compare", "--cache-dir", cache, "--indicator-file", file.path, "--indicator", "test.jongvolwassenen",
            "--year", "2025", "--format", "json", "Westervoort",
        ]
        let lacking = try await runner.run(adults)
        #expect(lacking.status == 70)
        #expect(
            lacking.stderr.contains(
                "the stored part of CBS table 03759ned has no rows for Leeftijd 11800, 11900, 12000 (it was fetched for other codes)"
            ))
        // A report over both leaves the starved one out, with the fetch that mends it, and shows the other.
        let output = RepositoryFixtures.temporaryFolder().appendingPathComponent("rapport.md")
        let report = try await runner.run([
            "report", "--locale", "nl", "--cache-dir", cache, "--indicator-file", file.path, "--year", "2025",
            "--indicators", "test.jongvolwassenen,jeugd.jongeren-met-jeugdhulp-pct",
            "--format", "markdown", "--output", output.path, "Westervoort",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let markdown = try String(contentsOf: output, encoding: .utf8)
        #expect(
            markdown.contains("het opgeslagen deel van CBS-tabel 03759ned heeft geen rijen voor Leeftijd 11800, 11900, 12000"))
        #expect(markdown.contains("Jongeren met jeugdhulp, % van de 0- tot en met 17-jarigen"))

        let joined = try #require(Self.commands(in: lacking.stderr).first)
        #expect(
            joined.contains(
                "Leeftijd=10010,10100,10200,10300,10400,10500,10600,10700,10800,10900,11000,11100,11200,11300,11400,11500,11600,11700,11800,11900,12000"
            ))
        try await Self.run([joined], runner, cache: cache)
        let both = [try await runner.run(adults), try await runner.run(youth + ["--year", "2025", "Westervoort"])]
        #expect(both.allSatisfy { $0.status == 0 }, "\(both.map(\.stderr))")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(both[0].stdout.utf8)) as? [String: Any])
        let expected = ["11800", "11900", "12000"].reduce(0.0) {
            $0 + Double(Self.population("GM0293", "2025JJ00", "T001038", "T001019", $1))
        }
        #expect((object["municipalities"] as? [[String: Any]])?.first?["numerator"] as? Double == expected)

        // A year the stored part lacks: the advice asks for the stored year and the new one in one fetch.
        let earlier = try await runner.run(youth + ["--year", "2024", "Westervoort"])
        #expect(earlier.status == 65)
        #expect(
            earlier.stderr.contains(
                "CBS table 85099NED has no figures for 2024. Years in the stored table: 2025; fetch the stored years and 2024 together. Run `maatstaf fetch 85099NED --period 2024..2025"
            ))
        try await Self.run(Self.commands(in: earlier.stderr), runner, cache: cache)
        let again = try await runner.run(youth + ["--year", "2024", "Westervoort"])
        #expect(again.status == 65, "03759ned still holds 2025 only: \(again.stderr)")
        try await Self.run(Self.commands(in: again.stderr), runner, cache: cache)
        let answered = try await runner.run(youth + ["--year", "2024", "Westervoort"])
        #expect(answered.status == 0, "\(answered.stderr)")
    }

    @Test("a code the fetched table does not list is an error naming it, not a column of missing values")
    func unknownCode() async throws {
        let (server, runner, cache) = try Self.session()
        defer { withExtendedLifetime(server) {} }
        let fetch = try await runner.run(["fetch", "85099NED", "--cache-dir", cache])
        #expect(fetch.status == 0, "\(fetch.stderr)")
        let file = RepositoryFixtures.temporaryFolder().appendingPathComponent("jeugd.yaml")
        try """
        indicators:
          - id: test.jeugdbescherming
            title: { nl: "Jeugdbescherming (test)", en: "Youth protection (test)" }
            unit: { nl: "aantal", en: "count" }
            numerator: { source: cbs, table: 85099NED, topics: [JongerenMetJeugdzorg], where: { VormenVanJeugdzorg: "Jeugdbeschermng" } }
            denominator: population
            interval: none
        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try await runner.run([
            "compare", "--cache-dir", cache, "--indicator-file", file.path,
            "--indicator", "test.jeugdbescherming", "--year", "2025", "Westervoort",
        ])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains(
                "picks \"Jeugdbeschermng\" in VormenVanJeugdzorg, which CBS table 85099NED has no code or title for"))
        #expect(result.stderr.contains("Did you mean A027919 (Jeugdbescherming)?"))
        // By its title the same code works.
        try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "Jeugdbeschermng", with: "jeugdbescherming")
            .write(to: file, atomically: true, encoding: .utf8)
        let fixed = try await runner.run([
            "compare", "--cache-dir", cache, "--indicator-file", file.path, "--format", "json",
            "--indicator", "test.jeugdbescherming", "--year", "2025", "Westervoort",
        ])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(fixed.stdout.utf8)) as? [String: Any])
        #expect(
            (object["municipalities"] as? [[String: Any]])?.first?["numerator"] as? Double
                == Double(Self.youths("GM0293", "2025JJ00", "A027919")))
    }
}
