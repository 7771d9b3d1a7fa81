/// An indicator: what is counted, per what, and how to read it. Indicators are data (YAML), not code.
public struct Indicator: Sendable, Hashable, Codable {
    public var id: String
    public var title: LocalizedText
    public var unit: LocalizedText
    public var numerator: Quantity
    public var denominator: Denominator
    /// 1 for "per inhabitant", 100 for a percentage, 1,000 for "per 1,000".
    public var multiplier: Int
    public var direction: Direction
    /// What a reader must know, in both languages (a user file may give one text for both).
    public var notes: LocalizedText
    /// Where the definition comes from: built in, a generic Iv3 indicator, or a user's file.
    public var origin: IndicatorOrigin
    /// Whether the rate is a proportion of people (clients among inhabitants) that gets a 95% Wilson interval.
    public var hasInterval: Bool
    /// Money, a rate or a percentage: how values are written, whatever the source.
    public var valueKind: ValueKind
    /// What a reported zero means: a value, or "nothing booked on these lines".
    public var zero: ZeroPolicy
    /// For own figures: which period of a year is compared (`MM02`: each year's February, as a monthly monitor
    /// reports it); nil for the whole year (`JJ00`). Never guessed: a monthly figure is not a year's.
    public var ownPeriod: OwnPeriod?
    /// The indicator that follows this one through the Iv3 layouts where it has no line of its own (nil: `broader`).
    public var bridge: String?
    /// For a monthly or quarterly monitor of own figures: whether the periods sum to a year (a flow) or the latest
    /// is the year's (a stock); nil when not declared — year to date and a projection are then not given.
    public var accumulation: Accumulation?
    /// For an Iv3 indicator: the overhead (0.4) spread over its taakvelden by their share of salaries; nil: not.
    public var overhead: OverheadSpread?

    /// True when the numerator or the denominator is an imported own figure: the indicator then exists only for the
    /// municipalities that imported it, and its references follow the rule for own figures.
    public var usesOwnFigures: Bool {
        if case .own = numerator { return true }
        if case .own = denominator { return true }
        return false
    }

    public init(
        id: String, title: LocalizedText, unit: LocalizedText, numerator: Quantity, denominator: Denominator,
        multiplier: Int, direction: Direction, notes: LocalizedText, origin: IndicatorOrigin, hasInterval: Bool = false,
        valueKind: ValueKind, zero: ZeroPolicy = .value, ownPeriod: OwnPeriod? = nil
    ) {
        self.id = id
        self.title = title
        self.unit = unit
        self.numerator = numerator
        self.denominator = denominator
        self.multiplier = multiplier
        self.direction = direction
        self.notes = notes
        self.origin = origin
        self.hasInterval = hasInterval
        self.valueKind = valueKind
        self.zero = zero
        self.ownPeriod = ownPeriod
    }

    public enum Direction: String, Sendable, Codable, Hashable {
        case higherIsBetter = "higher-is-better"
        case lowerIsBetter = "lower-is-better"
        case neither
    }

}

/// A text in Dutch and English.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var nl: String
    public var en: String

    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    /// English first, where a sentence is written beside its translation: `.en("cannot be read", nl: "is onleesbaar")`.
    public static func en(_ english: String, nl dutch: String) -> LocalizedText {
        LocalizedText(nl: dutch, en: english)
    }

    public func text(_ locale: ReportLocale) -> String { locale == .nl ? nl : en }
}

/// The language and number format of outputs.
public enum ReportLocale: String, Sendable, Codable, CaseIterable {
    case en
    case nl
}

/// What an indicator sums.
public enum Quantity: Sendable, Hashable, Codable {
    /// Iv3 amounts (thousands of euros in the source, euros in maatstaf) over taakvelden, per layout.
    case iv3(measure: Iv3Measure, layouts: [Iv3Layout])
    /// Topics of a CBS StatLine table, summed; keys without CBS's numeric suffix (`WmoClienten`, not `WmoClienten_100`).
    /// `where` picks the codes of the table's other dimensions (age, sex …) whose cells are summed: every such
    /// dimension must be named, so a total is never added to its own parts.
    case cbs(table: String, topics: [String], where: [String: [String]] = [:])
    /// A measure of the municipality's own imported figures (`hh-uren-per-client`).
    case own(measure: String)
    /// The municipal fund's allocation in a cluster (`Individuele voorzieningen Wmo`), in euros, from the circulaire
    /// that belongs to the year (`FundCirculaireRule`).
    case fund(cluster: String)
    /// The fund's need in a cluster counted in inhabitants: the allocation ÷ the national allocation per inhabitant
    /// (every municipality of the circulaire). Over the population it is the **need index**: 1.00 is what the fund
    /// gives the average inhabitant, 1.20 a structure that needs a fifth more per inhabitant; a group's index is its
    /// summed need over its summed inhabitants.
    case fundNeed(cluster: String)
}

