/// A period of a municipality's own figures, stored as CBS writes periods so that they sort and compare with CBS
/// data: `2021JJ00` (year), `2021HJ01` (half-year), `2021KW01` (quarter), `2021MM02` (month).
public struct Period: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case year = "JJ"
        case halfYear = "HJ"
        case quarter = "KW"
        case month = "MM"

        /// How many of this kind a year has.
        public var perYear: Int {
            switch self {
            case .year: 1
            case .halfYear: 2
            case .quarter: 4
            case .month: 12
            }
        }
    }

    public var year: Int
    public var kind: Kind
    /// 1-based within the year; 0 for a whole year.
    public var number: Int

    public init?(year: Int, kind: Kind, number: Int) {
        guard (1000...9999).contains(year) else { return nil }
        if kind == .year {
            guard number == 0 else { return nil }
        } else {
            guard (1...kind.perYear).contains(number) else { return nil }
        }
        self.year = year
        self.kind = kind
        self.number = number
    }

    /// Parses a CBS period code (`2021MM02`).
    public init?(code: String) {
        guard code.count == 8, let year = Int(code.prefix(4)), let kind = Kind(rawValue: String(code.dropFirst(4).prefix(2))),
            let number = Int(code.suffix(2))
        else { return nil }
        self.init(year: year, kind: kind, number: number)
    }

    /// `2021MM02`.
    public var code: String {
        "\(year)\(kind.rawValue)\(number < 10 ? "0" : "")\(number)"
    }

    public var description: String { code }

    /// Within a year: months, quarters, halves, the year; then by number.
    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.year, lhs.kind.perYear, lhs.number) < (rhs.year, rhs.kind.perYear, rhs.number)
    }
}
