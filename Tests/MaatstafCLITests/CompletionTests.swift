import Foundation
import MaatstafTestServer
import Testing

/// The shell's Tab on an indicator, a municipality, a group or a region: the binary asked the way the generated
/// completion scripts ask it (`---completion COMMAND -- ARGUMENT CWORD CURSOR WORDS…`), nothing printed but the choices.
@Suite("Shell completion of indicator ids, municipality names, groups and regions")
struct CompletionTests {
    func complete(_ command: String, _ argument: String, _ words: [String]) async throws -> [String] {
        let current = words.last ?? ""
        let result = try await CLIRunner.binary.run(
            ["---completion", command, "--", argument, String(words.count - 1), String(current.count)] + words)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test("--indicator completes the built-in ids; the bash script asks the binary for them")
    func indicators() async throws {
        #expect(
            try await complete("compare", "--indicator", ["maatstaf", "compare", "--indicator", "wmo.h"]) == [
                "wmo.huishoudelijke-hulp"
            ])
        let ids = try await complete("rank", "--indicator", ["maatstaf", "rank", "--indicator", "jeugd."])
        #expect(ids.contains("jeugd.hulp") && ids.allSatisfy { $0.hasPrefix("jeugd.") })
        // Comma-separated: the last one completed, the ones before kept.
        #expect(
            try await complete("report", "--indicators", ["maatstaf", "report", "--indicators", "jeugd.hulp,wmo.huis"])
                == ["jeugd.hulp,wmo.huishoudelijke-hulp"])
        let script = try await CLIRunner.binary.run(["--generate-completion-script", "bash"])
        #expect(script.stdout.contains("---completion compare -- --indicator"))
    }

    @Test("municipalities complete by the newest class file's names, accents and case folded")
    func municipalities() async throws {
        let classes = try RepositoryFixtures.simpleRows("classes/gemeenteklassen_2025.tsv", separator: "\t").dropFirst()
            .map { $0[0] }
        let expected = classes.filter { $0.lowercased().hasPrefix("wester") }.sorted()
        let found = try await complete(
            "compare", "positional@0", ["maatstaf", "compare", "--cache-dir", CLIRunner.loadedCache, "wester"])
        #expect(found.sorted() == expected)
        #expect(expected.contains("Westervoort"))
        #expect(
            try await complete(
                "compare", "positional@0", ["maatstaf", "compare", "--cache-dir", CLIRunner.loadedCache, "súdw"])
                == ["Súdwest-Fryslân"])
    }

    @Test("groups in English and Dutch after a comma, and regions by their file names")
    func groupsAndRegions() async throws {
        #expect(
            try await complete("compare", "--against", ["maatstaf", "compare", "--against", "province,stede"])
                == ["province,stedelijkheid"])
        let regions = try await complete(
            "region", "positional@0", ["maatstaf", "region", "--regions", RepositoryFixtures.regions.path, "lie"])
        #expect(regions == ["liemers"])
    }
}
