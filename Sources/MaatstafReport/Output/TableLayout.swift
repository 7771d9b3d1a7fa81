/// How a comparison's rows are laid out in a CSV file.
///
/// Long is what analysts load into pandas, R or a pivot table: one row per municipality and reference group, every
/// group's figures in the same columns. Wide is what a reader scans in Excel: one row per municipality, a column per
/// group. A workbook holds both as sheets, so only CSV, which holds one table, needs to be told.
public enum TableLayout: String, Sendable, CaseIterable {
    case long
    case wide
}
