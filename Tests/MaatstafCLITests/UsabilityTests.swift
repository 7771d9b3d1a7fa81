import Foundation
import MaatstafTestServer
import Testing

/// What a new user runs into first: a misspelt command, a table not fetched, a CSV opened in Dutch Excel.
@Suite("Friction a new user meets")
struct UsabilityTests {
    @Test("a misspelt command names the command meant, exit 64, one line")
    func misspeltCommand() async throws {
        let result = try await CLIRunner().run(["comapre", "--indicator", "jeugd.hulp", "Westervoort"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("maatstaf: error: \"comapre\" is not a maatstaf command. Did you mean compare?"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        let far = try await CLIRunner().run(["xyzzy"])
        #expect(far.status == 64)
        #expect(!far.stderr.contains("Did you mean"))
    }

    @Test("describe and export of a table not fetched: exit 70 (not fetched yet), with the fetch to run")
    func notFetched() async throws {
        let cache = RepositoryFixtures.temporaryFolder().path
        for command in ["describe", "export"] {
            let result = try await CLIRunner().run([command, "85984NED", "--cache-dir", cache])
            #expect(result.status == 70, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("85984NED: is not in the store"))
            #expect(result.stderr.contains("maatstaf fetch 85984NED"))
        }
    }

    @Test("rank as Dutch CSV: a byte-order mark, Dutch headers, the document on every row, decimal commas, the unit")
    func dutchCSV() async throws {
        let result = try await CLIRunner().run([
            "rank", "--indicator", "wmo.huishoudelijke-hulp", "--year", "2023", "--format", "csv", "--locale", "nl",
            "--cache-dir", CLIRunner.loadedCache,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.hasPrefix("\u{FEFF}rang;code;gemeente;stuk;waarde (euro per inwoner);percentiel;inwoners\r\n"))
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let westervoort = result.stdout.split(separator: "\r\n").first { $0.contains(";GM0293;") }!.split(separator: ";")
        let expected = raw.rate("Westervoort", ["6.71a"])
        #expect(westervoort[3] == "jaarrekening 2023")
        #expect(westervoort[4] == String(format: "%.2f", expected).replacingOccurrences(of: ".", with: ","))
        #expect(westervoort[6] == "15114")
        #expect(!result.stdout.contains("€"))
        let english = try await CLIRunner().run([
            "rank", "--indicator", "wmo.huishoudelijke-hulp", "--year", "2023", "--format", "csv", "--locale", "en",
            "--cache-dir", CLIRunner.loadedCache,
        ])
        #expect(english.stdout.hasPrefix("rank,code,municipality,document,value (euros per inhabitant)"))
        #expect(english.stdout.contains(",GM0293,Westervoort,2023 accounts,"))
    }

    @Test("one language rule: --locale, else LC_ALL / LC_MESSAGES / LANG, else Dutch — the same for compare and report")
    func languageRule() async throws {
        let arguments = [
            "compare", "--indicator", "jeugd.hulp", "--year", "2023", "Westervoort", "--cache-dir", CLIRunner.loadedCache,
        ]
        func heading(_ environment: [String: String], _ extra: [String] = []) async throws -> String {
            var runner = CLIRunner()
            runner.environment = environment
            let result = try await runner.run(arguments + extra)
            return String(result.stdout.prefix { $0 != "\n" })
        }
        let dutch = "Jeugdhulp (jeugd.hulp)"
        let english = "Youth care (jeugd.hulp)"
        #expect(try await heading(["LANG": "nl_NL.UTF-8"]).hasPrefix(dutch))
        #expect(try await heading(["LANG": "en_GB.UTF-8"]).hasPrefix(english))
        #expect(try await heading(["LANG": "C.UTF-8"]).hasPrefix(dutch))  // no language said: Dutch
        #expect(try await heading(["LANG": "en_GB.UTF-8", "LC_ALL": "nl_NL.UTF-8"]).hasPrefix(dutch))
        #expect(try await heading(["LANG": "nl_NL.UTF-8"], ["--locale", "en"]).hasPrefix(english))
        var runner = CLIRunner()
        runner.environment = ["LANG": "C.UTF-8"]
        let report = try await runner.run([
            "report", "Westervoort", "--indicators", "jeugd.hulp", "--format", "markdown", "--cache-dir", CLIRunner.loadedCache,
        ])
        #expect(report.stdout.contains("Jeugdhulp"))
    }
}
