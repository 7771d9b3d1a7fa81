import Foundation

/// A monitor run's lines: each on standard output and appended, with the time and the monitor's name, to its log
/// file — what a scheduler's mail or journal shows, and what is still there a month later.
struct MonitorLog {
    let file: URL
    let monitor: String
    private let stamp = ISO8601DateFormatter()

    init(file: URL, monitor: String) {
        self.file = file
        self.monitor = monitor
    }

    mutating func say(_ line: String) throws {
        try StandardOutput.line(line)
        let entry = Data("\(stamp.string(from: Date())) \(monitor): \(line)\n".utf8)
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        if let handle = FileHandle(forWritingAtPath: file.path) {
            handle.seekToEndOfFile()
            handle.write(entry)
            try? handle.close()
        } else {
            try? entry.write(to: file)
        }
    }
}
