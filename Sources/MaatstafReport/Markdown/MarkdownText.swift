import MaatstafCore

/// Escaping for text from data or user files in Markdown: a pipe would break a table, and `<script>` or `[x](y)`
/// would become markup in a memo's Markdown renderer. CommonMark's backslash escapes keep them as text.
enum MarkdownText {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "\\", "|", "<", ">", "[", "]", "*", "_", "`": result += "\\" + String(character)
            case "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
