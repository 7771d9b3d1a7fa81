import Foundation
import MaatstafTestServer
import Testing

/// `maatstaf export-all`: the tidy file checked against the raw files.
@Suite("export-all: one tidy file for analysts")
struct ExportAllTests {
    @Test("CSV: a row per municipality × period × group; values from the raw file; no delivery is empty with its status")
    func csv() async throws {
        let output = RepositoryFixtures.temporaryFolder().appendingPathComponent("alles.csv").path
        let result = try await CLIRunner().run([
            "export-all", "--set", "jeugd.hulp", "--against", "national,province", "--output", output,
            "--cache-dir", CLIRunner.loadedCache,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = lines[0]
        #expect(header.prefix(6) == ["indicator", "unit", "year", "document", "code", "municipality"])
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        // Three periods in the store (2023 budget, 2023 accounts, 2025 budget), 342 municipalities each, two groups.
        let classes2023 = try RepositoryFixtures.simpleRows("classes/gemeenteklassen_2023.tsv", separator: "\t").count - 1
        let classes2025 = try RepositoryFixtures.simpleRows("classes/gemeenteklassen_2025.tsv", separator: "\t").count - 1
        #expect(lines.count - 1 == (classes2023 * 2 + classes2025) * 2)
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let taakvelden = ["6.72", "6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c"]
        let westervoort = try #require(
            lines.first {
                $0[column("code")] == "GM0293" && $0[column("document")] == "jaarrekening"
                    && $0[column("reference_kind")] == "national"
            })
        #expect(abs(Double(westervoort[column("value")])! - raw.rate("Westervoort", taakvelden)) < 1e-6)
        let national = raw.groupRate(taakvelden) { $0.delivered && $0.books(taakvelden) }
        #expect(abs(Double(westervoort[column("reference_rate")])! - national) < 1e-6)
        // Vijfheerenlanden delivered no 2023 accounts: an empty value, never 0, and why.
        let missing = try #require(
            lines.first {
                $0[column("municipality")] == "Vijfheerenlanden" && $0[column("document")] == "jaarrekening"
            })
        #expect(missing[column("value")] == "")
        #expect(missing[column("status")] == "no-delivery")
    }

    @Test("JSON Lines: keys sorted, the same on every run, null for no value")
    func jsonLines() async throws {
        func run() async throws -> String {
            let result = try await CLIRunner().run([
                "export-all", "--set", "wmo.huishoudelijke-hulp", "--against", "national", "--format", "jsonl",
                "--cache-dir", CLIRunner.loadedCache,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        let first = try await run()
        #expect(try await run() == first)
        let line = try #require(
            first.split(separator: "\n").first { $0.contains("\"Vijfheerenlanden\"") && $0.contains("jaarrekening") })
        #expect(line.contains("\"value\":null"))
        let keys = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]).keys.sorted()
        let positions = keys.map { line.range(of: "\"\($0)\":")!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test("the same bytes from two processes: the fund's need index is summed in a fixed order, not a dictionary's")
    func sameInEveryProcess() async throws {
        // Each process hashes with its own seed, so a sum over a dictionary's order differs in its last bits from run
        // to run; the binary is run twice (in process the seed would be the same).
        func run() async throws -> String {
            let result = try await CLIRunner.binary.run([
                "export-all", "--set", "fonds.wmo.behoefte,fonds.jeugd.behoefte", "--against", "national,province",
                "--format", "jsonl", "--cache-dir", CLIRunner.loadedCache,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        let first = try await run()
        #expect(first.contains("\"indicator\":\"fonds.wmo.behoefte\""))
        #expect(try await run() == first)
    }

    @Test("the file's dialect: plain under C (a server, cron) and English; Dutch when the locale says Dutch")
    func dialect() async throws {
        var runner = CLIRunner()
        let arguments = ["export-all", "--set", "wmo.huishoudelijke-hulp", "--cache-dir", CLIRunner.loadedCache]
        for (lang, separator) in [("C", ","), ("C.UTF-8", ","), ("en_GB.UTF-8", ","), ("nl_NL.UTF-8", ";")] {
            runner.environment["LANG"] = lang
            let result = try await runner.run(arguments)
            #expect(result.status == 0, "\(lang): \(result.stderr)")
            let header = String(result.stdout.drop { $0 == "\u{FEFF}" }.prefix { $0 != "\n" })
            #expect(header.hasPrefix("indicator\(separator)unit\(separator)year"), "\(lang): \(header)")
        }
        runner.environment["LANG"] = "C"
        let chosen = try await runner.run(arguments + ["--locale", "nl"])
        #expect(chosen.stdout.hasPrefix("\u{FEFF}indicator;unit;year"), "--locale decides")
    }
}
