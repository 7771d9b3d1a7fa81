/// Turns "province", "size-class", "1stroom" … into concrete member lists for a municipality in a year.
///
/// Member lists of the built-in groups are indexed once per year, so resolving is a lookup: comparing every
/// municipality on hundreds of indicators resolves groups hundreds of thousands of times.
public struct PeerGroupResolver: Sendable {
    public let atlas: MunicipalityAtlas
    public let regions: UserRegionCatalog?
    /// Year → "kind|key" → sorted member codes.
    private let index: [Int: [String: [String]]]

    public init(atlas: MunicipalityAtlas, regions: UserRegionCatalog?) {
        self.atlas = atlas
        self.regions = regions
        var index: [Int: [String: [String]]] = [:]
        for year in atlas.years {
            var groups: [String: [String]] = [:]
            for profile in (try? atlas.profiles(year: year))?.values.sorted(by: { $0.code < $1.code }) ?? [] {
                for key in Self.keys(profile) { groups[key, default: []].append(profile.code) }
            }
            index[year] = groups
        }
        self.index = index
    }

    /// The index keys a profile belongs under, one per built-in group kind.
    private static func keys(_ profile: MunicipalityProfile) -> [String] {
        ["national|", "province|\(profile.province)", "corop|\(profile.municipality.corop.code)",
         "amr|\(profile.municipality.labourMarketRegion.code)", "size|\(profile.sizeClass.rawValue)",
         "urbanity|\(profile.urbanity.rawValue)"]
    }

    public func resolve(_ group: PeerGroup, for municipality: Municipality, year: Int) throws -> ResolvedPeerGroup {
        let profiles = try atlas.profiles(year: year)
        guard let own = profiles[municipality.code] else {
            throw ModelError(.yearNotAvailable, subject: municipality.name, reason: "did not exist as a municipality in \(year)",
                             hint: "Choose another year")
        }
        let keys = Self.keys(own)
        func members(_ kind: Int) -> [String] {
            index[year]?[keys[kind]] ?? []
        }
        switch group {
        case .builtIn(.national):
            return ResolvedPeerGroup(group: group, label: "Nederland", code: "NL01", members: members(0))
        case .builtIn(.province):
            let province = own.municipality.province
            return ResolvedPeerGroup(group: group, label: own.province, code: province.name == own.province ? province.code : nil,
                                     members: members(1))
        case .builtIn(.corop):
            let corop = own.municipality.corop
            return ResolvedPeerGroup(group: group, label: corop.name, code: corop.code,
                                     members: members(2))
        case .builtIn(.labourMarketRegion):
            let region = own.municipality.labourMarketRegion
            return ResolvedPeerGroup(group: group, label: region.name, code: region.code,
                                     members: members(3))
        case .builtIn(.sizeClass):
            return ResolvedPeerGroup(group: group, label: own.sizeClass.dutch, code: nil,
                                     members: members(4))
        case .builtIn(.urbanity):
            return ResolvedPeerGroup(group: group, label: own.urbanity.dutch, code: nil,
                                     members: members(5))
        case .userRegion(let id):
            guard let region = regions?.region(id: id) else {
                let known = (regions?.regions.map(\.id) ?? []) + PeerGroupKind.allCases.map(\.rawValue) + ["amr"]
                throw ModelError(.unknownPeerGroup, subject: id, reason: "is neither a built-in group nor a region in \(regions?.folder.path ?? "regions/")",
                                 hint: "Known groups: \(known.joined(separator: ", "))")
            }
            guard region.isValid(in: year) else {
                throw ModelError(.yearNotAvailable, subject: id, reason: "region \(region.name) does not apply in \(year)",
                                 hint: "Its file (\(region.file)) limits it to \(region.validFrom.map(String.init) ?? "…")–\(region.validUntil.map(String.init) ?? "…")")
            }
            return ResolvedPeerGroup(group: group, label: region.name, code: nil,
                                     members: region.members.filter { profiles[$0] != nil }.sorted())
        }
    }
}
