/// An indicator written as the product of other indicators: household-help spending per inhabitant = clients per
/// 1,000 inhabitants × cost per client ÷ 1,000. What `maatstaf explain` splits a gap or a change over. Read from an
/// indicator file's `decompositions:` (docs/explain.md); a value with no words beyond the names the file gives.
public struct Decomposition: Sendable, Hashable {
    /// One factor: an indicator, as each municipality has it, or the Netherlands' figure for everyone (the national
    /// allocation per inhabitant that turns a need index back into euros).
    public struct Factor: Sendable, Hashable {
        public var indicator: String
        /// What the factor stands for in a sentence ("need", "clients per 1,000 inhabitants").
        public var name: LocalizedText
        /// The Netherlands' figure of the year for every municipality and group (the same here as in the reference,
        /// so against a group its part is 0; over time it carries the national change).
        public var national: Bool

        public init(indicator: String, name: LocalizedText, national: Bool = false) {
            self.indicator = indicator
            self.name = name
            self.national = national
        }
    }

    public var id: String
    public var title: LocalizedText
    /// The indicator split.
    public var indicator: String
    public var factors: [Factor]
    /// The constant the product is multiplied by: the indicator's multiplier ÷ the factors' (1 ÷ 1,000 for clients per
    /// 1,000 × cost per client). Derived, never written in the file.
    public var scale: Double
    /// The file it was defined in (built in, or a user's) and the line.
    public var source: IndicatorOrigin
    public var line: Int?

    public init(
        id: String, title: LocalizedText, indicator: String, factors: [Factor], scale: Double, source: IndicatorOrigin,
        line: Int?
    ) {
        self.id = id
        self.title = title
        self.indicator = indicator
        self.factors = factors
        self.scale = scale
        self.source = source
        self.line = line
    }

    /// Where it was defined in the stable spelling (`built-in:431`, `/path/indicators.yaml:12`): every refusal and
    /// the JSON name it; a reader's text words the file in the reader's language.
    public var origin: String { "\(source)" + (line.map { ":\($0)" } ?? "") }

    /// At most this many factors: Shapley's split sums over every subset of them.
    public static let maximumFactors = 6
}
