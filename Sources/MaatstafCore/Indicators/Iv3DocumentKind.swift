/// The two Iv3 documents a municipality delivers to CBS for a year.
public enum Iv3DocumentKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The accounts: what was spent. Preferred when a year has both.
    case jaarrekening
    /// The budget: what was planned.
    case begroting

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs == .jaarrekening && rhs == .begroting
    }
}
