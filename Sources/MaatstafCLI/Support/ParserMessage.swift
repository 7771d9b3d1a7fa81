import Foundation
import MaatstafCore

/// ArgumentParser's own messages (a missing argument, an unknown option, a value it cannot read) in the run's
/// language. ArgumentParser words them in English only, so for a Dutch reader each known sentence is rewritten by its
/// pattern; the option names, values and the usage line stay as typed. The "Help:" line quotes the option's English
/// help and is left out in Dutch: the line under it points to `--help`.
enum ParserMessage {
    static func localized(_ message: String, _ locale: ReportLocale) -> String {
        guard locale == .nl else { return message }
        return message.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
            let text = String(line)
            if text.hasPrefix("Help:") { return nil }
            if text.hasPrefix("Usage: ") { return "Gebruik: " + placeholders(String(text.dropFirst("Usage: ".count))) }
            if let match = text.firstMatch(of: /^(\s*)See '(.+)' for more information\.$/) {
                return "\(match.1)Zie '\(match.2)' voor meer uitleg."
            }
            if text.hasPrefix("Error: ") { return "Fout: " + placeholders(sentence(String(text.dropFirst("Error: ".count)))) }
            return text
        }.joined(separator: "\n")
    }

    /// ArgumentParser's help around maatstaf's own (already Dutch) texts: its headings, the default and value lists,
    /// and its own two options. Applied to `--help` and `maatstaf help …` for a Dutch reader.
    static func localizedHelp(_ help: String, _ locale: ReportLocale) -> String {
        guard locale == .nl else { return help }
        var text = help
        for (english, dutch) in [
            ("OVERVIEW:", "OVERZICHT:"), ("USAGE:", "GEBRUIK:"), ("ARGUMENTS:", "ARGUMENTEN:"),
            ("OPTIONS:", "OPTIES:"), ("SUBCOMMANDS:", "OPDRACHTEN:"), ("Show help information.", "Toon deze uitleg."),
            ("Show the version.", "Toon de versie."), ("(values:", "(waarden:"), ("(default:", "(standaard:"),
            ("(default)", "(standaard)"),
        ] {
            text = text.replacingOccurrences(of: english, with: dutch)
        }
        text = placeholders(text)
        // `; default:` may be broken over two lines by the help's wrapping.
        text = text.replacing(/;(\s+)default:/) { ";\($0.1)standaard:" }
        return text.replacing(/See '(.+)' for detailed help\./) { "Zie '\($0.1)' voor de uitleg per opdracht." }
    }

    /// "Missing value for '--year <year>'" when the value was there but negative (`--year -5`): ArgumentParser reads a
    /// value that starts with `-` as an option. Said, so the reader does not look for a value they did give.
    static func negativeValue(_ message: String, _ arguments: [String], _ locale: ReportLocale) -> String? {
        guard let match = message.firstMatch(of: /Missing value for '(--[a-z-]+)/) else { return nil }
        let option = String(match.1)
        guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else { return nil }
        let value = arguments[index + 1]
        guard value.hasPrefix("-"), value.dropFirst().first?.isNumber == true else { return nil }
        return locale == .nl
            ? "'\(value)' na \(option) wordt gelezen als een optie: een negatieve waarde kan hier niet (een jaar is bijvoorbeeld 2023)."
            : "'\(value)' after \(option) is read as an option: a negative value cannot be given here (a year is, for example, 2023)."
    }

    /// ArgumentParser's English placeholders in a usage line (`[<options>]`, `<subcommand>`) and maatstaf's
    /// arguments named in English (`<municipalities>`), in Dutch.
    static func placeholders(_ text: String) -> String {
        var text = text
        for (english, dutch) in [
            ("<options>", "<opties>"), ("<subcommand>", "<opdracht>"), ("<municipalities>", "<gemeenten>"),
            ("<municipality>", "<gemeente>"), ("<files>", "<bestanden>"), ("<file>", "<bestand>"),
        ] {
            text = text.replacingOccurrences(of: english, with: dutch)
        }
        return text
    }

    /// One of ArgumentParser's sentences in Dutch; a sentence it does not know is returned as it is (maatstaf's own
    /// validation messages are already in the reader's language).
    static func sentence(_ text: String) -> String {
        if let m = text.wholeMatch(of: /Missing expected argument '(.+)'/) {
            return "verplicht argument '\(m.1)' ontbreekt"
        }
        if let m = text.wholeMatch(of: /Missing value for '(.+)'/) {
            return "waarde ontbreekt bij '\(m.1)'"
        }
        if let m = text.wholeMatch(of: /The value '(.*)' is invalid for '(.+)'\. Please provide one of (.+)\./) {
            return
                "de waarde '\(m.1)' is ongeldig bij '\(m.2)'. Kies uit \(m.3.replacingOccurrences(of: "' or '", with: "' of '"))."
        }
        if let m = text.wholeMatch(of: /The value '(.*)' is invalid for '(.+?)'(.*)/) {
            return "de waarde '\(m.1)' is ongeldig bij '\(m.2)'" + (m.3.isEmpty ? "" : ".")
        }
        if let m = text.wholeMatch(of: /Unknown option '(.+?)'\. Did you mean '(.+)'\?/) {
            return "onbekende optie '\(m.1)'. Bedoelt u '\(m.2)'?"
        }
        if let m = text.wholeMatch(of: /Unknown option '(.+)'/) {
            return "onbekende optie '\(m.1)'"
        }
        if let m = text.wholeMatch(of: /Unexpected argument '(.+)'/) {
            return "onverwacht argument '\(m.1)'"
        }
        if let m = text.wholeMatch(of: /(\d+) unexpected arguments: (.+)/) {
            return "\(m.1) onverwachte argumenten: \(m.2)"
        }
        if let m = text.wholeMatch(of: /Value to be set with flag '(.+)' had already been set with flag '(.+)'/) {
            return "'\(m.1)' en '\(m.2)' sluiten elkaar uit"
        }
        if let m = text.wholeMatch(of: /Value to be set with option '(.+)' had already been set with option '(.+)'/) {
            return "'\(m.1)' en '\(m.2)' sluiten elkaar uit"
        }
        return text
    }
}
