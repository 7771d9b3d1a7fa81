/// Summary statistics of a list of values (municipal rates), as reports and spreadsheets expect them.
public struct Distribution: Sendable, Hashable, Codable {
    public var count: Int
    /// The unweighted mean: "the average municipality".
    public var mean: Double
    public var median: Double
    /// First and third quartile by linear interpolation between order statistics (Hyndman & Fan type 7, the
    /// method of Excel's QUARTILE.INC and of pandas' default), so users can reproduce them.
    public var q1: Double
    public var q3: Double
    public var minimum: Double
    public var maximum: Double
    /// Sample standard deviation (n − 1); nil for fewer than two values.
    public var standardDeviation: Double?

    /// Nil for an empty list: an empty group has no statistics, not zeros.
    public init?(_ values: [Double]) {
        self.init(ascending: values.sorted())
    }

    /// From values already in ascending order (the engine sorts them once for ranks as well).
    public init?(ascending sorted: [Double]) {
        guard !sorted.isEmpty else { return nil }
        count = sorted.count
        mean = sorted.reduce(0, +) / Double(count)
        median = Self.quantile(sorted, 0.5)
        q1 = Self.quantile(sorted, 0.25)
        q3 = Self.quantile(sorted, 0.75)
        minimum = sorted[0]
        maximum = sorted[count - 1]
        if count > 1 {
            let squares = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            standardDeviation = (squares / Double(count - 1)).squareRoot()
        }
    }

    /// Type-7 quantile of sorted values.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }
}
