/// A norm from a user's targets file: a condition under which `maatstaf check` sounds the alarm (the *piepsysteem*
/// a council asked for), as opposed to a target the municipality works towards.
public struct Norm: Sendable, Hashable {
    public enum Rule: Sendable, Hashable {
        /// The value exceeds the group's rate by more than `percent` %.
        case aboveGroup(PeerGroupKind, percent: Double)
        /// The value grew more than `percent` % against the same period a year earlier.
        case growth(percent: Double)
        /// The latest month's value is above the highest of the `months` months before it (own monthly figures).
        case aboveRecentMaximum(months: Int)
        /// "Worse and worsening" (Fingertips' red-red): worse than the group's figure by more than the value's
        /// uncertainty (its 95% interval, where it has one) *and* worse at each of the last `periods` − 1 steps.
        /// Worse follows the indicator's direction, which must say which way is better.
        case worseAndWorsening(PeerGroupKind, periods: Int)
    }

    public var municipalityCode: String
    public var indicatorID: String
    public var rule: Rule
    /// Percent of the threshold: a value this close below it is a near-breach (amber).
    public var marginPercent: Double
    /// `file:line`.
    public var location: String

    public init(municipalityCode: String, indicatorID: String, rule: Rule, marginPercent: Double, location: String) {
        self.municipalityCode = municipalityCode
        self.indicatorID = indicatorID
        self.rule = rule
        self.marginPercent = marginPercent
        self.location = location
    }

    /// Breach above `threshold`, near-breach within the margin below it, else fine.
    public func evaluate(_ value: Double, threshold: Double) -> TargetStatus {
        if value > threshold { return .missed }
        return value > threshold - abs(threshold) * marginPercent / 100 ? .withinMargin : .met
    }
}
