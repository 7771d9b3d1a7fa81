import Foundation

/// The built-in kinds of reference group a municipality is compared with.
public enum PeerGroupKind: String, Sendable, Codable, CaseIterable {
    case national
    case province
    case corop
    case labourMarketRegion = "labour-market-region"
    case sizeClass = "size-class"
    case urbanity
    /// The youth-care region (jeugdregio) of 2024: the municipalities that purchase youth care together.
    case youthCareRegion = "jeugdregio"
}

/// A reference group as the user names it: a built-in kind or a user region id.
public enum PeerGroup: Sendable, Hashable, Codable, CustomStringConvertible {
    case builtIn(PeerGroupKind)
    case userRegion(String)
    /// The municipality's nearest neighbours on structural traits (`maatstaf peers`).
    case peers
    /// The municipalities that shared an own figure (imported it for the period): the pooled reference of a benchmark
    /// club. Only for indicators over own figures, where every comparison shows it after the Netherlands.
    case sharing

    /// A group's id or one of its other names (`PeerGroup.named`, `aliases`), any case; anything else is a region id.
    public init(parsing text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        self = Self.named.first { $0.description == key || $0.aliases.contains(key) } ?? .userRegion(key)
    }

    /// Every group a user can name without a region file, in the order listings show them: each built-in kind,
    /// then the nearest neighbours. Listings and help are made from this list, so a new kind cannot be left out.
    public static let named: [PeerGroup] = PeerGroupKind.allCases.map { .builtIn($0) } + [.peers, .sharing]

    /// Every other name a group is known by, in either language (`amr`, `provincie`, `buren`, …).
    public var aliases: [String] { otherNames(in: .en) + otherNames(in: .nl) }

    /// The other names a reader of this language types: an abbreviation, and in Dutch the word maatstaf's outputs
    /// and dashboard use for the group (a reader types what they read).
    public func otherNames(in locale: ReportLocale) -> [String] {
        switch (self, locale) {
        case (.builtIn(.national), .nl): ["nederland"]
        case (.builtIn(.province), .nl): ["provincie"]
        case (.builtIn(.corop), .nl): ["corop-gebied"]
        case (.builtIn(.labourMarketRegion), .en): ["amr"]
        case (.builtIn(.labourMarketRegion), .nl): ["arbeidsmarktregio"]
        case (.builtIn(.sizeClass), .nl): ["grootteklasse"]
        case (.builtIn(.urbanity), .nl): ["stedelijkheid"]
        case (.builtIn(.youthCareRegion), .en): ["youth-care-region"]
        case (.peers, .en): ["neighbours"]
        case (.peers, .nl): ["buren"]
        case (.sharing, .en): ["sharers"]
        case (.sharing, .nl): ["delers"]
        default: []
        }
    }

    public var description: String {
        switch self {
        case .builtIn(let kind): kind.rawValue
        case .userRegion(let id): id
        case .peers: "peers"
        case .sharing: "sharing"
        }
    }

    /// The groups a comparison shows for `--against`: the Netherlands first, always, then the others in the order
    /// asked. One rule for compare, budget, trend, report and the dashboard, so `--against` means the same everywhere:
    /// the groups besides the Netherlands.
    public static func withNationalFirst(_ groups: [PeerGroup]) -> [PeerGroup] {
        let national = PeerGroup.builtIn(.national)
        var seen: Set<PeerGroup> = [national]
        return [national] + groups.filter { seen.insert($0).inserted }
    }

    /// The groups an indicator is compared with when `groups` are asked: for own figures the municipalities that
    /// shared the figure come right after the Netherlands (the Netherlands is the entered national figure, or none);
    /// other indicators have no such group and leave it out.
    public static func forIndicator(_ groups: [PeerGroup], _ indicator: Indicator) -> [PeerGroup] {
        guard indicator.usesOwnFigures else { return groups.filter { $0 != .sharing } }
        guard !groups.contains(.sharing) else { return groups }
        var groups = groups
        let at = groups.firstIndex(of: .builtIn(.national)).map { $0 + 1 } ?? 0
        groups.insert(.sharing, at: at)
        return groups
    }

    /// The default groups of a comparison, in the order reports show them.
    public static let standard: [PeerGroup] = PeerGroupKind.allCases.map { .builtIn($0) }
}

/// A reference group made concrete for one municipality and one year: its label and its member codes.
public struct ResolvedPeerGroup: Sendable, Hashable, Codable {
    public var group: PeerGroup
    /// What the group is for this municipality, e.g. `Gelderland`, `Arnhem/Nijmegen (CR15)`, `10 000 tot 20 000 inwoners`.
    public var label: String
    /// The CBS code of the region, where it has one (`PV25`, `CR15`, `AM07`, `NL01`).
    public var code: String?
    /// Member codes, sorted.
    public var members: [String]
    /// Identifies the concrete group within a year (`province|Gelderland`, `region|liemers`), for caching its figures.
    public var key: String
    /// For nearest neighbours: the traits they were found on, so every output can say what "alike" means here.
    public var traits: [Trait]?

    public init(group: PeerGroup, label: String, code: String?, members: [String], key: String? = nil) {
        self.group = group
        self.label = label
        self.code = code
        self.members = members
        self.key = key ?? "\(group)|\(label)|\(members.count)"
    }

    /// The Netherlands made of the given municipalities (those of one year), keyed as the resolver keys it.
    public static func national(members: [String]) -> ResolvedPeerGroup {
        ResolvedPeerGroup(group: .builtIn(.national), label: "Nederland", code: "NL01", members: members, key: "national|")
    }
}
