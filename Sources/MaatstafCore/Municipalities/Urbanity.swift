/// CBS's urbanity classes (stedelijkheid), by the density of addresses around them: 1 is very strongly urban.
public enum Urbanity: Int, Sendable, Codable, CaseIterable, Comparable {
    case veryStronglyUrban = 1
    case stronglyUrban = 2
    case moderatelyUrban = 3
    case hardlyUrban = 4
    case notUrban = 5

    /// Parses CBS's spelling in the class files (`Zeersterkstedelijk` … `Nietstedelijk`).
    public init?(cbs text: String) {
        switch text.lowercased().filter({ !$0.isWhitespace }) {
        case "zeersterkstedelijk": self = .veryStronglyUrban
        case "sterkstedelijk": self = .stronglyUrban
        case "matigstedelijk": self = .moderatelyUrban
        case "weinigstedelijk": self = .hardlyUrban
        case "nietstedelijk": self = .notUrban
        default: return nil
        }
    }

    public var dutch: String {
        switch self {
        case .veryStronglyUrban: "zeer sterk stedelijk"
        case .stronglyUrban: "sterk stedelijk"
        case .moderatelyUrban: "matig stedelijk"
        case .hardlyUrban: "weinig stedelijk"
        case .notUrban: "niet stedelijk"
        }
    }

    public static func < (lhs: Urbanity, rhs: Urbanity) -> Bool { lhs.rawValue < rhs.rawValue }
}
