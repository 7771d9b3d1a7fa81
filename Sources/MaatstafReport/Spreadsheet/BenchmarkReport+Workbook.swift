import MaatstafCompare
import MaatstafCore

extension BenchmarkReport {
    /// The report's tables as a workbook: one sheet per indicator (a row per chosen municipality, a column per
    /// group, as `compare` writes its overview), named after the indicator; with `--region`, one per regional view;
    /// then every indicator's rows in the long layout in one sheet, for analysts.
    public var dataTables: [DataTable] {
        var tables = sections.map { section -> DataTable in
            var table = CompareReport(section.comparison, locale: locale).overview
            table.name = section.indicator.id
            return table
        }
        for view in regionViews {
            var table = RegionReport([view], locale: locale).dataTable(view)
            table.name = "\(view.region.label) \(view.indicator.id)"
            tables.append(table)
        }
        if let long = Self.stacked(sections.map { CompareReport($0.comparison, locale: locale).dataTable }) {
            tables.append(long)
        }
        return tables
    }

    /// Tables of the same columns one under the other; a column whose kind differs between them (euros for one
    /// indicator, a plain number for another) becomes a plain number with two decimals, never euros it is not.
    static func stacked(_ tables: [DataTable]) -> DataTable? {
        guard var result = tables.first else { return nil }
        for table in tables.dropFirst() {
            for (index, column) in table.columns.enumerated() where result.columns[index].kind != column.kind {
                result.columns[index].kind = .number(decimals: 2)
            }
            result.rows += table.rows
        }
        return result
    }

    /// What the last sheet lists: each indicator's heading and notes, then the left-out indicators and the credit.
    public var workbookNotes: [String] {
        var notes: [String] = []
        for section in sections {
            let report = CompareReport(section.comparison, locale: locale)
            notes.append(report.heading)
            notes += report.table.notes
            notes.append("")
        }
        for item in unavailable {
            notes.append("\(item.indicator.title.text(locale)) (\(item.indicator.id)): \(item.reason(locale))")
        }
        return notes
    }
}
