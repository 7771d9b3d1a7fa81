/// A 95% confidence interval for a proportion (clients among inhabitants), by Wilson's score method.
///
/// Wilson rather than the normal approximation because small municipalities have few clients: the score interval
/// stays inside [0, 1] and keeps its coverage for small counts (Newcombe 1998, method 3).
public struct ProportionInterval: Sendable, Hashable, Codable {
    public var lower: Double
    public var upper: Double

    /// z for a two-sided 95% interval.
    public static let z95 = 1.959963984540054

    /// Nil when the proportion is undefined (no trials) or impossible (count outside 0…trials).
    public init?(successes: Double, trials: Double, z: Double = ProportionInterval.z95) {
        guard trials > 0, successes >= 0, successes <= trials else { return nil }
        let p = successes / trials
        let z2 = z * z
        let denominator = 1 + z2 / trials
        let centre = (p + z2 / (2 * trials)) / denominator
        let half = z * (p * (1 - p) / trials + z2 / (4 * trials * trials)).squareRoot() / denominator
        lower = max(0, centre - half)
        upper = min(1, centre + half)
    }

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    public func scaled(by factor: Double) -> ProportionInterval {
        ProportionInterval(lower: lower * factor, upper: upper * factor)
    }

    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }
}
