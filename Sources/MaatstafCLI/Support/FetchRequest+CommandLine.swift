import Foundation
import MaatstafCore

extension FetchRequest {
    /// `maatstaf fetch 03759ned --period 2024..2025 --topic BevolkingOp1Januari --where Geslacht=T001038`: the
    /// command that makes this request, ready to paste into a shell.
    var commandLine: String {
        var words = ["maatstaf", "fetch", table]
        if let years {
            words += ["--period", years.count == 1 ? String(years.lowerBound) : "\(years.lowerBound)..\(years.upperBound)"]
        }
        if !topics.isEmpty { words += ["--topic", topics.joined(separator: ",")] }
        for dimension in selection.keys.sorted() {
            words += ["--where", Self.quoted("\(dimension)=\(selection[dimension]!.joined(separator: ","))")]
        }
        return words.joined(separator: " ")
    }

    /// `Run `…` and `…` once while connected`: several requests as one sentence, in the reader's language.
    static func sentence(_ requests: [FetchRequest], _ locale: ReportLocale) -> String {
        let commands = requests.map { "`\($0.commandLine)`" }
        return locale == .nl
            ? "Voer " + commands.joined(separator: " en ") + " één keer uit terwijl u verbonden bent"
            : "Run " + commands.joined(separator: " and ") + " once while connected"
    }

    /// Shell-safe: words of letters, digits and `=,._-` stay bare, anything else goes in single quotes.
    private static func quoted(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "=,._-".unicodeScalars.contains($0)
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
