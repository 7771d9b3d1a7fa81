import MaatstafModel

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
    /// Members without a value (missing or zero denominator), excluded from every figure above.
    public var missing: [String]

    public init(group: ResolvedPeerGroup, data: IndicatorData) {
        self.group = group
        var numerator = 0.0, denominator = 0.0
        var values: [Double] = []
        var missing: [String] = []
        for code in group.members {
            guard let observation = data.observations[code], observation.status == .ok,
                  let n = observation.numerator, let d = observation.denominator, let value = observation.value else {
                missing.append(code)
                continue
            }
            numerator += n
            denominator += d
            values.append(value)
        }
        self.missing = missing
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
