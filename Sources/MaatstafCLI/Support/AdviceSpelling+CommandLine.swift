import MaatstafApp
import MaatstafCore

extension AdviceSpelling {
    /// Advice and fetches as `maatstaf` commands and options: how the CLI, and the dashboard it starts, spell them.
    static let commandLine = AdviceSpelling(advice: { $0.commandLine($1) }, fetch: { $0.commandLine })
}
