import Foundation
import MaatstafCore

// `stat` and its fields: on Linux the compiler finds them through Foundation's CoreFoundation, and asks for that
// module by name (MemberImportVisibility).
#if canImport(CoreFoundation)
    import CoreFoundation
#endif

/// Writes a command's output to stdout, or to `--output PATH`.
///
/// A regular file is written to an unpredictable temporary name beside it, created exclusively and never through a
/// symbolic link, then renamed into place: a failed run leaves the previous file as it was, and nobody can plant a
/// link at the temporary name to make maatstaf write elsewhere. A device or a FIFO (`/dev/null`, `/dev/stdout`, a
/// pipe), or a link to one, is written directly and never replaced. Every format goes this way, a workbook too. A folder is refused. Every write is checked: a full disk or a closed
/// pipe is an error (exit 74), never a silently shortened output.
enum OutputFile {
    static func write(_ text: String, to path: String?) throws { try write(Array(text.utf8), to: path) }

    /// Bytes of any format; to stdout only text reaches here (a workbook is refused for the terminal beforehand).
    static func write(_ bytes: [UInt8], to path: String?) throws {
        guard let path else { return try Console.current.output(String(decoding: bytes, as: UTF8.self)) }
        var info = stat()
        if lstat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                throw OutputWriteError(
                    message: .en(
                        "\(path): is a folder. Name a file, e.g. \(path)/report.html",
                        nl: "\(path): is een map. Noem een bestand, bijvoorbeeld \(path)/report.html"))
            case S_IFCHR, S_IFIFO, S_IFSOCK:
                return try writeDirectly(bytes, to: path)
            case S_IFLNK:
                // A link to a device or a pipe (`/dev/stdout` is one) is written through, never replaced by a file.
                var target = stat()
                if stat(path, &target) == 0, [S_IFCHR, S_IFIFO, S_IFSOCK].contains(target.st_mode & S_IFMT) {
                    return try writeDirectly(bytes, to: path)
                }
            default: break
            }
        }
        try replace(path, with: bytes, keepingMode: info.st_mode & S_IFMT == S_IFREG ? info.st_mode & 0o7777 : nil)
    }

    private static func writeDirectly(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, errno) }
        defer { close(descriptor) }
        if let code = StandardOutput.writeAll(bytes, to: descriptor) { throw failure(path, code) }
    }

    private static func replace(_ path: String, with bytes: [UInt8], keepingMode mode: mode_t?) throws {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent().path
        var random = SystemRandomNumberGenerator()
        let suffix = String(random.next(), radix: 36)
        let temporary = folder + "/." + target.lastPathComponent + ".tmp-" + suffix
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode ?? 0o666)
        guard descriptor >= 0 else { throw failure(path, errno) }
        var code = StandardOutput.writeAll(bytes, to: descriptor)
        if code == nil, let mode, fchmod(descriptor, mode) != 0 { code = errno }
        if code == nil, fsync(descriptor) != 0 { code = errno }
        if close(descriptor) != 0, code == nil { code = errno }
        if code == nil, rename(temporary, path) != 0 { code = errno }
        if let code {
            unlink(temporary)
            throw failure(path, code)
        }
    }

    private static func failure(_ path: String, _ code: Int32) -> OutputWriteError {
        OutputWriteError(
            message: .en(
                "\(path): cannot write the output (\(SystemErrorText.describe(code).en)). Check that the folder exists, is writable and has room; an earlier file there was left as it was",
                nl:
                    "\(path): kan de uitvoer niet schrijven (\(SystemErrorText.describe(code).nl)). Controleer of de map bestaat, beschrijfbaar is en ruimte heeft; een eerder bestand daar is gelaten zoals het was"
            )
        )
    }
}

/// Standard output, written unbuffered and checked: `export > file` on a full disk, or into a closed pipe, fails
/// loudly instead of exiting 0 with half the lines.
enum StandardOutput {
    static func write(_ text: String) throws {
        if let code = writeAll(Array(text.utf8), to: STDOUT_FILENO) {
            throw OutputWriteError(
                message: .en(
                    "standard output: cannot write (\(SystemErrorText.describe(code).en)). The output is incomplete; check the disk or the program reading it",
                    nl:
                        "standaarduitvoer: kan niet schrijven (\(SystemErrorText.describe(code).nl)). De uitvoer is onvolledig; controleer de schijf of het programma dat haar leest"
                )
            )
        }
    }

    /// A line, as `print` would write it, to the current console's output.
    static func line(_ text: String) throws { try Console.current.output(text + "\n") }

    /// Writes every byte; the errno of a failed write, or nil.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}

/// The output cannot be written; exits with 74.
struct OutputWriteError: Error, CustomStringConvertible {
    var message: LocalizedText
    var description: String { message.en }
}
