import Foundation
import MaatstafTestServer
import Testing

/// `maatstaf explain` end to end: every part recomputed here from the raw files (Iv3, the fund's files, the own-figures
/// example), with Shapley's split written out by hand for two and three factors.
@Suite("Explain: a gap or a change split exactly into its factors")
struct ExplainCommandTests {
    static let cluster = "Individuele voorzieningen Wmo"
    /// BZK's mapping of the Wmo cluster to the 2025 taakvelden (../shared/data/raw/SOURCES.md §12).
    static let wmo2025 = ["6.60", "6.711", "6.712", "6.713", "6.714", "6.811", "6.812"]

    /// A tab-separated snapshot file's rows; CRLF made LF first ("\r\n" is one Character in Swift).
    static func rows(_ path: String) throws -> [[String]] {
        try String(contentsOf: RepositoryFixtures.snapshot.appendingPathComponent(path), encoding: .utf8)
            .replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map { $0.components(separatedBy: "\t") }
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Shapley's parts for three factors, written out: a factor's part is its change times the others' products,
    /// weighted 1/3 when both others are at the same end (start or end) and 1/6 when they are at different ends.
    static func shapley3(_ start: [Double], _ end: [Double]) -> [Double] {
        (0..<3).map { i in
            let others = (0..<3).filter { $0 != i }
            let (j, k) = (others[0], others[1])
            let delta = end[i] - start[i]
            return delta
                * ((start[j] * start[k] + end[j] * end[k]) / 3 + (start[j] * end[k] + end[j] * start[k]) / 6)
        }
    }

    @Test(
        "Westervoort's Wmo spending gap to the Netherlands, 2025 budget: need and spending relative to need, every part from the raw files"
    )
    func westervoortAgainstNetherlands() async throws {
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        let result = try await runner.run([
            "explain", "--indicator", "fonds.wmo.uitgaven", "--year", "2025", "--format", "json", "--cache-dir", cache,
            "Westervoort",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try json(result.stdout)
        #expect(object["schema"] as? String == "maatstaf.explain/1")
        let explanation = try #require((object["explanations"] as? [[String: Any]])?.first)
        let parts = try #require(explanation["parts"] as? [[String: Any]])

        // Independently: spending from the raw Iv3 file, allocations from the fund's raw files, inhabitants from the
        // Iv3 file's Inwonertal; municipalities joined from the fund's names through the snapshot's name list.
        let raw = try RawIv3("iv3/2025_begroting.csv")
        let fund = try FundCommandTests.Independent(
            files: FundCommandTests.folder, id: "M2024_2025", factorFor: ("M2024", "2025"))
        let names = try Self.rows("classes/gemeentenamen_iv3_vs_gemeentefonds.tsv")
            .dropFirst().reduce(into: [String: String]()) { $0[$1[1].trimmingCharacters(in: .whitespacesAndNewlines)] = $1[0] }
        let volumes = try Self.rows("gemeentefonds/GF_M2024_2025_Volumina.csv")
            .dropFirst().filter { $0.count > 1 }
        var municipalities: [(allocation: Double, population: Double, spending: Double?)] = []
        var westervoort: (allocation: Double, population: Double, spending: Double?)?
        for row in volumes {
            let code = "GM" + String(repeating: "0", count: max(0, 4 - row[0].count)) + row[0]
            let fundName = row[1].trimmingCharacters(in: .whitespacesAndNewlines)
            let iv3 = try #require(raw.municipalities[fundName] ?? names[fundName].flatMap { raw.municipalities[$0] })
            let allocation = try #require(fund.allocations[code]?[Self.cluster] ?? nil)
            let spending = iv3.delivered ? raw.total(iv3, Self.wmo2025, netto: true) : nil
            municipalities.append((allocation, iv3.population, spending))
            if code == "GM0293" { westervoort = (allocation, iv3.population, spending) }
        }
        #expect(municipalities.count == 342)
        let national = municipalities.map(\.allocation).reduce(0, +) / municipalities.map(\.population).reduce(0, +)
        let counted = municipalities.filter { $0.spending != nil }
        let spendingS = counted.map { $0.spending! }.reduce(0, +)
        let allocationS = counted.map(\.allocation).reduce(0, +)
        let populationS = counted.map(\.population).reduce(0, +)
        let start = [allocationS / national / populationS, spendingS / allocationS, national]
        let w = try #require(westervoort)
        let end = [w.allocation / national / w.population, w.spending! / w.allocation, national]
        let expected = Self.shapley3(start, end)

        #expect((explanation["baseline"] as? [String: Any])?["members"] as? Int == counted.count)
        #expect(sameCent(explanation["start"] as? Double, spendingS / populationS))
        #expect(sameCent(explanation["end"] as? Double, w.spending! / w.population))
        for (index, part) in parts.enumerated() {
            #expect(abs((part["start"] as? Double ?? 0) - start[index]) < 1e-9)
            #expect(abs((part["end"] as? Double ?? 0) - end[index]) < 1e-9)
            #expect(sameCent(part["part"] as? Double, expected[index]), "part \(index)")
            #expect(sameCent(part["partInAll"] as? Double, expected[index] * w.population))
        }
        #expect(
            parts.map { $0["indicator"] as? String } == ["fonds.wmo.behoefte", "fonds.wmo.verhouding", "fonds.wmo.uitkering"])
        // The national allocation is the same on both sides: its part is 0; the two others carry the whole gap.
        #expect(abs(parts[2]["part"] as? Double ?? 1) < 1e-9)
        let sum = parts.compactMap { $0["part"] as? Double }.reduce(0, +)
        #expect(abs(sum - (explanation["difference"] as? Double ?? 0)) < 1e-9)

        // The text a memo quotes: parts rounded so that they add up to the rounded total, to the cent.
        let text = try await runner.run([
            "explain", "--indicator", "fonds.wmo.uitgaven", "--year", "2025", "--locale", "en", "--cache-dir", cache,
            "Westervoort",
        ])
        #expect(text.status == 0, "\(text.stderr)")
        let gap = (w.spending! / w.population) - spendingS / populationS
        let cents = expected.map { ($0 * 100).rounded() }
        #expect(abs(cents.reduce(0, +) - (gap * 100).rounded()) <= 1)
        #expect(text.stdout.contains("Why Westervoort differs from the Netherlands"))
        #expect(text.stdout.contains("need (structure, as the fund sees it)"))
        #expect(!text.stdout.contains("structuur"), "no Dutch factor names in English output")
    }

    @Test("against a group: 1Stroom's figure over its two members; a municipality without spending gets no split and the reason")
    func againstGroupAndMissing() async throws {
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        let result = try await runner.run([
            "explain", "--indicator", "fonds.wmo.uitgaven", "--year", "2025", "--against", "1stroom", "--format", "json",
            "--cache-dir", cache, "Westervoort", "Landsmeer",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let explanations = try #require(try json(result.stdout)["explanations"] as? [[String: Any]])
        let raw = try RawIv3("iv3/2025_begroting.csv")
        let spending = { (name: String) in raw.total(raw.municipalities[name]!, Self.wmo2025, netto: true) }
        let groupRate =
            (spending("Westervoort") + spending("Duiven"))
            / (raw.municipalities["Westervoort"]!.population + raw.municipalities["Duiven"]!.population)
        let first = try #require(explanations.first)
        #expect(sameCent(first["start"] as? Double, groupRate))
        let sum = (first["parts"] as? [[String: Any]] ?? []).compactMap { $0["part"] as? Double }.reduce(0, +)
        #expect(abs(sum - (first["difference"] as? Double ?? 0)) < 1e-9)
        // Landsmeer delivered no 2025 budget: no split, never a zero factor; the indicator without a value is named.
        let landsmeer = try #require(explanations.first { $0["name"] as? String == "Landsmeer" })
        #expect((landsmeer["parts"] as? [Any])?.isEmpty == true)
        let noSplit = try #require(landsmeer["noSplit"] as? [String: Any])
        #expect(noSplit["code"] as? String == "missing-value")
        #expect((noSplit["reason"] as? String)?.contains("fonds.wmo.uitgaven") == true)
    }

    @Test("the own-figures example: Steenwijkerland's youths with a provision, February 2019 → 2021, split into volume and use")
    func ownFiguresOverTime() async throws {
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        let folder = RepositoryFixtures.root.appendingPathComponent("examples/own-figures")
        let imported = try await runner.run([
            "import", "--cache-dir", cache, folder.appendingPathComponent("steenwijkerland-monitor.csv").path,
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        let result = try await runner.run([
            "explain", "--decomposition", "eigen.jeugd-volume-en-gebruik", "--base-year", "2019", "--year", "2021",
            "--indicator-file", folder.appendingPathComponent("indicators.yaml").path, "--format", "json",
            "--cache-dir", cache, "Steenwijkerland",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // The raw figures, read from the example's CSV here.
        let rows = try String(contentsOf: folder.appendingPathComponent("steenwijkerland-monitor.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        func figure(_ measure: String, _ year: String) throws -> Double {
            try #require(rows.first { $0[1] == "februari \(year)" && $0[2] == measure }.flatMap { Double($0[3]) })
        }
        let youths = (try figure("jeugdigen-0-17", "2019"), try figure("jeugdigen-0-17", "2021"))
        let cases = (try figure("jeugd-met-voorziening", "2019"), try figure("jeugd-met-voorziening", "2021"))
        let use = (cases.0 / youths.0 * 1000, cases.1 / youths.1 * 1000)
        // Two factors: the midpoint split.
        let volume = (youths.1 - youths.0) * (use.0 + use.1) / 2 / 1000
        let rate = (use.1 - use.0) * (youths.0 + youths.1) / 2 / 1000
        let explanation = try #require((try json(result.stdout)["explanations"] as? [[String: Any]])?.first)
        let parts = try #require(explanation["parts"] as? [[String: Any]])
        #expect(abs((parts[0]["part"] as? Double ?? 0) - volume) < 1e-9)
        #expect(abs((parts[1]["part"] as? Double ?? 0) - rate) < 1e-9)
        #expect(abs(volume + rate - (cases.1 - cases.0)) < 1e-9)
        #expect(abs((explanation["difference"] as? Double ?? 0) - (cases.1 - cases.0)) < 1e-9)
        #expect((explanation["baseline"] as? [String: Any])?["year"] as? Int == 2019)
    }

    @Test("a definition that changed between the years stops the split with the reason, never bridging it")
    func definitionChange() async throws {
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        let result = try await runner.run([
            "explain", "--indicator", "fonds.wmo.uitgaven", "--base-year", "2023", "--year", "2025", "--locale", "en",
            "--cache-dir", cache, "Westervoort",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "No split: fonds.wmo.uitgaven sums other taakvelden in 2023 (6.6, 6.71, 6.71a, 6.71b, 6.71c, 6.71d, 6.81, 6.81a, 6.81b) than in 2025"
            ), "\(result.stdout)")
        #expect(!result.stdout.contains("Of the change"))
    }

    @Test("decompositions that do not multiply are refused with their line: in units when read, in numbers when used")
    func refused() async throws {
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maatstaf-explain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Units: need × spending ÷ allocation is euros per allocated euro per inhabitant … not euros per inhabitant.
        let units = folder.appendingPathComponent("units.yaml")
        try """
        decompositions:
          - id: test.zonder-landelijk
            title: { nl: Test, en: Test }
            indicator: fonds.wmo.uitgaven
            factors:
              - indicator: fonds.wmo.behoefte
                name: { nl: behoefte, en: need }
              - indicator: fonds.wmo.verhouding
                name: { nl: verhouding, en: ratio }
        """.write(to: units, atomically: true, encoding: .utf8)
        let unitResult = try await runner.run([
            "explain", "--list", "--locale", "en", "--indicator-file", units.path, "--cache-dir", cache,
        ])
        #expect(unitResult.status == 65, "\(unitResult.stderr)")
        #expect(
            unitResult.stderr.contains("\(units.path):2: the factors do not multiply to fonds.wmo.uitgaven"),
            "\(unitResult.stderr)")

        // Numbers: the ratio taken as the national figure has the right units but does not multiply per municipality.
        let numbers = folder.appendingPathComponent("numbers.yaml")
        try """
        decompositions:
          - id: test.verkeerd-landelijk
            title: { nl: Test, en: Test }
            indicator: fonds.wmo.uitgaven
            factors:
              - indicator: fonds.wmo.behoefte
                name: { nl: behoefte, en: need }
              - indicator: fonds.wmo.verhouding
                national: true
                name: { nl: verhouding, en: ratio }
              - indicator: fonds.wmo.uitkering
                national: true
                name: { nl: uitkering, en: allocation }
        """.write(to: numbers, atomically: true, encoding: .utf8)
        let numberResult = try await runner.run([
            "explain", "--decomposition", "test.verkeerd-landelijk", "--year", "2025", "--locale", "en",
            "--indicator-file", numbers.path, "--cache-dir", cache, "Westervoort",
        ])
        #expect(numberResult.status == 65, "\(numberResult.stderr)")
        #expect(numberResult.stderr.contains("\(numbers.path):2"), "\(numberResult.stderr)")
        #expect(numberResult.stderr.contains("the factors multiply to"), "\(numberResult.stderr)")

        // An unknown factor is named, with its line.
        let unknown = folder.appendingPathComponent("unknown.yaml")
        try """
        decompositions:
          - id: test.onbekend
            title: { nl: Test, en: Test }
            indicator: fonds.wmo.uitgaven
            factors:
              - indicator: fonds.wmo.behoefte
                name: { nl: behoefte, en: need }
              - indicator: fonds.wmo.bestaat-niet
                name: { nl: x, en: x }
        """.write(to: unknown, atomically: true, encoding: .utf8)
        let unknownResult = try await runner.run([
            "explain", "--list", "--locale", "en", "--indicator-file", unknown.path, "--cache-dir", cache,
        ])
        #expect(unknownResult.status == 65)
        #expect(
            unknownResult.stderr.contains("\(unknown.path):8: fonds.wmo.bestaat-niet is not an indicator"),
            "\(unknownResult.stderr)")
    }
}

extension ExplainCommandTests {
    @Test(
        "the report of the set fonds: a waterfall per municipality with explain's numbers, the measures behind the need, the ratio's map around 1.00"
    )
    func report() async throws {
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("maatstaf-explain-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try await runner.run([
            "report", "Westervoort", "--set", "fonds", "--locale", "en", "--cache-dir", cache, "--output", output.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: output, encoding: .utf8)
        let explained = try await runner.run([
            "explain", "--indicator", "fonds.wmo.uitgaven", "--format", "json", "--cache-dir", cache, "Westervoort",
        ])
        let explanation = try #require((try json(explained.stdout)["explanations"] as? [[String: Any]])?.first)
        let difference = try #require(explanation["difference"] as? Double)
        // English money with a sign, formatted here with printf: -€121.18.
        let text = (difference < 0 ? "-" : "+") + "€" + String(format: "%.2f", abs(difference))
        #expect(html.contains("Westervoort: \(text) against the Netherlands"), "the waterfall's caption")
        #expect(html.contains("Why: Wmo individual provisions: need and spending relative to need"))
        #expect(html.contains("Where the need comes from"))
        // Every part the waterfall draws is one of explain's parts, rounded to the cent — or a cent beside it, where
        // the rounding keeps the shown parts adding up to the shown difference.
        for part in (explanation["parts"] as? [[String: Any]] ?? []) where (part["national"] as? Bool) == false {
            let value = try #require(part["part"] as? Double)
            let labels = [-0.01, 0, 0.01].map { shift in
                let shown = (value * 100).rounded() / 100 + shift
                return ">" + (shown < 0 ? "-" : "+") + "€" + String(format: "%.2f", abs(shown)) + "</text>"
            }
            #expect(labels.contains { html.contains($0) }, "\(value)")
        }
        // The ratio's map is coloured around 1.00.
        #expect(html.contains("Fixed classes around 1.00"))
    }
}
