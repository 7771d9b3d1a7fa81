import Foundation
import MaatstafCore

extension Table {
    /// Columns padded to their widest cell (counted in characters), two spaces apart; notes below.
    public func renderText() -> String {
        let widths = columns.indices.map { index in
            ([columns[index].title] + rows.map { index < $0.count ? $0[index] : "" }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            columns.indices.map { index -> String in
                let cell = index < cells.count ? cells[index] : ""
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return columns[index].alignment == .right ? padding + cell : cell + padding
            }.joined(separator: "  ").trailingSpacesRemoved
        }
        var lines = [line(columns.map(\.title)), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += rows.map(line)
        if !notes.isEmpty { lines.append("") }
        lines += notes
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV rows in the dialect's separator, without its preamble (`ResultWriter.csv` writes whole files).
    /// Notes are not part of CSV output; callers print them elsewhere or add a source column.
    func renderCSV(_ dialect: CSVDialect) -> String { renderCSV(separator: dialect.separator) }

    /// The rows with any one-character separator (tests try a non-ASCII one; products use a dialect).
    func renderCSV(separator: Character, header: Bool = true) -> String {
        // The cells are scanned byte by byte: Foundation's `contains` on every cell was four fifths of `export-all`.
        let separatorByte = separator.asciiValue
        func needsQuotes(_ cell: String) -> Bool {
            if let separatorByte {
                return cell.utf8.contains { $0 == separatorByte || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            }
            return cell.contains(separator) || cell.utf8.contains { $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        }
        func escape(_ raw: String) -> String {
            let cell = Self.neutralised(raw)
            if needsQuotes(cell) {
                return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return cell
        }
        let lines = (header ? [columns.map { escape($0.title) }] : []) + rows.map { $0.map(escape) }
        return lines.map { $0.joined(separator: String(separator)) + "\r\n" }.joined()
    }

    /// A text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a leading tab or carriage
    /// return), prefixed with `'` so it shows as text: a region or municipality name comes from a user's file and may
    /// be `=HYPERLINK(…)`. A number, with either decimal separator, is left as it is.
    static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        if let number = Double(cell.replacingOccurrences(of: ",", with: ".")), number.isFinite { return cell }
        return "'" + cell
    }

    /// A GitHub-flavoured Markdown table, cells escaped (`|`, `<`, …); notes as a paragraph below.
    public func renderMarkdown() -> String {
        let escape = MarkdownText.escape
        var lines = ["| " + columns.map { escape($0.title) }.joined(separator: " | ") + " |"]
        lines.append("|" + columns.map { $0.alignment == .right ? "---:" : "---" }.joined(separator: "|") + "|")
        lines += rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |" }
        if !notes.isEmpty {
            lines.append("")
            lines += notes.map { escape($0) + "  " }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
