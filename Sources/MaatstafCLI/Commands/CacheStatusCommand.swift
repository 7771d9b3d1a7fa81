import ArgumentParser
import Foundation
import MaatstafCore
import MaatstafFetch

struct CacheStatusCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "status",
            abstract: ReaderLanguage.text(
                en: "Show how many responses the cache holds, their size and age.",
                nl: "Toon hoeveel antwoorden de cache bevat, hun grootte en leeftijd."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var language: LocaleOption

    func run() async throws {
        let cache = HTTPCache(root: global.cacheRoot)
        let status = cache.status()
        let nl = language.locale == .nl
        try StandardOutput.line((nl ? "cache:    " : "cache:   ") + cache.root.path)
        try StandardOutput.line((nl ? "items:    " : "entries: ") + String(status.entries))
        try StandardOutput.line(
            (nl ? "bytes:    " : "bytes:   ") + "\(status.bytes) (\(ProgressReporter.format(bytes: status.bytes)))")
        let formatter = ISO8601DateFormatter()
        try StandardOutput.line((nl ? "oudste:   " : "oldest:  ") + (status.oldest.map(formatter.string(from:)) ?? "-"))
        try StandardOutput.line((nl ? "nieuwste: " : "newest:  ") + (status.newest.map(formatter.string(from:)) ?? "-"))
    }
}
