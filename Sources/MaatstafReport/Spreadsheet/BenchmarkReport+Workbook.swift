import MaatstafCompare
import MaatstafCore

extension BenchmarkReport {
    /// The report's tables as a workbook: one sheet per indicator (every chosen municipality against every group,
    /// as `compare` writes it) and, with `--region`, one per regional view; named after the indicator.
    public var dataTables: [DataTable] {
        var tables = sections.map { section -> DataTable in
            var table = CompareReport(section.comparison, locale: locale).dataTable
            table.name = section.indicator.id
            return table
        }
        for view in regionViews {
            var table = RegionReport([view], locale: locale).dataTable(view)
            table.name = "\(view.region.label) \(view.indicator.id)"
            tables.append(table)
        }
        return tables
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
