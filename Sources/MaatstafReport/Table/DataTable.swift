import MaatstafCore

/// A table of typed cells for spreadsheets and programs: every number stays a number, with a kind that says how to
/// show it (euros, a count, a percentage). CSV and xlsx are both written from it, so they hold the same columns and
/// values; only the look differs.
public struct DataTable: Sendable {
    public enum Kind: Sendable, Hashable {
        case text
        /// Whole numbers: inhabitants, counts, ranks, years.
        case count
        /// A number with this many decimals in CSV.
        case number(decimals: Int)
        /// Euros to the cent.
        case money
        /// Percentage points (25.5 means 25.5 %), with this many decimals in CSV.
        case percent(decimals: Int)
    }

    public enum Cell: Sendable, Hashable {
        case text(String)
        case number(Double)
        /// No value: an empty cell, never 0.
        case empty
    }

    public struct Column: Sendable, Hashable {
        public var key: String
        public var kind: Kind

        public init(_ key: String, _ kind: Kind = .text) {
            self.key = key
            self.kind = kind
        }
    }

    /// The sheet's name in a workbook (at most 31 characters, as Excel allows).
    public var name: String
    public var columns: [Column]
    public var rows: [[Cell]] = []

    public init(name: String, columns: [Column]) {
        self.name = name
        self.columns = columns
    }

    /// RFC 4180 CSV rows with plain numbers in the dialect: its decimal mark, no grouping, no currency sign; an
    /// empty cell for no value. Without the dialect's preamble: `ResultWriter.csv` writes whole files. `header`:
    /// false for the rows alone (a file written in parts, its header written once).
    public func renderCSV(_ dialect: CSVDialect, header: Bool = true) -> String {
        var table = Table(columns: columns.map { Table.Column($0.key) })
        table.rows = rows.map { row in
            zip(columns, row).map { column, cell in
                switch cell {
                case .text(let text): return text
                case .empty: return ""
                case .number(let value): return dialect.number(value, decimals: column.kind.csvDecimals)
                }
            }
        }
        return table.renderCSV(separator: dialect.separator, header: header)
    }
}

extension DataTable.Kind {
    /// Decimals a number of this kind is written with in CSV.
    var csvDecimals: Int {
        switch self {
        case .text, .count: 0
        case .number(let decimals), .percent(let decimals): decimals
        case .money: 2
        }
    }
}

extension DataTable.Cell {
    /// A number cell, or an empty one for nil (and for a value that is not finite).
    public static func value(_ value: Double?) -> Self {
        guard let value, value.isFinite else { return .empty }
        return .number(value)
    }

    /// A whole number, or an empty cell for nil.
    public static func whole(_ value: Int?) -> Self { value.map { .number(Double($0)) } ?? .empty }
}
