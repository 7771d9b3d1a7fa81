import Foundation

/// Writes a command's output to stdout, or to `--output FILE` through a temporary file renamed into place, so a
/// failed run never leaves a half-written file where a previous good one was.
enum OutputFile {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            print(text, terminator: "")
            return
        }
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())")
        do {
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, target.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw OutputWriteError(message: "\(path): cannot write the output (\(error.localizedDescription)). Check that the folder exists and is writable")
        }
    }
}

/// The output file cannot be written; exits with 74.
struct OutputWriteError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
