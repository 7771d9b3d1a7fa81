/// A year of an indicator and, for Iv3, the document it comes from: one point of a series over the years.
///
/// A year can have two Iv3 documents, the budget made before the year and the accounts after it; they are different
/// figures (planned against spent) and a series shows them apart, never joined into one line.
public struct IndicatorPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    /// The Iv3 document; nil for an indicator over CBS tables.
    public var kind: Iv3DocumentKind?

    public init(year: Int, kind: Iv3DocumentKind?) {
        self.year = year
        self.kind = kind
    }

    /// By year; within a year the budget first, as it was made first.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.year != rhs.year { return lhs.year < rhs.year }
        return (lhs.kind == .begroting ? 0 : 1) < (rhs.kind == .begroting ? 0 : 1)
    }

    /// `2023 jaarrekening`, `2024`.
    public var description: String { kind.map { "\(year) \($0.rawValue)" } ?? String(year) }
}
