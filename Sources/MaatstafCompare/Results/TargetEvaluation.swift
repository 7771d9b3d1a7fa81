public import MaatstafCore

/// A target checked against the figure it is about: which target applies, to which year's value, the bound it
/// resolves to (a relative target's follows from that year's data) and where the value stands.
public struct TargetEvaluation: Sendable {
    /// The target as the file gives it; `applied.value` is its resolved bound.
    public var target: Target
    public var applied: Target
    /// The municipality.
    public var municipality: Municipality
    /// The year of the value checked (the target's own year, or for `check` the latest year with data).
    public var year: Int
    /// The municipality's value; nil with `missing` saying why.
    public var value: Double?
    public var missing: MissingReason?
    /// Why the bound could not be resolved (no group rate, no value in the base year); nil when it was.
    public var unresolved: MissingReason?
    /// Met, within the margin or missed; nil without a value or a bound.
    public var status: TargetStatus?

    public init(
        target: Target, applied: Target, municipality: Municipality, year: Int, value: Double?, missing: MissingReason?,
        unresolved: MissingReason?, status: TargetStatus?
    ) {
        self.target = target
        self.applied = applied
        self.municipality = municipality
        self.year = year
        self.value = value
        self.missing = missing
        self.unresolved = unresolved
        self.status = status
    }
}
