import MaatstafModel

/// An indicator evaluated for every municipality of one year, with where the numbers come from.
public struct IndicatorData: Sendable {
    public var indicator: Indicator
    public var year: Int
    /// Code → observation, for every municipality of the year.
    public var observations: [String: Observation]
    /// The source documents, e.g. "Iv3 jaarrekening 2023".
    public var sources: [SourceReference]
    /// What a reader must know: budget figures, definition changes between years.
    public var notes: [String]
    /// The taakvelden summed for this year (Iv3 indicators).
    public var taakvelden: [String]
    /// The year whose municipalities, classes and regions are used: `year` itself, or the nearest earlier year with
    /// class files when the snapshot has none for `year` (said in `notes`).
    public var classificationYear: Int
    /// True when the figures are a budget (Iv3 begroting): planned, not spent. Trend charts mark such years.
    public var isBudget = false

    public init(indicator: Indicator, year: Int, observations: [String: Observation], sources: [SourceReference],
                notes: [String], taakvelden: [String], classificationYear: Int? = nil) {
        self.indicator = indicator
        self.year = year
        self.classificationYear = classificationYear ?? year
        self.observations = observations
        self.sources = sources
        self.notes = notes
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
}
