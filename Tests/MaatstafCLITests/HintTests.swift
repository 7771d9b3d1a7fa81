import Foundation
import MaatstafCore
import MaatstafTestServer
import Testing

@testable import MaatstafCLI

/// Every hint maatstaf gives names a command and options that exist: a hint pointing to `--snapshot-dir`, which
/// never existed, sent users nowhere. The options are read from the commands' own `--help`, the hints from the
/// string literals of the sources.
@Suite("Hints name what exists")
struct HintTests {
    /// `maatstaf X Y` command paths and the options each one accepts, from `--help`.
    static func commands() async throws -> [String: Set<String>] {
        var found: [String: Set<String>] = [:]
        var queue: [[String]] = [[]]
        while let path = queue.popLast() {
            let help = try await CLIRunner().run(path + ["--help"]).stdout
            found[path.joined(separator: " ")] = Set(options(in: help))
            // Subcommand lines: two spaces, a lower-case name (`status (default)` too); nothing deeper than two levels.
            if path.count < 2, let subcommands = help.components(separatedBy: "SUBCOMMANDS:").dropFirst().first {
                for line in subcommands.split(separator: "\n") where line.hasPrefix("  ") && !line.hasPrefix("   ") {
                    guard let name = line.split(separator: " ").first.map(String.init), name != "help",
                        name.allSatisfy({ $0.isLowercase || $0 == "-" })
                    else { continue }
                    queue.append(path + [name])
                }
            }
        }
        return found
    }

