/// A reference figure a municipality entered beside its own figures (a row for the Netherlands), with its source:
/// what the figures are compared with where open data has no national figure.
public struct OwnReference: Sendable, Hashable {
    public var value: Double
    /// The source, as the file's note gives it ("Benchmark Wmo 2021").
    public var source: String

    public init(value: Double, source: String) {
        self.value = value
        self.source = source
    }
}
