import ArgumentParser
import Foundation
import MaatstafCore
import MaatstafFetch

struct CacheClearCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear",
        abstract: "Remove every cached response (the embedded snapshot and the store are kept).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var language: LocaleOption

    func run() async throws {
        let removed = try HTTPCache(root: global.cacheRoot).clear()
        try StandardOutput.line(
            language.locale == .nl
                ? "\(removed) bewaarde antwoorden verwijderd uit \(global.cacheRoot.path)"
                : "removed \(removed) cached responses from \(global.cacheRoot.path)")
    }
}
