import ArgumentParser
import Foundation
import MaatstafCore
import MaatstafFetch

struct CacheStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show how many responses the cache holds, their size and age.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let cache = HTTPCache(root: global.cacheRoot)
        let status = cache.status()
        try StandardOutput.line("cache:   \(cache.root.path)")
        try StandardOutput.line("entries: \(status.entries)")
        try StandardOutput.line("bytes:   \(status.bytes) (\(ProgressReporter.format(bytes: status.bytes)))")
        let formatter = ISO8601DateFormatter()
        try StandardOutput.line("oldest:  \(status.oldest.map(formatter.string(from:)) ?? "-")")
        try StandardOutput.line("newest:  \(status.newest.map(formatter.string(from:)) ?? "-")")
    }
}
