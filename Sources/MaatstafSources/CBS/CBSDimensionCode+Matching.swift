import Foundation
public import MaatstafCore

extension CBSDimensionCode {
    /// How a code a user wrote (`T001038`, `10010`, or a title as StatLine shows it: `Totaal mannen en vrouwen`)
    /// matched a dimension's code list.
    public enum Match: Sendable, Equatable {
        case found(CBSDimensionCode)
        /// The text is the title of several codes (StatLine repeats titles such as `Totaal` in different groups).
        case ambiguous([CBSDimensionCode])
        /// Neither a key nor a title; `near` holds a few codes whose key or title begins alike, to suggest.
        case unknown(near: [CBSDimensionCode])
    }

    /// Keys first (trimmed, case-insensitive), then titles (whitespace-trimmed, case- and accent-insensitive):
    /// users copy titles from StatLine and keys from `maatstaf export`, and both must lead to the same code.
    public static func match(_ wanted: String, in codes: [CBSDimensionCode]) -> Match {
        let text = wanted.trimmingCharacters(in: .whitespaces)
        if let code = codes.first(where: { $0.key.caseInsensitiveCompare(text) == .orderedSame }) { return .found(code) }
        let folded = fold(text)
        let titled = codes.filter { fold($0.title) == folded }
        switch titled.count {
        case 1: return .found(titled[0])
        case 0:
            let start = String(folded.prefix(3))
            return .unknown(
                near: Array(codes.filter { fold($0.key).hasPrefix(start) || fold($0.title).hasPrefix(start) }.prefix(5)))
        default: return .ambiguous(titled)
        }
    }

    /// `key (title)`, the way errors name a code.
    public var described: String { title.isEmpty || title == key ? key : "\(key) (\(title))" }

    private static func fold(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
