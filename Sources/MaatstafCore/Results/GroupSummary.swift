/// A reference group's figures for one indicator and year.
///
/// A value whose figures sit behind one reference: a comparison of every municipality against six groups holds close
/// to a million copies of a handful of summaries, and copying each one's eight counted references (members, names,
/// excluded lists) was a tenth of the engine's time. Reading a property reads the shared figures; setting one copies
/// them first, so it still behaves as a value.
public struct GroupSummary: Sendable, Hashable, Codable {
    private struct Figures: Sendable, Hashable, Codable {
        var group: ResolvedPeerGroup
        var rate: Double?
        var numerator: Double?
        var denominator: Double?
        var distribution: Distribution?
        var excluded: [Exclusion: [String]]
        var zeros: [String]
        var basis: ReferenceBasis?
    }

    private var shared: SharedValue<Figures>

    public var group: ResolvedPeerGroup {
        get { shared.value.group }
        set { shared.change { $0.group = newValue } }
    }
    /// The group as a whole: Σ numerators ÷ Σ denominators × multiplier ("the Netherlands spends €89 per
    /// inhabitant"). Nil when no member has data or the summed denominator is zero.
    public var rate: Double? {
        get { shared.value.rate }
        set { shared.change { $0.rate = newValue } }
    }
    public var numerator: Double? {
        get { shared.value.numerator }
        set { shared.change { $0.numerator = newValue } }
    }
    public var denominator: Double? {
        get { shared.value.denominator }
        set { shared.change { $0.denominator = newValue } }
    }
    /// The spread of the members' own rates: mean is "the average municipality", which answers another question.
    public var distribution: Distribution? {
        get { shared.value.distribution }
        set { shared.change { $0.distribution = newValue } }
    }
    /// Members left out of every figure above, by why: no delivery, nothing booked on the lines, suppressed, no
    /// value, zero denominator. Counted and named in every output, never silently dropped.
    public var excluded: [Exclusion: [String]] {
        get { shared.value.excluded }
        set { shared.change { $0.excluded = newValue } }
    }
    /// Members whose value is exactly zero and counted as such (the indicator says zero is a figure).
    public var zeros: [String] {
        get { shared.value.zeros }
        set { shared.change { $0.zeros = newValue } }
    }

    /// What the figure rests on when it is not simply the members' figures (an indicator over own figures); nil for
    /// open data.
    public var basis: ReferenceBasis? {
        get { shared.value.basis }
        set { shared.change { $0.basis = newValue } }
    }

    /// Every member left out, whatever the reason.
    public var missing: [String] { excluded.keys.sorted().flatMap { excluded[$0]! } }

    public static func == (left: GroupSummary, right: GroupSummary) -> Bool { left.shared == right.shared }

    public func hash(into hasher: inout Hasher) { shared.hash(into: &hasher) }

    public init(from decoder: any Decoder) throws { shared = try SharedValue(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try shared.encode(to: encoder) }

    /// What a group's figures need of one member: its numbers when it counts, else why it is left out. The engine
    /// makes these once per indicator and year and reads them by position for every group (copying observations,
    /// with their codes and reasons, for each group was a sixth of comparing everything).
    public enum Member: Sendable {
        case counted(numerator: Double, denominator: Double, value: Double)
        case excluded(Exclusion)

        /// Nil: the data has no observation for the member.
        public init(_ observation: Observation?) {
            guard let observation, observation.status == .ok, let n = observation.numerator,
                let d = observation.denominator, let value = observation.value
            else {
                self = .excluded(observation?.exclusion ?? .noValue)
                return
            }
            self = .counted(numerator: n, denominator: d, value: value)
        }
    }

    /// The group's figures for the data, under the rule for own figures (`ownFigureRule`) when the indicator is over
    /// them: every caller gets the same reference.
    public init(group: ResolvedPeerGroup, data: IndicatorData) {
        self.init(group: group, multiplier: data.indicator.multiplier) { Member(data.observations[group.members[$0]]) }
        self = ownFigureRule(data)
    }

    /// `member`: the member at an index of `group.members`.
    public init(group: ResolvedPeerGroup, multiplier: Int, member: (Int) -> Member) {
        var numerator = 0.0
        var denominator = 0.0
        var values: [Double] = []
        values.reserveCapacity(group.members.count)
        var excluded: [Exclusion: [String]] = [:]
        var zeros: [String] = []
        for index in group.members.indices {
            switch member(index) {
            case .counted(let n, let d, let value):
                if value == 0 { zeros.append(group.members[index]) }
                numerator += n
                denominator += d
                values.append(value)
            case .excluded(let reason):
                excluded[reason, default: []].append(group.members[index])
            }
        }
        // A group's totals can overflow where no member's rate does: a rate that is not finite is no rate.
        let rate = numerator / denominator * Double(multiplier)
        let counted = !values.isEmpty && denominator != 0 && rate.isFinite
        shared = SharedValue(
            Figures(
                group: group, rate: counted ? rate : nil,
                numerator: counted ? numerator : nil, denominator: counted ? denominator : nil,
                distribution: Distribution(values), excluded: excluded, zeros: zeros, basis: nil))
    }
}
