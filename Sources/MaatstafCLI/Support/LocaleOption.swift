import ArgumentParser
import MaatstafCore
import MaatstafReport

/// The reader's language and number format, one rule for every command: `--locale`, else the environment's
/// language (`LC_ALL`, `LC_MESSAGES`, `LANG`, in POSIX's order: `nl…` or `en…`), else Dutch — maatstaf is for Dutch
/// municipalities.
struct LocaleOption: ParsableArguments {
    @Option(
        name: .customLong("locale"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "Language and number format: nl (€ 1.234,56; CSV with ; for Dutch Excel) or en (€1,234.56). Default: from LC_ALL, LC_MESSAGES or LANG when it is nl or en, else nl.",
                nl:
                    "Taal en getalnotatie: nl (€ 1.234,56; CSV met ; voor Nederlandse Excel) of en (€1,234.56). Standaard: uit LC_ALL, LC_MESSAGES of LANG als die nl of en is, anders nl."
            ),
            valueName: "locale"))
    var choice: ReportLocale?

    var locale: ReportLocale { choice ?? Self.fromEnvironment() }

    /// The language the environment names outright (nl… or en…); nil for C, POSIX, another language or none. A file
    /// for analysts (export-all) takes its dialect from this only: under C, as on a server or in cron, it is the
    /// plain one docs/export-all.md promises, not Dutch by default.
    var explicit: ReportLocale? {
        if let choice { return choice }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = Console.variable(name)?.lowercased(), !value.isEmpty else { continue }
            if value.hasPrefix("nl") { return .nl }
            if value.hasPrefix("en") { return .en }
            return nil
        }
        return nil
    }

    static func fromEnvironment() -> ReportLocale {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            // An empty variable counts as unset, as POSIX has it.
            guard let value = Console.variable(name)?.lowercased(), !value.isEmpty else { continue }
            if value.hasPrefix("nl") { return .nl }
            if value.hasPrefix("en") { return .en }
            // Another language set here decides: maatstaf has only nl and en, and Dutch is its own.
            if value != "c" && value != "posix" && !value.hasPrefix("c.") { return .nl }
        }
        return .nl
    }
}
