import Foundation
import MaatstafTestServer
import Testing

/// Messages for mistakes a user makes with paths and files: one line that names the input and what to do, and the
/// documented exit code — never a library's own description of its objects.
@Suite("Messages for mistaken paths and values")
struct MessagesTests {
    @Test("a cache folder that is a file: exit 74, said as such with what to do")
    func cacheIsAFile() async throws {
        let file = RepositoryFixtures.temporaryFolder().appendingPathComponent("cache")
        try Data("not a folder".utf8).write(to: file)
        let result = try await CLIRunner().run([
            "compare", "--indicator", "wmo.huishoudelijke-hulp", "--locale", "en", "--cache-dir", file.path, "Westervoort",
        ])
        #expect(result.status == 74)
        #expect(
            result.stderr
                == "maatstaf: error: \(file.path): is a file, not a folder. Choose a folder for the cache with --cache-dir\n")
    }

    @Test("a target margin over 100 % is refused with its line; a search without near names offers none")
    func absurdValues() async throws {
        let targets = RepositoryFixtures.temporaryFolder().appendingPathComponent("doelen.yaml")
        try
            "margin: 500\ntargets:\n  - municipality: Westervoort\n    indicator: wmo.huishoudelijke-hulp\n    year: 2023\n    at-most: 95\n"
            .write(to: targets, atomically: true, encoding: .utf8)
        let cache = CLIRunner.loadedCache
        let result = try await CLIRunner().run([
            "check", "--targets", targets.path, "--locale", "en", "--cache-dir", cache,
        ])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(targets.path):1"), "\(result.stderr)")
        #expect(result.stderr.contains("\"margin\" must be a percentage from 0 to 100"), "\(result.stderr)")
        let search = try await CLIRunner().run([
            "municipalities", "--search", "qqqqqqqqqq", "--locale", "en", "--cache-dir", cache,
        ])
        #expect(search.status != 0)
        #expect(!search.stderr.contains("Closest: ."), "\(search.stderr)")
    }

    @Test("a negative year is said to be read as an option, in both languages")
    func negativeYear() async throws {
        for (locale, text) in [
            ("en", "'-5' after --year is read as an option"), ("nl", "'-5' na --year wordt gelezen als een optie"),
        ] {
            let result = try await CLIRunner().run([
                "compare", "--indicator", "wmo.huishoudelijke-hulp", "--year", "-5", "--locale", locale, "--cache-dir",
                CLIRunner.loadedCache, "Westervoort",
            ])
            #expect(result.status == 64)
            #expect(result.stderr.contains(text), "\(result.stderr)")
        }
    }
}
