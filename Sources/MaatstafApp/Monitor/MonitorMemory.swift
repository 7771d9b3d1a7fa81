public import Foundation
import MaatstafCore

/// What a monitor remembers between runs, in one JSON file per monitor in the cache: which export files it imported
/// (by sha256, so only new and changed ones are imported again) and, per channel, the alarms it has told (so a run
/// tells only what changed, and a channel that failed is told again at the next run). Written whole to a temporary
/// file and renamed over the old one: an interrupted run leaves the previous memory, never half of one.
public struct MonitorMemory: Codable, Sendable, Equatable {
    /// Export file path → its sha256 when it was imported.
    public var imported: [String: String] = [:]
    /// Channel (`email`, `webhook`) → alarm key → the line it was told with.
    public var told: [String: [String: String]] = [:]
    /// When the last run ended (ISO 8601).
    public var lastRun: String?

    public init() {}

    /// The memory in `url`; empty when there is none yet. A file that does not read is an error: starting from an
    /// empty memory would tell every alarm again and import every file again.
    public static func read(_ url: URL) throws -> MonitorMemory {
        guard FileManager.default.fileExists(atPath: url.path) else { return MonitorMemory() }
        do {
            return try JSONDecoder().decode(MonitorMemory.self, from: Data(contentsOf: url))
        } catch {
            throw MonitorMemoryError(
                subject: url.path,
                reason: .en(
                    "is not a monitor's memory that maatstaf can read",
                    nl: "is geen geheugen van een monitor dat maatstaf kan lezen"),
                hint: .en(
                    "Move it aside to start afresh (every current alarm is then told again)",
                    nl: "Zet het opzij om opnieuw te beginnen (elk huidig alarm wordt dan opnieuw gemeld)"))
        }
    }

    public func write(_ url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)")
        try encoder.encode(self).write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw MonitorMemoryError(
                subject: url.path,
                reason: .en(
                    "cannot be written (\(String(cString: strerror(errno))))",
                    nl: "kan niet worden geschreven (\(String(cString: strerror(errno))))"),
                hint: .en("Check the cache folder's permissions", nl: "Controleer de rechten van de cachemap"))
        }
    }
}
