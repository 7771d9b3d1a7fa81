/// Every format maatstaf writes a result in. One list for every command, so `--format` means the same everywhere;
/// a command says which of them it offers (`TabularResult` results offer the first five).
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal, with the notes below.
    case table
    case csv
    case json
    case markdown
    /// An Excel workbook: number cells with formats, and a sheet of definitions and sources.
    case xlsx
    /// One JSON object per line (`export-all`).
    case jsonl
    /// One self-contained page with charts (`report`).
    case html

    /// What every command that prints a table offers.
    public static let tabular: [OutputFormat] = [.table, .csv, .json, .markdown, .xlsx]

    /// The format a file name asks for by its extension (`wmo.xlsx`, `wmo.CSV`, `memo.md`), or nil when the
    /// extension names none.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "csv": self = .csv
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonl
        case "md", "markdown": self = .markdown
        case "xlsx": self = .xlsx
        case "html", "htm": self = .html
        default: return nil
        }
    }

    /// Whether the output is bytes a terminal cannot show (a workbook is a zip archive).
    public var isBinary: Bool { self == .xlsx }
}
