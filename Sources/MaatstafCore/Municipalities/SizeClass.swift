/// CBS's municipality size classes (gemeentegrootte), by inhabitants on 1 January.
public enum SizeClass: String, Sendable, Codable, CaseIterable, Comparable {
    case under5000 = "<5000"
    case from5000 = "5000-10000"
    case from10000 = "10000-20000"
    case from20000 = "20000-50000"
    case from50000 = "50000-100000"
    case from100000 = "100000-150000"
    case from150000 = "150000-250000"
    case from250000 = ">=250000"

    /// Parses CBS's spelling in the class files, which varies in case between years
    /// (`minderdan5000inwoners` in 2023, `Minderdan5000inwoners` in 2025).
    public init?(cbs text: String) {
        let key = text.lowercased().filter { !$0.isWhitespace }
        switch key {
        case "minderdan5000inwoners": self = .under5000
        case "5000tot10000inwoners": self = .from5000
        case "10000tot20000inwoners": self = .from10000
        case "20000tot50000inwoners": self = .from20000
        case "50000tot100000inwoners": self = .from50000
        case "100000tot150000inwoners": self = .from100000
        case "150000tot250000inwoners": self = .from150000
        case "250000inwonersofmeer": self = .from250000
        default: return nil
        }
    }

    /// The Dutch label as CBS writes it in StatLine.
    public var dutch: String {
        switch self {
        case .under5000: "minder dan 5 000 inwoners"
        case .from5000: "5 000 tot 10 000 inwoners"
        case .from10000: "10 000 tot 20 000 inwoners"
        case .from20000: "20 000 tot 50 000 inwoners"
        case .from50000: "50 000 tot 100 000 inwoners"
        case .from100000: "100 000 tot 150 000 inwoners"
        case .from150000: "150 000 tot 250 000 inwoners"
        case .from250000: "250 000 inwoners of meer"
        }
    }

    public static func < (lhs: SizeClass, rhs: SizeClass) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension SizeClass {
    /// The class of a municipality with `population` inhabitants on 1 January, by CBS's limits (a lower limit
    /// belongs to its class: 5 000 inhabitants is `5 000 tot 10 000`).
    public init(population: Int) {
        switch population {
        case ..<5_000: self = .under5000
        case ..<10_000: self = .from5000
        case ..<20_000: self = .from10000
        case ..<50_000: self = .from20000
        case ..<100_000: self = .from50000
        case ..<150_000: self = .from100000
        case ..<250_000: self = .from150000
        default: self = .from250000
        }
    }
}
