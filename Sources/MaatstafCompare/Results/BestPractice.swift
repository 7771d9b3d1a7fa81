public import MaatstafCore

/// Who does best among a municipality's true peers on one indicator, and who improved most, each with what the
/// difference is worth to the municipality and what to be careful about.
public struct BestPractice: Sendable {
    public var indicator: Indicator
    public var year: Int
    public var document: Iv3DocumentKind?
    public var municipality: MunicipalityProfile
    public var own: Observation
    public var group: ResolvedPeerGroup
    /// The direction ranked on: the indicator's, or lower-is-better for a neutral indicator (said in `assumed`).
    public var direction: Indicator.Direction
    /// True when the indicator has no direction and the lowest values are shown as "best" for the reader to judge.
    public var assumed: Bool
    public var best: [Performer]
    public var improvement: Improvement?
    /// Group members without a value in the year, with why (never ranked as 0).
    public var leftOut: [(code: String, name: String, status: Observation.Status)]
    public var notes: [IndicatorNote]

    public struct Performer: Sendable {
        public var profile: MunicipalityProfile
        public var value: Double
        public var interval: ProportionInterval?
        /// What the municipality would spend less (+) or more (−) at this performer's rate: (own − theirs) × own
        /// denominator ÷ multiplier; nil when the municipality has no value.
        public var gap: Double?
        public var cautions: [Caution]
    }

    /// The change of each member between two periods of the same document.
    public struct Improvement: Sendable {
        public var from: IndicatorPeriod
        public var to: IndicatorPeriod
        public var entries: [Improver]
        /// The municipality's own change, when it has both values.
        public var own: Improver?
        public var cautions: [Caution]
    }

    public struct Improver: Sendable {
        public var profile: MunicipalityProfile
        public var fromValue: Double
        public var toValue: Double
        public var change: Double { toValue - fromValue }
        public var changePercent: Double? { fromValue == 0 ? nil : change / fromValue * 100 }
        /// What the municipality would spend less (+) at this member's latest rate.
        public var gap: Double?
    }

    public enum Caution: Sendable, Hashable {
        /// The performer's and the municipality's confidence intervals overlap: the difference may be chance.
        case withinUncertainty
        /// The figures are budgets (planned), not accounts (spent).
        case budget
        /// The indicator's Iv3 lines differ between the two periods.
        case definitionChanged(from: Int, to: Int)
        /// The municipality itself has no value: no gap can be given.
        case ownMissing
        /// Far from every other municipality (outside the national quartiles ± 1.5 × the interquartile range): often
        /// a sign that it books the service elsewhere (a joint arrangement, another line), so check before copying.
        case outlier
    }
}
