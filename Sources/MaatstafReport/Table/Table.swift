import MaatstafCore

/// A table of already-formatted cells, rendered as aligned text, CSV or Markdown.
///
/// Commands build one `Table` and choose the rendering at the end, so every output format shows the same columns.
public struct Table: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable {
        case left
        case right
    }

    public struct Column: Sendable, Equatable {
        public var title: String
        public var alignment: Alignment

        public init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public var rows: [[String]]
    /// Lines printed under the table: sources ("Bron: CBS"), footnotes.
    public var notes: [String]

    public init(columns: [Column], rows: [[String]] = [], notes: [String] = []) {
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}
