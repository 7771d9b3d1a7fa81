import ArgumentParser
import Foundation
import MaatstafCore
import MaatstafFetch

struct CacheClearCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "clear",
            abstract: ReaderLanguage.text(
                en: "Remove every cached response (the embedded snapshot and the store are kept).",
                nl: "Verwijder elk bewaard antwoord (de ingebouwde snapshot en de opslag blijven)."))
    }

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
