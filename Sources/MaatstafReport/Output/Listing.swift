public import MaatstafCore

/// A list a command prints (indicators, regions, municipalities, CBS tables …): a table of words for people, its
/// typed form for CSV and workbooks, and the command's JSON.
///
/// The typed form is made from the table: a right-aligned column whose cells are all whole numbers (or empty)
/// becomes a count column, everything else text, so a list gets real number cells in Excel without a second
/// description of its columns.
public struct Listing: TabularResult, Sendable {
    public var table: Table
    public var locale: ReportLocale
    /// The sheet's name in a workbook.
    public var name: String
    /// The command's JSON, encoded when the listing is made (lists are small).
    private let json: String

    public init<Entry: Encodable>(_ table: Table, name: String, locale: ReportLocale, json entries: Entry) throws {
        self.table = table
        self.name = name
        self.locale = locale
        self.json = try JSONOutput.encode(entries)
    }

    public var dataTables: [DataTable] { [DataTable(table, name: name)] }
    public var sheetNotes: [String] { table.notes }
    public func renderText() -> String { table.renderText() }
    public func renderMarkdown() -> String { table.renderMarkdown() }
    public func renderJSON() throws -> String { json }
}

extension DataTable {
    /// The typed form of a table of words: right-aligned columns of whole numbers become count columns.
    public init(_ table: Table, name: String) {
        self.init(
            name: name,
            columns: table.columns.indices.map { index in
                let column = table.columns[index]
                let whole =
                    column.alignment == .right
                    && table.rows.allSatisfy { index >= $0.count || $0[index].isEmpty || Int($0[index]) != nil }
                return Column(column.title, whole ? .count : .text)
            })
        rows = table.rows.map { row in
            columns.indices.map { index in
                let cell = index < row.count ? row[index] : ""
                if cell.isEmpty { return .empty }
                if columns[index].kind == .count, let number = Int(cell) { return .number(Double(number)) }
                return .text(cell)
            }
        }
    }
}
