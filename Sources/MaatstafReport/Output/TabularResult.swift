public import MaatstafCore

/// A command's result: one typed table or a few, and the words around them.
///
/// Every format is written from it by `ResultWriter`: CSV from the first table, a workbook from all of them, text
/// and Markdown from the result's own rendering for people (headings, notes), JSON from its documented contract. A
/// command that prints a table hands one of these over and never writes a format itself.
public protocol TabularResult {
    var locale: ReportLocale { get }
    /// The tables, typed: every number stays a number. A workbook has a sheet for each.
    var dataTables: [DataTable] { get }
    /// The table a CSV file holds: the first of `dataTables` unless the result says otherwise.
    var csvTable: DataTable? { get }
    /// What the workbook's last sheet lists: definitions, notes and sources.
    var sheetNotes: [String] { get }
    func renderText() -> String
    func renderMarkdown() -> String
    func renderJSON() throws -> String
}

extension TabularResult {
    public var csvTable: DataTable? { dataTables.first }
}
