import Foundation

/// Where a command writes and what it reads from its surroundings: standard output, standard error and the
/// environment.
///
/// A run in the `maatstaf` process uses the real ones. Tests run commands in their own process, many at once, each
/// with a console of its own (a task-local value), so that a command test costs a function call instead of a process
/// start and still sees exactly what a user would see.
struct Console: Sendable {
    /// Writes output; throws when it cannot be written (a full disk, a closed pipe).
    var output: @Sendable (String) throws -> Void
    /// Writes a message for the user (progress, notices, errors); never fails the command.
    var error: @Sendable (String) -> Void
    /// The environment variables the command may read (`MAATSTAF_CACHE_DIR` and friends).
    var environment: [String: String]
    /// Whether standard error is a terminal (progress is drawn only there).
    var errorIsTerminal: Bool
    /// Whether standard output is a terminal (an HTML report is not dumped on one).
    var outputIsTerminal: Bool

    /// The process's own standard output, standard error and environment.
    static let process = Console(
        output: { text in try StandardOutput.write(text) },
        error: { text in _ = StandardOutput.writeAll(Array(text.utf8), to: STDERR_FILENO) },
        environment: ProcessInfo.processInfo.environment,
        errorIsTerminal: isatty(STDERR_FILENO) == 1,
        outputIsTerminal: isatty(STDOUT_FILENO) == 1)

    @TaskLocal static var current: Console = .process

    /// A non-empty environment variable.
    static func variable(_ name: String) -> String? {
        guard let value = current.environment[name], !value.isEmpty else { return nil }
        return value
    }
}
