/// The values that lie far outside their group, by rules that the values far outside cannot hide.
///
/// Why these rules: a mean and standard deviation are pulled by the very value they should catch (one municipality
/// that books its household help elsewhere, €3 per inhabitant among €30–€170, drags both). Two rules, either enough:
/// - the modified z-score of Iglewicz and Hoaglin (1993), from the median and the median absolute deviation (MAD):
///   z = 0.6745 × (value − median) ÷ MAD, far outside when |z| > 3.5;
/// - where every value is above zero (amounts, counts): below a quarter of the median or above four times it. A group
///   whose figures spread widely (Arnhem/Nijmegen's household help: €34–€173) gives a large MAD, under which a
///   municipality with 3 % of the median (Renkum, €3.34) has z = −2.7 only; a figure a quarter of the others' is
///   what a line booked elsewhere looks like.
/// It needs at least five values (fewer say nothing about a spread), and a MAD above zero (when more than half the
/// values are equal it cannot tell, and flags nothing).
public struct RobustOutliers: Sendable, Hashable {
    public static let threshold = 3.5
    /// Far outside where every value is positive: below median ÷ 4 or above median × 4.
    public static let ratio = 4.0
    public static let minimumValues = 5

    public struct Flag: Sendable, Hashable {
        public var code: String
        public var value: Double
        /// The modified z-score: negative below the median.
        public var z: Double
        /// The value as a share of the median (0.03 = 3 %).
        public var ofMedian: Double
    }

    public var median: Double
    public var mad: Double
    /// The values far outside, most extreme first.
    public var flagged: [Flag]

    /// Nil when the rule cannot judge: fewer than `minimumValues` values, or a MAD of zero.
    public init?(_ values: [String: Double]) {
        guard values.count >= Self.minimumValues else { return nil }
        let median = Distribution.quantile(values.values.sorted(), 0.5)
        let mad = Distribution.quantile(values.values.map { abs($0 - median) }.sorted(), 0.5)
        guard mad > 0, mad.isFinite else { return nil }
        self.median = median
        self.mad = mad
        let positive = values.values.allSatisfy { $0 > 0 }
        flagged =
            values.map { Flag(code: $0.key, value: $0.value, z: 0.6745 * ($0.value - median) / mad, ofMedian: $0.value / median) }
            .filter { abs($0.z) > Self.threshold || (positive && ($0.ofMedian < 1 / Self.ratio || $0.ofMedian > Self.ratio)) }
            .sorted { (abs($0.z), $1.code) > (abs($1.z), $0.code) }
    }
}
