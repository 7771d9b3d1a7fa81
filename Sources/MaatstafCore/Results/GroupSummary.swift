/// A reference group's figures for one indicator and year.
public struct GroupSummary: Sendable, Hashable, Codable {
    public var group: ResolvedPeerGroup
    /// The group as a whole: Σ numerators ÷ Σ denominators × multiplier ("the Netherlands spends €89 per
    /// inhabitant"). Nil when no member has data or the summed denominator is zero.
    public var rate: Double?
    public var numerator: Double?
    public var denominator: Double?
    /// The spread of the members' own rates: mean is "the average municipality", which answers another question.
    public var distribution: Distribution?
    /// Members left out of every figure above, by why: no delivery, nothing booked on the lines, suppressed, no
    /// value, zero denominator. Counted and named in every output, never silently dropped.
    public var excluded: [Exclusion: [String]]
    /// Members whose value is exactly zero and counted as such (the indicator says zero is a figure).
    public var zeros: [String]

    /// Every member left out, whatever the reason.
    public var missing: [String] { excluded.keys.sorted().flatMap { excluded[$0]! } }

    public init(group: ResolvedPeerGroup, data: IndicatorData) {
        self.group = group
        var numerator = 0.0
        var denominator = 0.0
        var values: [Double] = []
        var excluded: [Exclusion: [String]] = [:]
        var zeros: [String] = []
        for code in group.members {
            guard let observation = data.observations[code], observation.status == .ok,
                let n = observation.numerator, let d = observation.denominator, let value = observation.value
            else {
                excluded[data.observations[code]?.exclusion ?? .noValue, default: []].append(code)
                continue
            }
            if value == 0 { zeros.append(code) }
            numerator += n
            denominator += d
            values.append(value)
        }
        self.excluded = excluded
        self.zeros = zeros
        distribution = Distribution(values)
        if values.isEmpty || denominator == 0 {
            rate = nil
        } else {
            self.numerator = numerator
            self.denominator = denominator
            rate = numerator / denominator * Double(data.indicator.multiplier)
        }
    }
}
