import ArgumentParser
import Foundation
import MaatstafCore

/// Parses the command line, runs the command, and turns errors into one line on stderr and an exit code.
/// This is the only place where errors of the lower modules become exit codes.
public enum MaatstafMain {
    /// Runs `maatstaf` in this process and exits with its status.
    public static func run(arguments: [String]? = nil) async {
        // A closed pipe is an error a command reports (exit 74), not a signal that kills it mid-line.
        signal(SIGPIPE, SIG_IGN)
        let status = await execute(arguments ?? Array(CommandLine.arguments.dropFirst()))
        exit(status)
    }

    /// Runs one command line and returns its exit status, writing to the current `Console`: what the binary does,
    /// short of exiting. Tests call it (through `InProcess`) with a console of their own.
    static func execute(_ arguments: [String]) async -> Int32 {
        let locale = ReaderLanguage.of(arguments)
        return await ReaderLanguage.$current.withValue(locale) { await execute(arguments, locale: locale) }
    }

    private static func execute(_ arguments: [String], locale: ReportLocale) async -> Int32 {
        let console = Console.current
        let prefix = locale == .nl ? "maatstaf: fout: " : "maatstaf: error: "
        // `--version` says more than a version: where the data is and what it holds.
        if arguments == ["--version"] {
            try? console.output(VersionText.describe() + "\n")
            return 0
        }
        if let message = UnknownCommand.message(arguments, locale) {
            console.error("\(prefix)\(message)\n")
            return ExitCode.validationFailure.rawValue
        }
        do {
            var command = try MaatstafCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            if let failure = ExitStatus(error, locale: locale) {
                // On a terminal a progress line may still stand without a line end: clear it first.
                let clear = console.errorIsTerminal ? "\r\u{1B}[2K" : ""
                console.error("\(clear)\(prefix)\(failure.message)\n")
                return failure.code
            }
            // Help, version and argument errors, worded by ArgumentParser: help on stdout, the rest on stderr.
            let code = MaatstafCommand.exitCode(for: error)
            let message =
                code == .success
                ? ParserMessage.localizedHelp(MaatstafCommand.fullMessage(for: error), locale)
                : ParserMessage.localized(MaatstafCommand.fullMessage(for: error), locale)
                    + (ParserMessage.negativeValue(MaatstafCommand.fullMessage(for: error), arguments, locale).map { "\n" + $0 }
                        ?? "")
            if code == .success {
                if !message.isEmpty { try? console.output(message + "\n") }
            } else if !message.isEmpty {
                console.error(message + "\n")
            }
            return code.rawValue
        }
    }
}

/// Runs a command line in this process with a console of the caller's: the way tests run commands (ArgumentParser's
/// parse-and-run pattern), many at once, without starting a process each, and the way `monitor` runs its steps.
public enum InProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `arguments` with `environment` as the only environment variables the command sees.
    public static func run(_ arguments: [String], environment: [String: String]) async -> Result {
        let output = Captured()
        let error = Captured()
        let console = Console(
            output: { output.append($0) }, error: { error.append($0) }, environment: environment,
            errorIsTerminal: false, outputIsTerminal: false)
        let status = await Console.$current.withValue(console) { await MaatstafMain.execute(arguments) }
        return Result(status: status, stdout: output.text, stderr: error.text)
    }

    private final class Captured: @unchecked Sendable {
        private let lock = NSLock()
        private var parts: [String] = []
        func append(_ text: String) { lock.withLock { parts.append(text) } }
        var text: String { lock.withLock { parts.joined() } }
    }
}
