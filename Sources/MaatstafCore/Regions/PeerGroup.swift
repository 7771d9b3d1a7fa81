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

    /// `national`, `province`, `corop`, `labour-market-region` (or `amr`), `size-class`, `urbanity`, or a region id.
    public init(parsing text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        if key == "youth-care-region" {
            self = .builtIn(.youthCareRegion)
        } else if key == "amr" || key == "arbeidsmarktregio" {
            self = .builtIn(.labourMarketRegion)
        } else if key == "peers" || key == "neighbours" || key == "buren" {
            self = .peers
        } else if let kind = PeerGroupKind(rawValue: key) {
            self = .builtIn(kind)
        } else {
            self = .userRegion(key)
        }
    }

    public var description: String {
        switch self {
        case .builtIn(let kind): kind.rawValue
        case .userRegion(let id): id
        case .peers: "peers"
        }
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
