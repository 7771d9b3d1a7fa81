/// One municipality's figure split over a decomposition's factors, against a reference group or against an earlier
/// year: the parts sum exactly to the difference (`ShapleySplit`). Or, when the split cannot be made, why — never a
/// split with a factor set to 0.
public struct Explanation: Sendable {
    /// What the municipality's figure is set against.
    public enum Baseline: Sendable, Hashable {
        /// A group's figure over its members that have the indicator and every factor (`members` of them).
        case group(ResolvedPeerGroup, members: Int)
        /// The municipality's own figure in an earlier year.
        case year(Int)
    }

    /// A factor's value at the baseline and here, and its part of the difference.
    public struct Part: Sendable, Hashable {
        public var factor: Decomposition.Factor
        public var start: Double
        public var end: Double
        public var part: Double

        public init(factor: Decomposition.Factor, start: Double, end: Double, part: Double) {
            self.factor = factor
            self.start = start
            self.end = end
            self.part = part
        }
    }

    /// Why there is no split.
    public enum Unavailable: Sendable, Hashable {
        /// The municipality has no value for the indicator or a factor in `year`.
        case missing(indicator: String, year: Int, reason: MissingReason)
        /// An indicator sums other taakvelden in the two years: a change of definition, not of spending.
        case definitionChanged(indicator: String, baseYear: Int, base: [String]?, year: Int, now: [String]?)
        /// The group has too few members with every factor besides the municipality (`count` of at least `minimum`).
        case referenceTooSmall(count: Int, minimum: Int)
        /// The municipality was no municipality in the base year.
        case notInBaseYear(year: Int)
    }

    public var decomposition: Decomposition
    public var code: String
    public var name: String
    public var year: Int
    /// The Iv3 document every Iv3 figure of the split comes from (both years the same); nil without Iv3.
    public var document: Iv3DocumentKind?
    public var baseline: Baseline
    /// The indicator at the baseline and here; nil without a split.
    public var start: Double?
    public var end: Double?
    public var parts: [Part]
    public var unavailable: Unavailable?
    /// The municipality's denominator (inhabitants) and the indicator's multiplier: for the parts in euros in all,
    /// against a group only (over time the denominator changes too).
    public var denominator: Double?
    public var multiplier: Int

    public init(
        decomposition: Decomposition, code: String, name: String, year: Int, document: Iv3DocumentKind?,
        baseline: Baseline, multiplier: Int
    ) {
        self.decomposition = decomposition
        self.code = code
        self.name = name
        self.year = year
        self.document = document
        self.baseline = baseline
        self.parts = []
        self.multiplier = multiplier
    }

    /// end − start: what the parts sum to.
    public var difference: Double? { start.flatMap { start in end.map { $0 - start } } }

    /// A part in the indicator's total unit (euros, persons): the part × the municipality's denominator ÷ the
    /// multiplier — what the municipality spends more or less in all through that factor. Against a group only.
    public func total(_ value: Double) -> Double? {
        guard case .group = baseline, let denominator else { return nil }
        return value * denominator / Double(multiplier)
    }
}
