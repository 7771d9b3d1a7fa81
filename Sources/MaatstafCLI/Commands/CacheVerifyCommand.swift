import ArgumentParser
import Foundation
import MaatstafCore
import MaatstafFetch

struct CacheVerifyCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "verify",
            abstract: ReaderLanguage.text(
                en: "Check every cached response against its checksum; remove the damaged ones.",
                nl: "Controleer elk bewaard antwoord tegen zijn controlesom; verwijder de beschadigde."),
            discussion: ReaderLanguage.text(
                en: "Exits with 0 also when damaged entries were removed: they will be downloaded again when needed.",
                nl: "Sluit ook af met 0 als beschadigde items verwijderd zijn: ze worden opnieuw gedownload wanneer nodig."))
    }

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
