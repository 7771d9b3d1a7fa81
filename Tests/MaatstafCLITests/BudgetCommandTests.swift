import Foundation
import MaatstafTestServer
import Testing

/// `maatstaf budget` on the embedded snapshot.
@Suite("maatstaf budget, on the embedded snapshot")
struct BudgetCommandTests {
    func run(_ arguments: [String]) async throws -> CLIRunner.Result {
        try await CLIRunner().run(
            ["budget"] + arguments + ["--cache-dir", CLIRunner.loadedCache, "--regions", RepositoryFixtures.regions.path])
    }

    @Test("2023 by default (the year with both documents); the row computed from the two raw files")
    func westervoort() async throws {
        let result = try await run(["--indicator", "wmo.huishoudelijke-hulp", "--against", "national", "Westervoort"])
        #expect(result.status == 0, "\(result.stderr)")
        let planned = try RawIv3("iv3/2023_begroting.csv").rate("Westervoort", ["6.71a"])
        let spent = try RawIv3("iv3/2023_jaarrekening.csv").rate("Westervoort", ["6.71a"])
        let row = result.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
            .first { $0.hasPrefix("Westervoort ") }
        #expect(
            row
                == "Westervoort \(String(format: "€%.2f", planned)) \(String(format: "€%.2f", spent)) \(String(format: "+€%.2f", spent - planned)) \(String(format: "+%.1f%%", (spent - planned) / planned * 100))"
        )
        #expect(result.stdout.contains("2023 accounts against budget"))
        let json = try await run(["--indicator", "wmo.huishoudelijke-hulp", "--format", "json", "Westervoort"])
        #expect(json.stdout.contains("\"schema\" : \"maatstaf.budget/1\""))
    }

    @Test("a year without both documents: exit 65 with the periods in the store")
    func noAccounts() async throws {
        let result = try await run(["--indicator", "jeugd.hulp", "--year", "2025", "Westervoort"])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "no Iv3 jaarrekening data for 2025 in the store. Available Iv3 documents: 2023 begroting, 2023 jaarrekening, 2025 begroting"
            ))
    }
}
