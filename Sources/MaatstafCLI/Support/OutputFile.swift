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
/// pipe), or a link to one, is written directly and never replaced. Every format goes this way, a workbook too. A
/// folder is refused. Every write is checked: a full disk or a closed pipe is an error (exit 74), never a silently
/// shortened output. Output too large to hold goes out in parts through `OutputFile.Stream`, the same way.
enum OutputFile {
    static func write(_ text: String, to path: String?) throws { try write(Array(text.utf8), to: path) }

    /// Bytes of any format; to stdout only text reaches here (a workbook is refused for the terminal beforehand).
    static func write(_ bytes: [UInt8], to path: String?) throws {
        let stream = try Stream(path)
        try stream.write(bytes)
        try stream.commit()
    }

    /// Output written in parts as it is made: to stdout as it comes, to a device or FIFO directly, to a regular file
    /// under its temporary name until `commit` renames it into place. Dropped without `commit` (an error mid-way),
    /// the temporary file is removed and an earlier file at the path stays as it was.
    final class Stream {
        private enum Target {
            case console
            case direct(Int32)
            case temporary(Int32, name: String, mode: mode_t?)
        }
        private var target: Target?
        private let path: String

        init(_ path: String?) throws {
            self.path = path ?? ""
            guard let path else {
                target = .console
                return
            }
            var info = stat()
            if lstat(path, &info) == 0 {
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    throw OutputWriteError(
                        message: .en(
                            "\(path): is a folder. Name a file, e.g. \(path)/report.html",
                            nl: "\(path): is een map. Noem een bestand, bijvoorbeeld \(path)/report.html"))
                case S_IFCHR, S_IFIFO, S_IFSOCK:
                    target = .direct(try Self.openDirectly(path))
                    return
                case S_IFLNK:
                    // A link to a device or a pipe (`/dev/stdout` is one) is written through, never replaced by a file.
                    var linked = stat()
                    if stat(path, &linked) == 0, [S_IFCHR, S_IFIFO, S_IFSOCK].contains(linked.st_mode & S_IFMT) {
                        target = .direct(try Self.openDirectly(path))
                        return
                    }
                default: break
                }
            }
            let mode = info.st_mode & S_IFMT == S_IFREG ? info.st_mode & 0o7777 : nil
            let url = URL(fileURLWithPath: path)
            var random = SystemRandomNumberGenerator()
            let name =
                url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".tmp-" + String(random.next(), radix: 36)
            let descriptor = open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode ?? 0o666)
            guard descriptor >= 0 else { throw failure(path, errno) }
            target = .temporary(descriptor, name: name, mode: mode)
        }

        deinit { abandon() }

        private static func openDirectly(_ path: String) throws -> Int32 {
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw failure(path, errno) }
            return descriptor
        }

        func write(_ text: String) throws { try write(Array(text.utf8)) }

        func write(_ bytes: [UInt8]) throws {
            switch target {
            case .console: try Console.current.output(String(decoding: bytes, as: UTF8.self))
            case .direct(let descriptor), .temporary(let descriptor, _, _):
                if let code = StandardOutput.writeAll(bytes, to: descriptor) {
                    abandon()
                    throw failure(path, code)
                }
            case nil: break
            }
        }

        /// Everything written: a regular file is synced and renamed into place.
        func commit() throws {
            defer { target = nil }
            switch target {
            case .direct(let descriptor):
                close(descriptor)
            case .temporary(let descriptor, let name, let mode):
                var code: Int32?
                if let mode, fchmod(descriptor, mode) != 0 { code = errno }
                if code == nil, fsync(descriptor) != 0 { code = errno }
                if close(descriptor) != 0, code == nil { code = errno }
                if code == nil, rename(name, path) != 0 { code = errno }
                if let code {
                    unlink(name)
                    throw failure(path, code)
                }
            case .console, nil: break
            }
        }

        /// Stops without committing: the temporary file is removed. Safe to call more than once.
        func abandon() {
            switch target {
            case .direct(let descriptor): close(descriptor)
            case .temporary(let descriptor, let name, _):
                close(descriptor)
                unlink(name)
            case .console, nil: break
            }
            target = nil
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
