/// One figure of a benchmark club's exchange file (`maatstaf share`): whose it is, when, what it measures and where it
/// came from.
public struct OwnExchangeRow: Sendable, Equatable {
    public var code: String
    public var name: String
    public var period: Period
    public var measure: String
    public var value: Double
    public var unit: String
    public var definition: String
    /// The imported file the figure came from, with the start of its sha256.
    public var source: String

    public init(
        code: String, name: String, period: Period, measure: String, value: Double, unit: String, definition: String,
        source: String
    ) {
        self.code = code
        self.name = name
        self.period = period
        self.measure = measure
        self.value = value
        self.unit = unit
        self.definition = definition
        self.source = source
    }
}
