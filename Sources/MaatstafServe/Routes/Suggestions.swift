import Foundation
import MaatstafCore
import MaatstafModel

/// The type-ahead's names: municipalities whose name or code contains what was typed (accents and case folded, as
/// `maatstaf municipalities --search` finds them), then the closest spellings, current municipalities only.
enum Suggestions {
    static let limit = 12

    static func names(for text: String, _ directory: MunicipalityDirectory) -> [String] {
        guard text.trimmingCharacters(in: .whitespaces).count >= 1 else { return [] }
        var names = directory.search(text).filter(\.isCurrent).map(\.name)
        for name in directory.closest(to: text, limit: limit) where !names.contains(name) {
            names.append(name)
        }
        return Array(names.prefix(limit))
    }
}
