/// One imported file of own figures, as `maatstaf imports` lists it.
public struct OwnImportRecord: Sendable, Equatable {
    public var id: Int64
    /// The file name; importing a file of the same name replaces this import.
    public var name: String
    public var path: String
    public var sha256: String
    /// How decimals were read (`auto`, `comma`, `point`).
    public var decimal: String
    public var importedAt: String
    public var rows: Int

    public init(
        id: Int64, name: String, path: String, sha256: String, decimal: String, importedAt: String, rows: Int
    ) {
        self.id = id
        self.name = name
        self.path = path
        self.sha256 = sha256
        self.decimal = decimal
        self.importedAt = importedAt
        self.rows = rows
    }
}

/// One own figure: a municipality's value of a measure in a period.
public struct OwnFigureRecord: Sendable, Equatable {
    public var code: String
    public var period: Period
    public var measure: String
    public var value: Double
    public var unit: String
    public var note: String
    /// The row of the file it came from.
    public var line: Int

    public init(code: String, period: Period, measure: String, value: Double, unit: String, note: String, line: Int) {
        self.code = code
        self.period = period
        self.measure = measure
        self.value = value
        self.unit = unit
        self.note = note
        self.line = line
    }
}

/// What an import did.
public enum OwnImportOutcome: Sendable, Equatable {
    case imported
    /// Asked for: the earlier imports of the name, `previousRows` figures, replaced by this file.
    case replaced(previousRows: Int)
    /// A later version of a file: `figures` new figures stored as the import `as` (none: nothing new), `kept`
    /// figures of the earlier imports of the name kept.
    case added(figures: Int, kept: Int, as: String)
    /// The same file (same name and checksum) was imported before: nothing changed.
    case unchanged
}

/// A measure's unit and definition as an exchange file gives them, with the file (`maatstaf share`, docs/own-data.md).
public struct OwnDefinitionRecord: Sendable, Equatable {
    public var measure: String
    public var unit: String
    public var definition: String
    /// The import it came with; empty before it is stored.
    public var file: String

    public init(measure: String, unit: String, definition: String, file: String = "") {
        self.measure = measure
        self.unit = unit
        self.definition = definition
        self.file = file
    }
}
