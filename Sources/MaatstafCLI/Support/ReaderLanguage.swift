import ArgumentParser
import MaatstafCore

/// The language of everything a run says, including its errors: decided once per run, before the command line is
/// parsed, by the same rule as every command's `--locale` (the option, else `LC_ALL`/`LC_MESSAGES`/`LANG`, else
/// Dutch), so an error about a bad option is in the same language as the output would have been.
enum ReaderLanguage {
    /// The run's language; `MaatstafMain` sets it for the run (a task-local, so runs in one test process differ).
    @TaskLocal static var current: ReportLocale = .nl

    /// `--locale nl`, `--locale=en`; an absent or unknown value falls back to the environment.
    static func of(_ arguments: [String]) -> ReportLocale {
        var value: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--locale", index + 1 < arguments.count {
                value = arguments[index + 1]
            } else if argument.hasPrefix("--locale=") {
                value = String(argument.dropFirst("--locale=".count))
            }
        }
        return value.flatMap(ReportLocale.init(rawValue:)) ?? LocaleOption.fromEnvironment()
    }

    /// English or Dutch, whichever the run speaks: for the CLI's own sentences. Only the one said is built (help
    /// texts are built again each time ArgumentParser reads a command's configuration).
    static func text(en: @autoclosure () -> String, nl: @autoclosure () -> String) -> String {
        current == .nl ? nl() : en()
    }
}

extension ValidationError {
    /// A refusal of the command line in the run's language; ArgumentParser prints it with the usage.
    init(en: String, nl: String) {
        self.init(ReaderLanguage.text(en: en, nl: nl))
    }
}
