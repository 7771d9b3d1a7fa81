import MaatstafCore
import MaatstafModel

/// The `kind` a reference group has in outputs (JSON contract `maatstaf.compare/3`): the built-in group names, with
/// `amr` for the labour-market region, and `region` for user regions.
enum ReferenceKind {
    static func of(_ group: PeerGroup) -> String {
        switch group {
        case .builtIn(.labourMarketRegion): "amr"
        case .builtIn(let kind): kind.rawValue
        case .userRegion: "region"
        case .peers: "peers"
        case .sharing: "sharing"
        }
    }

    /// The code shown for a group: the CBS code, or the user region's id.
    static func code(of resolved: ResolvedPeerGroup) -> String? {
        if case .userRegion(let id) = resolved.group { return id }
        return resolved.code
    }
}
