import Foundation
import MaatstafTestServer
import Testing

/// `maatstaf trend` on the embedded snapshot; every figure checked is computed here from the raw Iv3 CSVs.
@Suite("maatstaf trend, on the embedded snapshot")
struct TrendCommandTests {
    var cache: String { CLIRunner.loadedCache }
    static let youth2023 = ["6.72", "6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c"]
    static let youth2025 = ["6.751", "6.752", "6.753", "6.761", "6.762", "6.763", "6.792"]

    func run(_ arguments: [String]) async throws -> CLIRunner.Result {
        try await CLIRunner().run(["trend"] + arguments + ["--cache-dir", cache, "--regions", RepositoryFixtures.regions.path])
    }

    @Test("the issue's command: 2023 budget, 2023 accounts and 2025 budget, the layout break marked")
    func issueCommand() async throws {
        let result = try await run([
            "--indicator", "jeugd.hulp", "--base-year", "2023", "Westervoort", "Duiven", "Steenwijkerland",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let budget2023 = try RawIv3("iv3/2023_begroting.csv")
        let accounts2023 = try RawIv3("iv3/2023_jaarrekening.csv")
        let budget2025 = try RawIv3("iv3/2025_begroting.csv")
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        for name in ["Westervoort", "Duiven", "Steenwijkerland"] {
            let b23 = budget2023.rate(name, Self.youth2023)
            let a23 = accounts2023.rate(name, Self.youth2023)
            let b25 = budget2025.rate(name, Self.youth2025)
            #expect(rows.contains { $0.hasPrefix("\(name) 2023 budget \(String(format: "€%.2f", b23)) 100.0 –") })
            #expect(rows.contains { $0.hasPrefix("\(name) 2023 accounts \(String(format: "€%.2f", a23)) 100.0 –") })
            let index = String(format: "%.1f", b25 / b23 * 100)
            let perYear = String(format: "+€%.2f", (b25 - b23) / 2)
            #expect(
                rows.contains { $0.hasPrefix("\(name) 2025 budget \(String(format: "€%.2f", b25)) \(index)† \(perYear)†") },
                "\(result.stdout)")
        }
        #expect(result.stdout.contains("† The definition changes between 2023 and 2025 (budget): 2023 sums 6.72, 6.72a"))
        #expect(result.stdout.contains("Bron: CBS (CC BY 4.0)."))
    }

    @Test("CSV and JSON: one row per municipality, period and group; maatstaf.trend/1 with explicit nulls")
    func machineFormats() async throws {
        let csv = try await run([
            "--indicator", "wmo.huishoudelijke-hulp", "--against", "province", "--format", "csv", "Duiven", "Brielle",
        ])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines[0].hasPrefix("indicator,code,municipality,year,document,value,status,index,"))
        // Duiven: 3 periods × (national, province); Brielle (merged in 2023): 3 periods, one row each, no value.
        #expect(lines.count == 1 + 6 + 3)
        #expect(lines.filter { $0.contains(",Brielle,") }.allSatisfy { $0.contains(",,not-a-municipality,") })
        let budget2025 = try RawIv3("iv3/2025_begroting.csv")
        let value = String(format: "%.2f", budget2025.rate("Duiven", ["6.711"]))
        #expect(lines.contains { $0.hasPrefix("wmo.huishoudelijke-hulp,GM0226,Duiven,2025,begroting,\(value),ok,") })

        let json = try await run(["--indicator", "wmo.huishoudelijke-hulp", "--format", "json", "Duiven", "Brielle"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "maatstaf.trend/1")
        let points = try #require(object["points"] as? [[String: Any]])
        #expect(points.map { "\($0["year"]!) \($0["document"]!)" } == ["2023 begroting", "2023 jaarrekening", "2025 begroting"])
        let brielle = try #require((points[0]["municipalities"] as? [[String: Any]])?.last)
        #expect(brielle["status"] as? String == "not-a-municipality")
        #expect(brielle["value"] is NSNull)
        #expect(points[2]["definitionChanged"] as? Bool == true)
    }

    @Test("bad input: a base year without data, a malformed span, a base year outside the span")
    func badInput() async throws {
        let base = try await run(["--indicator", "jeugd.hulp", "--base-year", "2019", "Duiven"])
        #expect(base.status == 65)
        #expect(
            base.stderr
                == "maatstaf: error: jeugd.hulp: has no data for the base year 2019. Choose a base year of the series: 2023, 2025\n"
        )
        let span = try await run(["--indicator", "jeugd.hulp", "--years", "2025..2019", "Duiven"])
        #expect(span.status == 64)
        let outside = try await run(["--indicator", "jeugd.hulp", "--years", "2023..2025", "--base-year", "2019", "Duiven"])
        #expect(outside.status == 64)
        #expect(outside.stderr.contains("--base-year 2019 is outside --years 2023..2025"))
    }
}
