import ArgumentParser
import Foundation
import MaatstafCore

/// Parses the command line, runs the command, and turns errors into one line on stderr and an exit code.
/// This is the only place where errors of the lower modules become exit codes.
public enum MaatstafMain {
    public static func run(arguments: [String]? = nil) async {
        // A closed pipe is an error a command reports (exit 74), not a signal that kills it mid-line.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try MaatstafCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ExitCode {
            MaatstafCommand.exit(withError: error)
        } catch {
            if let failure = ExitStatus(error) {
                FileHandle.standardError.write(Data("maatstaf: error: \(failure.message)\n".utf8))
                exit(failure.code)
            }
            MaatstafCommand.exit(withError: error)
        }
    }
}