    static func options(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "--[a-z][a-z0-9-]*")
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range, in: text)!])
        }
    }

    /// The string literals of every source file below the CLI's own help texts: where hints are written.
    static func literals() throws -> [(file: String, text: String)] {
        let sources = RepositoryFixtures.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }
            .filter {
                ($0.hasSuffix(".swift") || $0.hasSuffix("builtin-indicators.yaml")) && !$0.hasPrefix("Benchmarks")
                    && !$0.hasPrefix("MaatstafTestServer")
            }
        let literal = try NSRegularExpression(pattern: #""((?:[^"\\\n]|\\.)*)""#)
        return try files.flatMap { file -> [(String, String)] in
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            return literal.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
                (file, String(text[Range($0.range(at: 1), in: text)!]))
            }
        }
    }

    @Test("every `maatstaf …` a message names is a command with the options it is given; every option exists")
    func hints() async throws {
        let commands = try await Self.commands()
        #expect(commands.keys.contains("fetch") && commands.keys.contains("cache fetch"))
        let everyOption = commands.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        var checked = 0
        for (file, text) in try Self.literals() {
            // A command line in a message: the words after `maatstaf` up to the first option or argument.
            for range in text.ranges(of: "maatstaf ") {
                let words = text[range.upperBound...].prefix { $0 != "`" && $0 != ")" && $0 != ";" && $0 != "\"" }
                    .split(separator: " ").map(String.init)
                let path = words.prefix { $0.allSatisfy { $0.isLowercase || $0 == "-" } && !$0.hasPrefix("-") }
                guard let first = path.first, commands[first] != nil || first == "fetch" else { continue }
                let command = (1...path.count).reversed().map { path.prefix($0).joined(separator: " ") }.first {
                    commands[$0] != nil
                }
                #expect(command != nil, "\(file): \"\(text)\" names no maatstaf command")
                if let command {
                    for option in Self.options(in: words.joined(separator: " ")) {
                        #expect(
                            commands[command]!.contains(option),
                            "\(file): `maatstaf \(command)` has no \(option) (in \"\(text)\")")
                    }
                }
                checked += 1
            }
            for option in Self.options(in: text) {
                #expect(everyOption.contains(option), "\(file): \(option) is no option of any command (in \"\(text)\")")
            }
        }
        #expect(checked > 10)
    }

    @Test("below the CLI no message spells an option or a command: they say what to do as values (Advice)")
    func adviceIsAValue() throws {
        let commandWords = try NSRegularExpression(
            pattern:
                "maatstaf (fetch|describe|export|indicators|municipalities|tables|cache|regions|region|rank|compare|report|trend|budget|import|imports|check|peers|best-practice)\\b"
        )
        var scanned = 0
        // The built-in indicators are YAML: data in the format users write their own in, whose notes may name a
        // command as a user's file may (and so may their compiled copy, made from the YAML). The first test still
        // checks every command they name exists.
        let data = ["builtin-indicators.yaml", "BuiltinIndicators+Compiled.swift"]
        for (file, text) in try Self.literals()
        where !file.hasPrefix("MaatstafCLI/") && !file.hasPrefix("maatstaf/") && !data.contains(where: file.hasSuffix) {
            scanned += 1
            #expect(Self.options(in: text).isEmpty, "\(file): \"\(text)\" spells an option")
            let range = NSRange(text.startIndex..., in: text)
            #expect(commandWords.firstMatch(in: text, range: range) == nil, "\(file): \"\(text)\" spells a command")
        }
        #expect(scanned > 500)
    }

    @Test("every option and action advice can name is spelt as an option or command that exists")
    func everySpellingExists() async throws {
        let commands = try await Self.commands()
        let everyOption = commands.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        let options: [Advice.Option] = [
            .refresh, .offline, .cacheDirectory, .maxResponseSize, .cbsBase, .region, .period,
            .selection(dimension: nil), .selection(dimension: "Leeftijd"), .indicatorsFile, .targetsFile, .year, .topic,
            .acceptRevision, .snapshotCopy, .replaceImport, .dashboardPort, .dashboardHost, .boundaries,
        ]
        for option in options {
            let flag = try #require(Self.options(in: Advice.flag(option)).first)
            #expect(everyOption.contains(flag), "\(option) is spelt \(flag), which no command has")
        }
        let actions: [Advice.Action] = [
            .describeTable("85099NED"), .exportTable("85099NED"), .listIndicators,
            .showIndicator("wmo.huishoudelijke-hulp"), .searchMunicipalities(placeholder: "NAME"), .searchTables,
            .verifyCache, .checkRegions, .fetchTable("85099NED"), .fetchIv3(year: 2024), .fetchMergers,
            .rankWithin(group: "province", adding: "Westervoort"),
        ]
        for action in actions {
            let words = Advice.command(action).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
                .split(separator: " ").dropFirst().map(String.init)
            let path = words.prefix { !$0.hasPrefix("-") && $0.allSatisfy { $0.isLowercase || $0 == "-" } }
            let command = (1...path.count).reversed().map { path.prefix($0).joined(separator: " ") }.first {
                commands[$0] != nil
            }
            #expect(command != nil, "\(action) is spelt as no command")
            for option in Self.options(in: words.joined(separator: " ")) {
                #expect(command.map { commands[$0]!.contains(option) } == true, "\(action): no \(option)")
            }
        }
    }

    /// A command as advice spells it, as the words to run: the backticks off, a placeholder filled in.
    static func runnable(_ action: Advice.Action) -> [String] {
        Advice.command(action).trimmingCharacters(in: CharacterSet(charactersIn: "`")).split(separator: " ").dropFirst()
            .flatMap { word -> [String] in
                switch word {
                case "NAME": ["Duiv"]
                case "WORDS": ["bevolking"]
                case "…": ["--indicator", "wmo.maatwerk"]
                default: [String(word)]
                }
            }
    }

    @Test("the commands advice names run for the input they are given, where they can run without a network")
    func adviceRuns() async throws {
        let cache = CLIRunner.freshLoadedCache()
        let offline: [Advice.Action] = [
            .listIndicators, .showIndicator("wmo.huishoudelijke-hulp"), .showIndicator("iv3.6.71a.lasten"),
            .searchMunicipalities(placeholder: "NAME"), .verifyCache, .checkRegions, .listImports,
            .rankWithin(group: "province", adding: "Westervoort"),
        ]
        for action in offline {
            let words = Self.runnable(action)
            let result = try await CLIRunner().run(words + ["--cache-dir", cache])
            #expect(result.status == 0, "\(words.joined(separator: " ")): \(result.stderr)")
        }
        // Those that need CBS: against a server that knows nothing, they fail for the data, never for their words
        // (a usage error is 64).
        let nothing = try TestHTTPServer { _ in TestResponse(status: 404, text: "not here") }
        var runner = CLIRunner()
        runner.environment["MAATSTAF_CBS_BASE"] = nothing.baseURL
        for action: Advice.Action in [
            .fetchTable("85099NED"), .fetchIv3(year: 2024), .fetchMergers, .describeTable("85099NED"),
            .exportTable("85099NED"), .searchTables,
        ] {
            let words = Self.runnable(action)
            let result = try await runner.run(words + ["--cache-dir", cache])
            #expect(result.status != 64, "\(words.joined(separator: " ")) is not a valid command line: \(result.stderr)")
        }
    }
}
