import Foundation
import MaatstafTestServer
import Testing

/// One language at a time: every command that writes for people, in Dutch and in English, checked for words of the
/// other language. Names (municipalities, regions, CBS table titles in source lines, files, indicator ids) are not
/// language and are taken out first.
@Suite("No English in a Dutch output, no Dutch in an English one")
struct LanguageTests {
    /// Whole words that are English and not Dutch.
    static let english = [
        "the", "and", "with", "without", "not", "municipality", "municipalities", "value", "values", "rank", "median",
        "group", "province", "national", "difference", "source", "inhabitants", "inhabitant", "share", "saving",
        "distance", "neighbours", "traits", "trait", "year", "years", "accounts", "left", "every", "which", "missing",
        "caution", "change", "best", "own", "region", "members", "member", "spending", "amount", "rate", "what",
        "used", "per inhabitant", "size class", "urbanity", "target", "between", "from", "only", "there", "this",
    ]
    /// Whole words that are Dutch and not English. `begroting` and `jaarrekening` are not among them: they are the
    /// names of the Iv3 documents, which English outputs give beside their English words ("a budget (begroting)").
    static let dutch = [
        "de", "het", "een", "niet", "geen", "gemeente", "gemeenten", "inwoners", "inwoner", "waarde", "verschil", "bron",
        "met", "zonder", "naaste", "buren", "jaar", "jaren", "aandeel", "matig", "redelijk", "sterk", "zwak", "weinig", "regio",
        "landelijk",
        "provincie", "groep", "tellen", "mee", "wat", "zou", "tegen", "besparing", "sleutel", "gat", "rang", "mediaan",
        "grootteklasse", "stedelijkheid", "afstand", "kenmerk", "kenmerken", "verandering", "zijn", "voor", "van",
    ]

    /// Every municipality name and region label, longest first, to take out of a text before looking at words.
    static let names: [String] = {
        var names: [String] = []
        if let rows = try? RepositoryFixtures.simpleRows("regions/municipalities.csv", separator: ",") {
            for row in rows.dropFirst() {
                names.append(row.dropLast(8).joined(separator: ",").trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
                // name, code, year, corop_code, corop, region_code, region, province_code, province
                names += [row[row.count - 5], row[row.count - 3], row[row.count - 1]]
            }
        }
        names += [
            "De Liemers", "1Stroom (Duiven en Westervoort)", "Nederland", "Centraal Gelderland", "Bron: CBS",
            "Gebieden in Nederland", "Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio",
        ]
        return Array(Set(names)).sorted { $0.count > $1.count }
    }()

    /// The text's words after names, source lines, paths and ids are taken out.
    static func words(_ text: String) -> Set<String> {
        var kept: [String] = []
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            // Source lines cite the publisher's own titles ("Bevolking op 1 januari"), kept as published.
            if trimmed.hasPrefix("Bron:") || trimmed.hasPrefix("Source:") || trimmed.hasPrefix("- Bron:")
                || trimmed.hasPrefix("- Source:")
            {
                continue
            }
            kept.append(String(line))
        }
        var text = kept.joined(separator: "\n")
        for name in names where !name.isEmpty { text = text.replacingOccurrences(of: name, with: " ") }
        // A path goes whole, digits and all: a temporary folder's random name (…-01063578DE49) would otherwise leave
        // letters that read as a word ("de").
        text = text.replacing(/\S*\/\S*/, with: " ")
        let tokens = text.split { !($0.isLetter || $0 == "." || $0 == "-" || $0 == "/" || $0 == "_") }
        return Set(
            tokens.filter { !$0.contains(".") && !$0.contains("/") && !$0.contains("_") }.map { $0.lowercased() })
    }

    static let runs: [[String]] = [
        [
            "compare", "--indicator", "jeugd.hulp", "--year", "2023", "--against",
            "national,province,size-class,urbanity,corop,peers,liemers", "Westervoort", "Súdwest-Fryslân",
        ],
        ["rank", "--indicator", "wmo.huishoudelijke-hulp", "--year", "2023", "--within", "province", "Westervoort"],
        ["trend", "--indicator", "jeugd.hulp", "--against", "province,liemers", "Westervoort"],
        ["budget", "--indicator", "jeugd.hulp", "--against", "national,province,1stroom", "Westervoort"],
        ["region", "liemers", "--indicator", "wmo.huishoudelijke-hulp,jeugd.hulp", "--year", "2023"],
        ["peers", "Westervoort"],
        ["best-practice", "--indicator", "jeugd.hulp", "--year", "2023", "Westervoort"],
        [
            "report", "--format", "markdown", "--indicators", "wmo.huishoudelijke-hulp,jeugd.hulp", "--region", "liemers",
            "--against", "province,peers", "Westervoort", "Duiven",
        ],
    ]

