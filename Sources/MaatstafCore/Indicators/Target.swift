/// A value a municipality wants to reach on an indicator in a year, from a user's targets file.
///
/// Targets are bounds, not points: "at most €95 per inhabitant" or "at least 60%". Amber is a margin beyond the
/// bound that the file sets, so a council sees "nearly there" apart from "far off".
public struct Target: Sendable, Hashable {
    public enum Bound: String, Sendable, Hashable, CaseIterable {
        /// Met when the value is at or below the target.
        case atMost = "at-most"
        /// Met when the value is at or above the target.
        case atLeast = "at-least"
    }

    /// A bound that is not a number in the file but follows from the data of the year it is checked in.
    public enum Relative: Sendable, Hashable {
        /// The rate of a reference group ("at most the national rate").
        case group(PeerGroupKind)
        /// A change against the municipality's own value in an earlier year ("−10 % against 2019").
        case change(percent: Double, from: Int)
    }

    public var municipalityCode: String
    public var indicatorID: String
    public var year: Int
    /// The bound; for a relative target, what it resolves to in the year it is checked (0 until then).
    public var value: Double
    /// Nil for a number in the file.
    public var relative: Relative?
    public var bound: Bound
    /// Percent of the target's size: a value this far beyond the bound is amber, further is red.
    public var marginPercent: Double
    /// Free text from the file, e.g. where the target was agreed.
    public var note: String
    /// `file:line`, so a report can say where a target came from.
    public var location: String

    public init(
        municipalityCode: String, indicatorID: String, year: Int, value: Double, bound: Bound,
        marginPercent: Double, note: String = "", location: String = "", relative: Relative? = nil
    ) {
        self.municipalityCode = municipalityCode
        self.indicatorID = indicatorID
        self.year = year
        self.value = value
        self.bound = bound
        self.marginPercent = marginPercent
        self.note = note
        self.location = location
        self.relative = relative
    }

    /// The target with its bound resolved (a relative target's, in the year it is checked).
    public func resolved(_ bound: Double) -> Target {
        var target = self
        target.value = bound
        return target
    }

    /// The margin as an amount in the indicator's unit.
    public var margin: Double { abs(value) * marginPercent / 100 }

    public func evaluate(_ actual: Double) -> TargetStatus {
        switch bound {
        case .atMost:
            if actual <= value { return .met }
            return actual <= value + margin ? .withinMargin : .missed
        case .atLeast:
            if actual >= value { return .met }
            return actual >= value - margin ? .withinMargin : .missed
        }
    }
}

/// Where a value stands against its target: green, amber or red in reports, always with a word beside the colour.
public enum TargetStatus: String, Sendable, Hashable {
    case met
    case withinMargin = "within-margin"
    case missed
}
