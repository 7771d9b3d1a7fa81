import ArgumentParser
import Foundation
import MaatstafCore
import MaatstafFetch

struct CacheVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every cached response against its checksum; remove the damaged ones.",
        discussion: "Exits with 0 also when damaged entries were removed: they will be downloaded again when needed.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var language: LocaleOption

    func run() async throws {
        let result = try HTTPCache(root: global.cacheRoot).verify()
        for path in result.removed {
            try StandardOutput.line(
                (language.locale == .nl ? "beschadigd, verwijderd: " : "removed damaged: ") + path)
        }
        let damaged = result.removed.filter { $0.hasSuffix(".entry") }.count
        try StandardOutput.line(
            language.locale == .nl
                ? "\(result.checked) items gecontroleerd: \(result.checked - damaged) heel, \(damaged) beschadigd en verwijderd"
                : "checked \(result.checked) entries: \(result.checked - damaged) intact, \(damaged) damaged and removed")
    }
}