    /// The commands that list and describe: indicators, municipalities, regions, the cache, imports.
    static let listings: [[String]] = [
        ["indicators", "list"],
        ["indicators", "show", "wmo.huishoudelijke-hulp"],
        ["indicators", "show", "jeugd.jongeren-met-jeugdhulp-pct"],
        ["tables", "--stored"],
        ["municipalities", "--search", "west"],
        ["municipalities", "--dissolved", "--search", "aal"],
        ["regions", "list"],
        ["regions", "show", "Westervoort"],
        ["regions", "show", "1stroom"],
        ["regions", "check"],
        ["cache", "status"],
        ["imports"],
    ]

    @Test("Dutch listings carry no English words", arguments: listings)
    func dutchListings(_ arguments: [String]) async throws {
        try await check(arguments, locale: "nl", forbidden: Self.english)
    }

    @Test("English listings carry no Dutch words", arguments: listings)
    func englishListings(_ arguments: [String]) async throws {
        try await check(arguments, locale: "en", forbidden: Self.dutch)
    }

    @Test("Dutch outputs carry no English words", arguments: runs)
    func dutchOnly(_ arguments: [String]) async throws {
        try await check(arguments, locale: "nl", forbidden: Self.english)
    }

    @Test("English outputs carry no Dutch words", arguments: runs)
    func englishOnly(_ arguments: [String]) async throws {
        try await check(arguments, locale: "en", forbidden: Self.dutch)
    }

    /// Command lines that fail — bad names, years, groups, files, options; a table not fetched; ArgumentParser's own
    /// complaints — so that every kind of error message is read in both languages.
    static let failing: [[String]] = [
        ["compare", "--indicator", "jeugd.hulp", "Atlantis"],
        ["compare", "--indicator", "jeugd.hulp", "Westervoorde"],
        ["compare", "--indicator", "jeugd.hulp", "--year", "1999", "Westervoort"],
        ["compare", "--indicator", "geen.indicator", "Westervoort"],
        ["compare", "--indicator", "jeugd.hulp", "--against", "nergens", "Westervoort"],
        ["compare", "--indicator", "jeugd.hulp", "--year", "2023", "Aalburg"],
        ["compare", "--indicator", "bijstand.per-1000-15-65", "Westervoort"],
        ["compare", "--indicator", "jeugd.hulp", "--year", "abc", "Westervoort"],
        ["compare", "Westervoort"],
        ["compare", "--indicator", "jeugd.hulp", "--bogus", "Westervoort"],
        ["compare", "--indicator", "jeugd.hulp", "--offline", "--refresh", "Westervoort"],
        ["compare", "--indicator", "jeugd.hulp", "--format", "xlsx", "Westervoort"],
        ["compare", "--indicator", "jeugd.hulp", "--indicator-file", "/nonexistent/own.yaml", "Westervoort"],
        ["rank", "--indicator", "jeugd.hulp", "--within", "province"],
        ["trend", "--indicator", "jeugd.hulp", "--base-year", "2019", "Westervoort"],
        ["budget", "--indicator", "bijstand.per-1000-15-65", "Westervoort"],
        ["region", "province", "--indicator", "jeugd.hulp"],
        ["peers", "--count", "500", "Westervoort"],
        ["best-practice", "--indicator", "jeugd.hulp", "--top", "0", "Westervoort"],
        ["report", "--set", "zorg", "Duiven"],
        ["report", "--set", "wmo", "--indicators", "jeugd.hulp", "Duiven"],
        ["report", "--year", "1999", "Duiven"],
        ["comapre", "--indicator", "jeugd.hulp", "Westervoort"],
    ]

    /// Every command's help, and `--version`.
    static let helps: [[String]] = [
        ["--version"], ["--help"], ["compare", "--help"], ["rank", "--help"], ["trend", "--help"], ["budget", "--help"],
        ["region", "--help"], ["peers", "--help"], ["best-practice", "--help"], ["export-all", "--help"],
        ["report", "--help"], ["serve", "--help"], ["import", "--help"], ["imports", "--help"], ["check", "--help"],
        ["indicators", "--help"], ["indicators", "list", "--help"], ["indicators", "show", "--help"],
        ["municipalities", "--help"], ["tables", "--help"], ["fetch", "--help"], ["describe", "--help"],
        ["export", "--help"], ["regions", "--help"], ["regions", "list", "--help"], ["regions", "show", "--help"],
        ["regions", "check", "--help"], ["cache", "--help"], ["cache", "status", "--help"],
        ["cache", "verify", "--help"], ["cache", "clear", "--help"], ["cache", "fetch", "--help"],
    ]

    @Test("Dutch help carries no English words", arguments: helps)
    func dutchHelp(_ arguments: [String]) async throws {
        try await checkHelp(arguments, locale: "nl", forbidden: Self.english)
    }

    @Test("English help carries no Dutch words", arguments: helps)
    func englishHelp(_ arguments: [String]) async throws {
        try await checkHelp(arguments, locale: "en", forbidden: Self.dutch)
    }

