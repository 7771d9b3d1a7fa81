import Foundation
import MaatstafCore
import MaatstafTestServer
import Testing

@Suite("maatstaf report, end to end on the embedded snapshot")
struct ReportCommandTests {
    let cache = CLIRunner.loadedCache
    let folder = RepositoryFixtures.temporaryFolder()

    func run(_ arguments: [String]) async throws -> CLIRunner.Result {
        // Reports are read in Dutch here unless a test asks for English: the language of most report users.
        let language = arguments.contains("--locale") ? [] : ["--locale", "nl"]
        return try await CLIRunner().run(
            ["report"] + language + arguments + ["--cache-dir", cache, "--regions", RepositoryFixtures.regions.path])
    }

    /// `€ 91,52`: two decimals with a decimal comma, for values under 1,000 (no grouping needed).
    func dutch(_ value: Double) -> String {
        "€ " + String(format: "%.2f", value).replacingOccurrences(of: ".", with: ",")
    }

    @Test("the issue's command writes one HTML file with every named Iv3 indicator, offline, and says so")
    func issueCommand() async throws {
        let output = folder.appendingPathComponent("report.html")
        let result = try await run(["Westervoort", "Duiven", "Steenwijkerland", "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        // A Dutch run says so in Dutch on stderr too.
        // The sociaal-domein set: the nine named Iv3 indicators of builtin-indicators.yaml.
        #expect(result.stderr.contains("\(output.path) geschreven: 9 indicator(en), 3 gemeenten"))
        let html = try String(contentsOf: output, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        let raw = try RawIv3("iv3/2025_begroting.csv")
        #expect(html.contains(">\(dutch(raw.groupRate(["6.711"]) { $0.delivered && $0.books(["6.711"]) }))<"))
        #expect(html.contains(">Westervoort \(dutch(raw.rate("Westervoort", ["6.711"])))<"))
        #expect(html.contains("Bron: CBS (CC BY 4.0)"))
    }

    @Test("the trend note promises a line only where one is drawn: household help 2023–2025 crosses the layout change")
    func trendNoteHonest() async throws {
        let output = folder.appendingPathComponent("two.html")
        let result = try await run([
            "Westervoort", "Duiven", "--year", "2023", "--indicators", "wmo.huishoudelijke-hulp", "--output", output.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: output, encoding: .utf8)
        // 2023 is taakveld 6.71a, 2025 is 6.711: a budget on each side and one set of accounts, nothing to join.
        let trend = try #require(
            html.components(separatedBy: "<figcaption>Ontwikkeling</figcaption>").dropFirst().first?
                .components(separatedBy: "</figure>").first)
        #expect(!trend.contains("<polyline"))
        #expect(trend.contains("Geen lijnen") && !trend.contains("Doorgetrokken lijn"))
    }

    @Test("the nearest neighbours are named on paper, the same ones `peers` lists")
    func neighboursNamed() async throws {
        let result = try await run([
            "Westervoort", "--year", "2023", "--indicators", "wmo.huishoudelijke-hulp", "--against", "peers", "--format",
            "markdown",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let note = try #require(
            result.stdout.split(separator: "\n").first { $0.contains("Westervoort: 15 naaste buren, gevonden op") })
        let peers = try await CLIRunner().run([
            "peers", "Westervoort", "--year", "2023", "--format", "json", "--cache-dir", cache,
        ])
        #expect(peers.status == 0, "\(peers.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(peers.stdout.utf8)) as? [String: Any])
        let neighbours = try #require(object["neighbours"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(neighbours.count == 15)
        #expect(note.hasSuffix("het zijn " + neighbours.sorted().joined(separator: ", ") + "."), "\(note)")
    }

    @Test("the report names the members far outside a group in one footnote per indicator: Renkum in its COROP")
    func outliersFootnote() async throws {
        let result = try await run([
            "Renkum", "--year", "2023", "--indicators", "wmo.huishoudelijke-hulp", "--against", "province,corop", "--format",
            "markdown", "--locale", "en",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").filter { $0.contains("Far outside the other members of their group") }
        #expect(lines.count == 1)
        #expect(lines.first?.contains("Arnhem/Nijmegen (COROP): Renkum") == true, "\(lines)")
    }

    @Test("no 'since' column of dashes when no row has an earlier year to change from; one when some row has")
    func sinceColumn() async throws {
        for (year, expected) in [("2023", false), ("2025", true)] {
            let output = folder.appendingPathComponent("since-\(year).html")
            let result = try await run([
                "Westervoort", "--year", year, "--indicators", "wmo.huishoudelijke-hulp", "--output", output.path,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let html = try String(contentsOf: output, encoding: .utf8)
            #expect(html.contains("<th scope=\"col\" class=\"num\">Sinds") == expected, "\(year)")
            let markdown = try await run([
                "Westervoort", "--year", year, "--indicators", "wmo.huishoudelijke-hulp", "--format", "markdown",
            ])
            let header = markdown.stdout.split(separator: "\n").first { $0.hasPrefix("| Indicator") } ?? ""
            #expect(header.contains("Sinds") == expected, "\(year): \(header)")
        }
    }

    @Test("Markdown to stdout, in English, for chosen indicators")
    func markdown() async throws {
        let result = try await run([
            "--format", "markdown", "--locale", "en", "--indicators", "wmo.huishoudelijke-hulp,jeugd.hulp",
            "--against", "corop,1stroom", "Duiven",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("## 1. Household help (Wmo)"))
        #expect(result.stdout.contains("## 2. Youth care"))
        #expect(result.stdout.contains("| 1Stroom (Duiven en Westervoort) (region) |"))
        #expect(result.stdout.contains("(COROP)"))
    }

    @Test("--set all keeps the report and names the CBS tables to fetch for what it left out")
    func unfetchedTables() async throws {
        let output = folder.appendingPathComponent("all.html")
        let result = try await run(["--set", "all", "Westervoort", "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Weggelaten: bijstand.per-1000-15-65"))
        #expect(result.stderr.contains("maatstaf fetch 85984NED"))
    }

    @Test("targets from a file appear with their status; a broken file is named with its lines and nothing is written")
    func targets() async throws {
        let output = folder.appendingPathComponent("targets.html")
        let good = folder.appendingPathComponent("doelen.yaml")
        try """
        targets:
          - municipality: Westervoort
            indicator: wmo.huishoudelijke-hulp
            year: 2025
            at-most: 1000
        """.write(to: good, atomically: true, encoding: .utf8)
        let first = try await run(["--targets", good.path, "Westervoort", "--output", output.path])
        #expect(first.status == 0, "\(first.stderr)")
        let written = try String(contentsOf: output, encoding: .utf8)
        #expect(written.contains("<span class=\"status met\">✓ gehaald</span>"))

        let broken = folder.appendingPathComponent("kapot.yaml")
        try "targets:\n  - municipality: Atlantis\n    indicator: wmo.huishoudelijke-hulp\n    year: 2025\n    at-most: 1\n"
            .write(to: broken, atomically: true, encoding: .utf8)
        let second = try await run(["--targets", broken.path, "Westervoort", "--output", output.path])
        #expect(second.status == 65)
        #expect(second.stderr.contains("kapot.yaml:2: municipality \"Atlantis\""))
        // The earlier report is still there, untouched.
        #expect(try String(contentsOf: output, encoding: .utf8) == written)
    }

    @Test("bad input: unknown municipality, unknown set, both --indicators and --set, a year without data")
    func badInput() async throws {
        let unknown = try await run(["--format", "markdown", "Atlantis"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("Atlantis"))
        let set = try await run(["--format", "markdown", "--set", "zorg", "Duiven"])
        #expect(set.status == 65)
        #expect(set.stderr.contains("sociaal-domein"))
        let both = try await run(["--format", "markdown", "--set", "wmo", "--indicators", "jeugd.hulp", "Duiven"])
        #expect(both.status == 64)
        let year = try await run(["--format", "markdown", "--year", "1999", "Duiven"])
        #expect(year.status == 65)
        #expect(year.stderr.contains("1999"))
    }

    @Test("many municipalities: one row each with the difference from every group and a trend line")
    func manyMunicipalities() async throws {
        let output = folder.appendingPathComponent("zeven.html").path
        let names = ["Westervoort", "Duiven", "Zevenaar", "Montferland", "Doesburg", "Rheden", "Arnhem"]
        let result = try await run(["--indicators", "jeugd.hulp", "--year", "2023", "--output", output] + names)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(!html.contains("<div class=\"trend"))
        #expect(html.contains("<td class=\"spark\"><svg"))
        #expect(html.contains(">Δ provincie</th>"))
        // Westervoort's row: its difference from the national rate, from the raw 2023 accounts.
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let taakvelden = ["6.72", "6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c"]
        let national = raw.groupRate(taakvelden) { $0.delivered && $0.books(taakvelden) }
        let percent = (raw.rate("Westervoort", taakvelden) - national) / national * 100
        let expected = String(format: "+%.1f%%", percent).replacingOccurrences(of: ".", with: ",")
        let row = try #require(html.components(separatedBy: "<tr>").first { $0.hasPrefix("<td>Westervoort</td>") })
        #expect(row.contains(">\(expected)</td>"), "\(row)")
    }

    @Test(
        "many municipalities, several indicators: the summary is one matrix of values and differences; a missing value reads as missing"
    )
    func summaryMatrix() async throws {
        let output = folder.appendingPathComponent("matrix.html").path
        let names = ["Westervoort", "Duiven", "Zevenaar", "Montferland", "Doesburg", "Rheden", "Arnhem", "Vijfheerenlanden"]
        let result = try await run(
            ["--indicators", "wmo.huishoudelijke-hulp,jeugd.hulp", "--year", "2023", "--output", output] + names)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: output, encoding: .utf8)
        let summary = try #require(
            html.components(separatedBy: "<table class=\"matrix\">").dropFirst().first?
                .components(separatedBy: "</table>").first)
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        func euros(_ value: Double) -> String {
            "€ " + String(format: "%.2f", value).replacingOccurrences(of: ".", with: ",")
        }
        // One row per municipality with both indicators' values, computed from the raw 2023 accounts.
        let westervoort = try #require(summary.components(separatedBy: "<tr>").first { $0.contains(">Westervoort</th>") })
        let youth = ["6.72", "6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c"]
        #expect(westervoort.contains(euros(raw.rate("Westervoort", ["6.71a"]))), "\(westervoort)")
        #expect(westervoort.contains(euros(raw.rate("Westervoort", youth))), "\(westervoort)")
        let national = raw.groupRate(["6.71a"]) { $0.delivered && $0.books(["6.71a"]) }
        let difference = (raw.rate("Westervoort", ["6.71a"]) - national) / national * 100
        #expect(westervoort.contains(String(format: "+%.1f%%", difference).replacingOccurrences(of: ".", with: ",")))
        #expect(summary.contains("<tr class=\"national\">") && summary.contains(euros(national)))
        // Vijfheerenlanden delivered no 2023 accounts: missing in both columns, never € 0,00.
        let missing = try #require(summary.components(separatedBy: "<tr>").first { $0.contains(">Vijfheerenlanden</th>") })
        #expect(missing.components(separatedBy: "class=\"num missing\"").count == 3, "\(missing)")
        #expect(!missing.contains("€ 0,00"))
        #expect(!html.contains("<svg class=\"gauge\""), "no gauges: a matrix")
    }

    @Test("a map per indicator: every municipality with its name and value as a title, the chosen outlined, no value hatched")
    func map() async throws {
        let output = folder.appendingPathComponent("kaart.html").path
        let result = try await run([
            "--indicators", "jeugd.hulp", "--year", "2023", "--output", output, "Westervoort", "Duiven", "Steenwijkerland",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: output, encoding: .utf8)
        let start = try #require(html.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart map\""))
        let map = String(html[start.lowerBound...].prefix { _ in true }.split(separator: "</svg>", maxSplits: 1)[0])
        let classes2023 = try RepositoryFixtures.simpleRows("classes/gemeenteklassen_2023.tsv", separator: "\t").count - 1
        #expect(map.components(separatedBy: "<path ").count - 1 == classes2023)
        // Westervoort's title carries its value from the raw 2023 accounts, in Dutch notation.
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let taakvelden = ["6.72", "6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c"]
        let value = String(format: "%.2f", raw.rate("Westervoort", taakvelden)).replacingOccurrences(of: ".", with: ",")
        #expect(map.contains("<title>Westervoort: € \(value)</title>"))
        // The three chosen drawn with the outline; Vijfheerenlanden (no 2023 accounts) hatched, named, not 0.
        #expect(map.components(separatedBy: "stroke=\"#D55E00\" stroke-width=\"14\"").count - 1 == 3)
        #expect(map.contains("fill=\"url(#hatch)\""))
        #expect(map.contains("<title>Vijfheerenlanden: "))
        #expect(!map.contains("<title>Vijfheerenlanden: € 0"))
        #expect(html.contains("geen waarde (1): Vijfheerenlanden"))
    }
}
