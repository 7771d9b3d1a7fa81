/// Why a municipality has no value for an indicator in a year. Kept as a fact, not a sentence: every output words it
/// in its own language (the report and the CLI), and programs read `code`.
public enum MissingReason: Sendable, Hashable, Codable {
    /// The municipality delivered no Iv3 document of this kind for the year (the source shows a row of zeros).
    case noDelivery(kind: Iv3DocumentKind, year: Int)
    /// The municipality is not in the year's Iv3 file at all.
    case notInIv3File(kind: Iv3DocumentKind, year: Int)
    /// One of the summed taakvelden has an empty cell.
    case incompleteIv3
    /// The municipality books nothing on these taakvelden (the indicator says a zero means "booked elsewhere");
    /// `broader` is an indicator that includes what it booked.
    case notBooked(taakvelden: [String], broader: String?)
    /// The CBS table has no row for the municipality (a Wmo table: participation is voluntary).
    case notInCBSTable(table: String)
    /// CBS publishes the cell as secret, unknown or too small.
    case suppressedByCBS(table: String)
    /// The numerator has a value but the denominator has none.
    case noDenominator
    /// The denominator is negative: no count of people or clients can be, so no rate is formed from it.
    case negativeDenominator
    /// The division gives no finite number (a figure of 1e300 over one of 1e-300): not a value, never ranked or summed.
    case notFinite
    /// No figure for another reason (nothing in the source).
    case noData
    /// The overhead cannot be spread: the municipality books no salaries (Iv3 L1.1) outside the overhead itself, or its
    /// overhead line is not complete.
    case noOverheadKey
    /// The municipality's own figures have no value of `measure` for `period` (not imported, or not kept).
    case noOwnFigure(measure: String, period: String)
    /// On later boundaries (`--boundaries`): a predecessor, `name`, was divided among `recipients` on `date`, and a
    /// divided municipality's figures cannot be divided with it.
    case dividedPredecessor(name: String, date: String, recipients: [String])
    /// Left out by the user's choice: its value lies far outside the other members of the region it is compared in
    /// (`RobustOutliers`, modified z-score `z`).
    case leftOutAsOutlier(value: Double, z: Double)

    /// A stable identifier for CSV and JSON; also the group a municipality is left out under.
    public var exclusion: Exclusion {
        switch self {
        case .noDelivery: .noDelivery
        case .notBooked: .notBooked
        case .suppressedByCBS: .suppressed
        case .notInIv3File, .incompleteIv3, .notInCBSTable, .noDenominator, .negativeDenominator, .notFinite, .noData,
            .noOwnFigure, .noOverheadKey, .dividedPredecessor, .leftOutAsOutlier:
            .noValue
        }
    }
}

/// Why a member of a reference group is left out of the group's figures, as a stable code.
public enum Exclusion: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// No Iv3 delivery for the document.
    case noDelivery = "no-delivery"
    /// Nothing booked on the indicator's lines (booked elsewhere).
    case notBooked = "not-booked"
    /// CBS hides the cell.
    case suppressed
    /// No value for another reason.
    case noValue = "no-value"
    /// The denominator is zero: no rate exists.
    case zeroDenominator = "zero-denominator"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