    /// Help in the language of `LANG` (the way a user asks for it: `--help` has no `--locale` before it is parsed).
    func checkHelp(_ arguments: [String], locale: String, forbidden: [String]) async throws {
        var runner = CLIRunner()
        runner.environment = ["LANG": locale == "nl" ? "nl_NL.UTF-8" : "en_GB.UTF-8"]
        let result = try await runner.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        // Syntax is the same in both languages: examples (lines starting with the command), option names and
        // placeholders (`--against <groups>`), commands and values in backticks.
        let prose = result.stdout.split(separator: "\n").filter {
            let line = $0.trimmingCharacters(in: .whitespaces)
            return !line.hasPrefix("maatstaf ") && !line.hasPrefix("MAATSTAF_") && !line.hasPrefix("USAGE:")
                && !line.hasPrefix("GEBRUIK:")
        }.joined(separator: "\n").replacing(/`[^`]*`/, with: " ").replacing(/<[^>]*>/, with: " ")
            .replacing(/--[a-z0-9-]+/, with: " ")
        // "met" is English too (a target met); the keys of `region --keys` are values as typed.
        let words = Self.words(prose).subtracting(Self.identifiers + ["met", "population", "use", "spending", "fixed"])
        let found = forbidden.filter { words.contains($0) }
        #expect(found.isEmpty, "\(arguments.joined(separator: " ")) in \(locale): \(found)")
        for word in found.prefix(3) {
            let line = prose.split(separator: "\n").first { Self.words(String($0)).contains(word) } ?? ""
            Issue.record("\(arguments.joined(separator: " ")) in \(locale): \"\(word)\" in: \(line.prefix(200))")
        }
    }

    @Test("a path is no words: the letters of a temporary folder's random name are not read as Dutch or English")
    func pathsAreNoWords() {
        let line = "cache:    /tmp/maatstaf-tests-1/9925CEAF-4DB0-A204-01063578DE49/maatstaf (change with"
        #expect(Self.words(line) == ["cache", "change", "with"])
    }

    /// Group ids and command names are typed as they are, in either language.
    static let identifiers = [
        "national", "province", "corop", "amr", "size-class", "urbanity", "youth-care-region", "peers", "report",
        "compare", "rank", "trend", "budget", "region", "regions", "municipalities", "indicators", "tables", "describe",
        "export", "export-all", "fetch", "cache", "check", "import", "imports", "best-practice", "serve", "help",
        "share", "sharing", "fund",
    ]

    @Test("Dutch error messages carry no English words", arguments: failing)
    func dutchErrors(_ arguments: [String]) async throws {
        try await checkError(arguments, locale: "nl", forbidden: Self.english, prefix: ["maatstaf: fout: ", "Fout: "])
    }

    @Test("English error messages carry no Dutch words", arguments: failing)
    func englishErrors(_ arguments: [String]) async throws {
        try await checkError(arguments, locale: "en", forbidden: Self.dutch, prefix: ["maatstaf: error: ", "Error: "])
    }

    func checkError(_ arguments: [String], locale: String, forbidden: [String], prefix: [String]) async throws {
        let result = try await CLIRunner().run(
            arguments + ["--locale", locale, "--cache-dir", CLIRunner.loadedCache, "--regions", RepositoryFixtures.regions.path])
        #expect(result.status != 0)
        #expect(prefix.contains { result.stderr.hasPrefix($0) }, "\(result.stderr)")
        // The usage line is syntax (`<gemeenten>` in Dutch, `<municipalities>` in English).
        // So are commands to run (`maatstaf …`) and options quoted as typed ('--year <year>').
        let prose = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("Usage:") && !$0.hasPrefix("Gebruik:") }
            .joined(separator: "\n").replacing(/`[^`]*`/, with: " ").replacing(/'[^']*'/, with: " ")
        let words = Self.words(prose).subtracting(Self.identifiers)
        let found = forbidden.filter { words.contains($0) }
        #expect(found.isEmpty, "\(arguments.joined(separator: " ")) --locale \(locale): \(found) in: \(result.stderr)")
    }

    func check(_ arguments: [String], locale: String, forbidden: [String]) async throws {
        // Commands over the cache alone take no regions folder.
        let regions =
            ["cache", "imports", "tables"].contains(arguments[0]) ? [] : ["--regions", RepositoryFixtures.regions.path]
        let result = try await CLIRunner().run(
            arguments + ["--locale", locale, "--cache-dir", CLIRunner.loadedCache] + regions)
        #expect(result.status == 0, "\(result.stderr)")
        let words = Self.words(result.stdout).subtracting(Self.identifiers)
        let found = forbidden.filter { words.contains($0) }
        #expect(found.isEmpty, "\(arguments[0]) --locale \(locale): \(found)")
        for word in found.prefix(3) {
            let line = result.stdout.split(separator: "\n").first { Self.words(String($0)).contains(word) } ?? ""
            Issue.record("\(arguments[0]) --locale \(locale): \"\(word)\" in: \(line.prefix(240))")
        }
    }
}
