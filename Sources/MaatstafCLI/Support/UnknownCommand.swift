import ArgumentParser
import MaatstafCore

/// A first word that is no command (`maatstaf comapre …`): ArgumentParser would complain about the first option
/// instead ("Unknown option '--indicator'"), which sends the user looking in the wrong place. Named here with the
/// closest commands.
enum UnknownCommand {
    /// The message for `word`, or nil when it is a command, an option, or there are no arguments.
    static func message(_ arguments: [String], _ locale: ReportLocale) -> String? {
        guard let word = arguments.first, !word.hasPrefix("-") else { return nil }
        let names = MaatstafCommand.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        guard !names.contains(word) else { return nil }
        let close = names.map { ($0, distance(word.lowercased(), $0)) }.filter { $0.1 <= max(2, word.count / 3) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
        let commands = names.dropLast().joined(separator: ", ")
        if locale == .nl {
            let suggestion = close.isEmpty ? "" : " Bedoelt u \(close.prefix(3).joined(separator: " of "))?"
            return "\"\(word)\" is geen opdracht van maatstaf.\(suggestion) Opdrachten: \(commands); zie `maatstaf --help`."
        }
        let suggestion = close.isEmpty ? "" : " Did you mean \(close.prefix(3).joined(separator: " or "))?"
        return "\"\(word)\" is not a maatstaf command.\(suggestion) Commands: \(commands); see `maatstaf --help`."
    }

    /// Levenshtein distance: insertions, deletions and substitutions (a swap of two letters counts two).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
