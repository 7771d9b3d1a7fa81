public import MaatstafCore

/// One indicator for the members of a region: who spends what, who would pay what under each cost-split key, and
/// what each would spend at a reference rate.
///
/// Everything the region sums is over the members with a value (`counted`); a member without one is kept in
/// `members` with its status and named in every output, never counted as zero. Shares and keys are then shares of
/// the counted members' total, which the outputs say.
public struct RegionBreakdown: Sendable {
    public var indicator: Indicator
    public var year: Int
    public var data: IndicatorData
    public var region: ResolvedPeerGroup
    public var members: [Member]
    /// Members the region file lists that were no municipality in the year (dissolved or not yet made): not part
    /// of the region that year, and said so.
    public var absentMembers: [Municipality] = []
    /// The counted members' total amount (the indicator's numerator: euros for Iv3 indicators).
    public var total: Double?
    /// The counted members' total population and, when a volume indicator was given, total volume.
    public var totalPopulation: Int
    public var totalVolume: Double?
    /// The rates a member is set against: the region's, the national, and the region's best quartile.
    public var rates: [ReferenceRate]
    /// The cost-split keys that could be computed, and those that could not with why.
    public var keys: [CostSplit]
    public var unavailableKeys: [UnavailableKey]
    /// Each member's amount if it spent at each reference rate.
    public var scenarios: [Scenario]
    /// The volume indicator behind "by use", when one was given.
    public var volumeIndicator: Indicator?
    public var notes: [IndicatorNote]
    /// Members whose values lie far outside the other members' (`RobustOutliers`), most extreme first; and whether
    /// they were left out of the view's figures (the user's choice).
    public var outliers: [RobustOutliers.Flag] = []
    public var outliersLeftOut = false

    public struct Member: Sendable {
        public var municipality: Municipality
        public var population: Int
        public var observation: Observation
        /// The member's volume (the volume indicator's numerator: clients, youths in care); nil when not given or
        /// missing.
        public var volume: Double?
        public var volumeStatus: Observation.Status?
        /// Share of the counted members' amount, population and volume, as fractions (0.25 = 25 %); nil when the
        /// member is not counted.
        public var amountShare: Double?
        public var populationShare: Double?
        public var volumeShare: Double?

        /// The amount in the numerator's unit, when the member has a value.
        public var amount: Double? { observation.status == .ok ? observation.numerator : nil }
        public var counted: Bool { observation.status == .ok }
    }

    /// A rate members are compared with and moved to in the what-if.
    public struct ReferenceRate: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            case region
            case national
            /// The region's members' first quartile for lower-is-better and neutral indicators (the cheaper quarter),
            /// the third for higher-is-better ones.
            case bestQuartile = "best-quartile"
        }
        public var kind: Kind
        public var rate: Double
    }

    /// How a region's total would be shared out under one key.
    public struct CostSplit: Sendable {
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            case population, use, spending, fixed
        }
        public var kind: Kind
        /// Per counted member: its share (fraction), what it would pay of the total, and that minus what it spends
        /// now (+ = would pay more).
        public var shares: [Share]

        public struct Share: Sendable, Hashable {
            public var code: String
            public var share: Double
            public var amount: Double
            public var difference: Double
        }
    }

    public struct UnavailableKey: Sendable, Hashable {
        public var kind: CostSplit.Kind
        public var reason: Reason
        public enum Reason: Sendable, Hashable {
            /// No volume indicator was given for "by use".
            case noVolumeIndicator
            /// These counted members have no volume (codes).
            case volumeMissing([String])
            /// The region file has no fixed key.
            case noFixedKey
        }
    }

    /// The what-if at one rate: each counted member's amount at that rate and the saving (now − then; + = saves).
    public struct Scenario: Sendable {
        public var rate: ReferenceRate
        public var amounts: [Outcome]
        public var total: Double { amounts.reduce(0) { $0 + $1.amount } }
        public var saving: Double { amounts.reduce(0) { $0 + $1.saving } }

        public struct Outcome: Sendable, Hashable {
            public var code: String
            public var amount: Double
            public var saving: Double
        }
    }

    public var counted: [Member] { members.filter(\.counted) }
    public var uncounted: [Member] { members.filter { !$0.counted } }

    public func rate(_ kind: ReferenceRate.Kind) -> Double? { rates.first { $0.kind == kind }?.rate }
}
