import Foundation
import MaatstafCore
import MaatstafFetch

/// Shows requests done and bytes received on one stderr line, at most ten times a second.
/// Disabled when stderr is not a terminal (logs, pipes, CI) or with `--quiet`.
final class ProgressReporter: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var started = 0
    private var finished = 0
    private var fromCache = 0
    private var bytes = 0
    private var retries = 0
    private var lastDraw = Date.distantPast
    private var drew = false

    /// Captured when the reporter is made: fetch events arrive on libcurl's threads, outside the command's task.
    private let console: Console
    /// The run's language, captured for the same reason.
    private let locale: ReportLocale

    init(enabled: Bool) {
        self.enabled = enabled
        self.console = Console.current
        self.locale = ReaderLanguage.current
    }

    func handle(_ event: FetchEvent) {
        guard enabled else { return }
        lock.withLock {
            switch event {
            case .requestStarted: started += 1
            case .requestFinished(_, let count):
                finished += 1
                bytes += count
            case .retrying: retries += 1
            case .servedFromCache(_, let count):
                fromCache += 1
                bytes += count
            }
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            draw()
        }
    }

    /// Clears the progress line so that the command's own output starts on a clean line.
    func finish() {
        guard enabled else { return }
        lock.withLock {
            if drew {
                draw()
                console.error("\n")
                drew = false
            }
        }
    }

    private func draw() {
        drew = true
        let nl = locale == .nl
        var line =
            "\r\u{1B}[2K  " + (nl ? "verzoeken \(finished)/\(started) klaar, " : "requests \(finished)/\(started) done, ")
            + Self.format(bytes: bytes)
        if fromCache > 0 { line += nl ? ", \(fromCache) uit de cache" : ", \(fromCache) from cache" }
        if retries > 0 { line += nl ? ", \(retries) opnieuw geprobeerd" : ", \(retries) retried" }
        console.error(line)
    }

    static func format(bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return String(format: "%.1f kB", Double(bytes) / 1024) }
        return String(format: "%.1f MB", Double(bytes) / 1024 / 1024)
    }
}
