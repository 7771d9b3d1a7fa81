import ArgumentParser
import Foundation
import MaatstafFetch

struct CacheStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show how many responses the cache holds, their size and age.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let cache = HTTPCache(root: global.cacheRoot)
        let status = cache.status()
        print("cache:   \(cache.root.path)")
        print("entries: \(status.entries)")
        print("bytes:   \(status.bytes) (\(ProgressReporter.format(bytes: status.bytes)))")
        let formatter = ISO8601DateFormatter()
        print("oldest:  \(status.oldest.map(formatter.string(from:)) ?? "-")")
        print("newest:  \(status.newest.map(formatter.string(from:)) ?? "-")")
    }
}