/// The period within a year an indicator over own figures compares: a half-year, quarter or month.
public struct OwnPeriod: Sendable, Hashable, Codable {
    public var kind: Period.Kind
    public var number: Int

    /// `MM02`, `KW01`, `HJ02`; nil for anything else.
    public init?(code: String) {
        guard code.count == 4, let kind = Period.Kind(rawValue: String(code.prefix(2))), kind != .year,
            let number = Int(code.suffix(2)), (1...kind.perYear).contains(number)
        else { return nil }
        self.kind = kind
        self.number = number
    }

    /// The period of `year`.
    public func period(in year: Int) -> Period? { Period(year: year, kind: kind, number: number) }
}

public enum Iv3Measure: String, Sendable, Hashable, Codable {
    /// Gross spending.
    case lasten
    /// Income (own contributions, grants).
    case baten
    /// Lasten minus baten.
    case netto
}

/// The taakvelden an Iv3 indicator sums from `fromYear` until the next layout starts.
public struct Iv3Layout: Sendable, Hashable, Codable {
    public var fromYear: Int
    public var taakvelden: [String]
    /// For generic indicators: the only years the taakveld exists in (nil: every year from `fromYear`).
    public var onlyYears: [Int]?

    public init(fromYear: Int, taakvelden: [String], onlyYears: [Int]? = nil) {
        self.fromYear = fromYear
        self.taakvelden = taakvelden
        self.onlyYears = onlyYears
    }
}

public enum Denominator: Sendable, Hashable, Codable {
    /// Inhabitants on 1 January of the year.
    case population
    /// Topics of a CBS table, summed (e.g. age groups), over the codes `where` picks (see `Quantity.cbs`).
    case cbs(table: String, topics: [String], where: [String: [String]] = [:])
    /// A measure of the municipality's own figures (youths 0–17 in the monitor).
    case own(measure: String)
    /// The municipal fund's allocation in a cluster: spending ÷ allocation.
    case fund(cluster: String)
    /// None: the numerator is the figure itself (an average the municipality reports, e.g. hours per client).
    case none
}

extension Indicator {
    /// The Iv3 layout that applies to `year`, or nil when the indicator is not defined for it.
    /// The first and last year of a layout (nil: open-ended), from the layout that follows it.
    public func iv3LayoutYears(_ layout: Iv3Layout) -> (first: Int, last: Int?) {
        guard case .iv3(_, let layouts) = numerator else { return (layout.fromYear, nil) }
        let next = layouts.map(\.fromYear).filter { $0 > layout.fromYear }.min()
        return (layout.fromYear, next.map { $0 - 1 })
    }

    /// The broader indicator a reader is sent to when the municipality books nothing on the indicator's lines.
    public var broader: String? {
        if case .notBooked(let broader) = zero { return broader }
        return nil
    }

    /// The indicator a reader is sent to in the years whose layout has no line for this one: its `bridge` (the same
    /// service in every layout, `jeugd.totaal` for youth care), else its broader one.
    public var acrossLayouts: String? { bridge ?? broader }

    /// The layout that applies to a year, when it can give the indicator: a layout without taakvelden (the line did
    /// not exist yet) gives none, as does a year before the first layout.
    public func iv3Layout(for year: Int) -> Iv3Layout? {
        guard let layout = iv3LayoutCovering(year), !layout.taakvelden.isEmpty else { return nil }
        return layout
    }

    /// The layout a year falls in, also one that cannot give the indicator (to say why there is no value).
    public func iv3LayoutCovering(_ year: Int) -> Iv3Layout? {
        guard case .iv3(_, let layouts) = numerator else { return nil }
        guard let layout = layouts.filter({ $0.fromYear <= year }).max(by: { $0.fromYear < $1.fromYear }) else { return nil }
        if let only = layout.onlyYears, !only.contains(year) { return nil }
        return layout
    }
}
