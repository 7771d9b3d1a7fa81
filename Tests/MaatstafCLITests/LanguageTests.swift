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
        "met", "zonder", "naaste", "buren", "jaar", "jaren", "aandeel", "matig", "redelijk", "sterk", "zwak", "weinig", "regio", "landelijk",
        "provincie", "groep", "tellen", "mee", "wat", "zou", "tegen", "besparing", "sleutel", "gat", "rang", "mediaan",
        "grootteklasse", "stedelijkheid", "afstand", "kenmerk", "kenmerken", "verandering", "zijn", "voor", "van",
    ]

    /// Every municipality name and region label, longest first, to take out of a text before looking at words.
    static let names: [String] = {
        var names: [String] = []
        if let rows = try? RepositoryFixtures.simpleRows("regions/municipalities.csv", separator: ",") {
            for row in rows.dropFirst() {
                names.append(row.dropLast(8).joined(separator: ",").trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
                names += [row[row.count - 6], row[row.count - 4], row[row.count - 1]]
            }
        }
        names += [
            "De Liemers", "1Stroom (Duiven en Westervoort)", "Nederland", "Centraal Gelderland", "Bron: CBS",
            "Gebieden in Nederland",
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
        let tokens = text.split { !($0.isLetter || $0 == "." || $0 == "-" || $0 == "/" || $0 == "_") }
        return Set(
            tokens.filter { !$0.contains(".") && !$0.contains("/") && !$0.contains("_") }.map { $0.lowercased() })
    }

    static let runs: [[String]] = [
        ["compare", "--indicator", "jeugd.hulp", "--year", "2023", "--against", "national,province,size-class,urbanity,corop,peers,liemers", "Westervoort", "Súdwest-Fryslân"],
        ["rank", "--indicator", "wmo.huishoudelijke-hulp", "--year", "2023", "--within", "province", "Westervoort"],
        ["trend", "--indicator", "jeugd.hulp", "--against", "province,liemers", "Westervoort"],
        ["budget", "--indicator", "jeugd.hulp", "--against", "national,province,1stroom", "Westervoort"],
        ["region", "liemers", "--indicator", "wmo.huishoudelijke-hulp,jeugd.hulp", "--year", "2023"],
        ["peers", "Westervoort"],
        ["best-practice", "--indicator", "jeugd.hulp", "--year", "2023", "Westervoort"],
        ["report", "--format", "markdown", "--indicators", "wmo.huishoudelijke-hulp,jeugd.hulp", "--region", "liemers", "--against", "province,peers", "Westervoort", "Duiven"],
    ]

    @Test("Dutch outputs carry no English words", arguments: runs)
    func dutchOnly(_ arguments: [String]) async throws {
        try await check(arguments, locale: "nl", forbidden: Self.english)
    }

    @Test("English outputs carry no Dutch words", arguments: runs)
    func englishOnly(_ arguments: [String]) async throws {
        try await check(arguments, locale: "en", forbidden: Self.dutch)
    }

    func check(_ arguments: [String], locale: String, forbidden: [String]) async throws {
        let result = try await CLIRunner().run(
            arguments + ["--locale", locale, "--cache-dir", CLIRunner.loadedCache, "--regions", RepositoryFixtures.regions.path])
        #expect(result.status == 0, "\(result.stderr)")
        let words = Self.words(result.stdout)
        let found = forbidden.filter { words.contains($0) }
        #expect(found.isEmpty, "\(arguments[0]) --locale \(locale): \(found)")
        for word in found.prefix(3) {
            let line = result.stdout.split(separator: "\n").first { Self.words(String($0)).contains(word) } ?? ""
            Issue.record("\(arguments[0]) --locale \(locale): \"\(word)\" in: \(line.prefix(240))")
        }
    }
}
