public import MaatstafCore

/// How one municipality stands against one reference group.
public struct ReferenceComparison: Sendable, Hashable, Codable {
    public var summary: GroupSummary
    /// Municipality's rate − group rate.
    public var difference: Double?
    /// difference ÷ group rate × 100; nil when the group rate is zero.
    public var differencePercent: Double?
    /// (rate − group rate) × denominator ÷ multiplier: what the municipality would spend (or count) less at the
    /// group's rate; positive means more than the group.
    public var gap: Double?
    /// For count-based rates: true when the group rate lies outside the municipality's 95% interval.
    public var statisticallyClear: Bool?
}

/// One municipality in a comparison.
public struct MunicipalityComparison: Sendable, Hashable, Codable {
    public var profile: MunicipalityProfile
    public var observation: Observation
    /// Rank among all municipalities with a value (1 = highest), ties sharing the best rank.
    public var rank: Int?
    public var rankedCount: Int
    /// Share of municipalities with a lower value, ties counted half (0–100).
    public var percentile: Double?
    /// (rate − mean of all municipalities) ÷ their standard deviation.
    public var z: Double?
    /// 95% interval of the rate, for count-based indicators only.
    public var interval: ProportionInterval?
    public var references: [ReferenceComparison]
}

/// The result of `maatstaf compare`.
public struct Comparison: Sendable {
    public var data: IndicatorData
    public var municipalities: [MunicipalityComparison]
    /// Municipalities of the year without a value (they are excluded from every group), by name.
    public var missing: [MissingMunicipality]
    public var notes: [IndicatorNote]
    /// For a monthly or quarterly monitor of own figures: per chosen municipality's code, the monitor as of the
    /// period compared (April 2021 for `period: MM04`, `--year 2021`).
    public var monitors: [String: OwnMonitor] = [:]

    public var indicator: Indicator { data.indicator }
    public var year: Int { data.year }
}

/// One row of a league table.
public struct RankingEntry: Sendable, Hashable, Codable {
    public var rank: Int
    public var profile: MunicipalityProfile
    public var observation: Observation
    public var percentile: Double
}

/// The result of `maatstaf rank`.
public struct Ranking: Sendable {
    public var data: IndicatorData
    public var group: ResolvedPeerGroup?
    public var entries: [RankingEntry]
    public var summary: GroupSummary
    public var missing: [MissingMunicipality]
    public var notes: [IndicatorNote]
}

/// A municipality of the year without a value, and why.
public struct MissingMunicipality: Sendable, Hashable {
    public var code: String
    public var name: String
    /// `.missing(reason)` or `.zeroDenominator`.
    public var status: Observation.Status

    public var exclusion: Exclusion { status.exclusion ?? .noValue }
}
