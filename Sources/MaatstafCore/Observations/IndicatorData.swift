/// An indicator evaluated for every municipality of one year, with where the numbers come from.
public struct IndicatorData: Sendable {
    public var indicator: Indicator
    public var year: Int
    /// Code → observation, for every municipality of the year.
    public var observations: [String: Observation]
    /// The source documents, e.g. "Iv3 jaarrekening 2023".
    public var sources: [SourceReference]
    /// What a reader must know besides the facts below, e.g. which year's classes were used.
    public var generalNotes: [IndicatorNote]
    /// The taakvelden summed for this year (Iv3 indicators).
    public var taakvelden: [String]
    /// The year whose municipalities, classes and regions are used: `year` itself, or the nearest earlier year with
    /// class files when the snapshot has none for `year` (said in `notes`).
    public var classificationYear: Int
    /// The Iv3 document the figures come from; nil for indicators over CBS tables.
    public var document: Iv3DocumentKind?
    /// Other years in the store whose Iv3 layout sums other taakvelden for this indicator.
    public var layoutDifferences: [LayoutDifference] = []
    /// For an indicator over own figures: the national figure entered in the file (a row for the Netherlands), with
    /// the source its note gives; nil when the file has none.
    public var ownReference: OwnReference?

    /// True when the figures are a budget (Iv3 begroting): planned, not spent. Trend charts mark such years.
    public var isBudget: Bool { document == .begroting }

    /// Everything a reader must know: the general notes, budget figures, definition changes, and who is left out
    /// because a zero means "booked elsewhere" or because nothing was delivered.
    public var notes: [IndicatorNote] {
        var notes = generalNotes
        if isBudget { notes.append(.budget(year: year)) }
        notes += layoutDifferences.map {
            .definitionDiffers(year: year, here: taakvelden, otherYear: $0.year, there: $0.taakvelden)
        }
        return notes
    }

    public init(
        indicator: Indicator, year: Int, observations: [String: Observation], sources: [SourceReference],
        notes: [IndicatorNote], taakvelden: [String], classificationYear: Int? = nil
    ) {
        self.indicator = indicator
        self.year = year
        self.classificationYear = classificationYear ?? year
        self.observations = observations
        self.sources = sources
        self.generalNotes = notes
        self.taakvelden = taakvelden
    }
}

/// Another year whose Iv3 layout sums other taakvelden for an indicator; `taakvelden` nil when the indicator is not
/// defined in that year's layout.
public struct LayoutDifference: Sendable, Hashable {
    public var year: Int
    public var taakvelden: [String]?

    public init(year: Int, taakvelden: [String]?) {
        self.year = year
        self.taakvelden = taakvelden
    }
}

/// One source file or table behind a number, traceable to its checksum.
public struct SourceReference: Sendable, Hashable, Codable {
    /// E.g. `Iv3 jaarrekening 2023 (iv3/2023_jaarrekening.csv)` or `CBS classes 2023`.
    public var table: String
    public var year: Int
    /// Where it comes from: the snapshot path or URL, and "Bron: CBS".
    public var origin: String
    public var sha256: String?
    /// For a measure of own figures: which imported file, so outputs credit the file in the reader's words (and not
    /// CBS, when nothing else is shown); nil for CBS data.
    public var ownImport: OwnImportSource?

    public init(table: String, year: Int, origin: String, sha256: String?, ownImport: OwnImportSource? = nil) {
        self.table = table
        self.year = year
        self.origin = origin
        self.sha256 = sha256
        self.ownImport = ownImport
    }
}

/// An imported file of own figures behind a number.
public struct OwnImportSource: Sendable, Hashable, Codable {
    public var measure: String
    public var file: String
    /// When it was imported (ISO 8601, as the store keeps it).
    public var importedAt: String

    public init(measure: String, file: String, importedAt: String) {
        self.measure = measure
        self.file = file
        self.importedAt = importedAt
    }
}
