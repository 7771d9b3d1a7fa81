import ArgumentParser
import MaatstafApp
import MaatstafCore

/// `maatstaf fund list`: the circulaires in the store.
struct FundListCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list",
            abstract: ReaderLanguage.text(
                en: "List the circulaires in the store, and where each came from.",
                nl: "Noem de circulaires in de opslag, en waar elk vandaan komt."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var language: LocaleOption

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let nl = language.locale == .nl
        for entry in try FundAllocations(store: workspace.store, atlas: workspace.atlas).list() {
            let origin =
                entry.origin == "snapshot"
                ? (nl ? "meegeleverd (snapshot)" : "embedded (snapshot)") : (nl ? "ingelezen" : "imported")
            try StandardOutput.line("\(entry.id)\t\(origin)")
        }
    }
}
