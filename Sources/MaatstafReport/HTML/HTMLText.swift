import MaatstafCore

/// Escaping for everything that goes into the HTML report from data or user files.
///
/// One function for element text and attribute values alike: names such as `<script>` or `"Regio" & co` must come
/// out as text, never as markup. The output is also well-formed XML, so every inline SVG is valid on its own.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            // Control characters are not allowed in XML 1.0 and have no business in a report.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}": result += "\u{FFFD}"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// An id for an anchor: ASCII letters, digits, `.`, `_` and `-` kept (indicator ids stay distinct), anything else
    /// becomes `-`.
    static func identifier(_ text: String) -> String {
        String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "-" })
    }
}
