public import MaatstafCore

/// One line of `maatstaf check`: a target or a norm of a municipality and indicator, checked against the latest
/// year with a value.
public struct CheckResult: Sendable {
    public enum Subject: Sendable {
        /// A target to work towards; `evaluation.applied` is the target that applies to `year`, resolved.
        case target(TargetEvaluation)
        /// A norm; `threshold` is the value above which it is breached (nil when it cannot be formed, e.g. no value a
        /// year earlier).
        case norm(Norm, threshold: Double?)
    }

    public var subject: Subject
    public var municipality: Municipality
    public var indicator: Indicator
    /// The year of the value checked: the latest the municipality has a value in.
    public var year: Int
    public var value: Double?
    /// Met, near (within the margin), missed or breached; nil when nothing could be checked (then `missing` says why).
    public var status: TargetStatus?
    public var missing: MissingReason?
    /// For a monthly or quarterly monitor of own figures: the municipality's latest figure in the monitor's rhythm.
    public var monitor: OwnMonitor?

    public init(
        subject: Subject, municipality: Municipality, indicator: Indicator, year: Int, value: Double?, status: TargetStatus?,
        missing: MissingReason?
    ) {
        self.subject = subject
        self.municipality = municipality
        self.indicator = indicator
        self.year = year
        self.value = value
        self.status = status
        self.missing = missing
    }
}
