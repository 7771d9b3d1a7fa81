/// Turns "province", "size-class", "1stroom" … into concrete member lists for a municipality in a year.
public struct PeerGroupResolver: Sendable {
    public let atlas: MunicipalityAtlas
    public let regions: UserRegionCatalog?

    public init(atlas: MunicipalityAtlas, regions: UserRegionCatalog?) {
        self.atlas = atlas
        self.regions = regions
    }

    public func resolve(_ group: PeerGroup, for municipality: Municipality, year: Int) throws -> ResolvedPeerGroup {
        let profiles = try atlas.profiles(year: year)
        guard let own = profiles[municipality.code] else {
            throw ModelError(.yearNotAvailable, subject: municipality.name, reason: "did not exist as a municipality in \(year)",
                             hint: "Choose another year")
        }
        func members(_ belongs: (MunicipalityProfile) -> Bool) -> [String] {
            profiles.values.filter(belongs).map(\.code).sorted()
        }
        switch group {
        case .builtIn(.national):
            return ResolvedPeerGroup(group: group, label: "Nederland", code: "NL01", members: members { _ in true })
        case .builtIn(.province):
            let province = own.municipality.province
            return ResolvedPeerGroup(group: group, label: own.province, code: province.name == own.province ? province.code : nil,
                                     members: members { $0.province == own.province })
        case .builtIn(.corop):
            let corop = own.municipality.corop
            return ResolvedPeerGroup(group: group, label: corop.name, code: corop.code,
                                     members: members { $0.municipality.corop.code == corop.code })
        case .builtIn(.labourMarketRegion):
            let region = own.municipality.labourMarketRegion
            return ResolvedPeerGroup(group: group, label: region.name, code: region.code,
                                     members: members { $0.municipality.labourMarketRegion.code == region.code })
        case .builtIn(.sizeClass):
            return ResolvedPeerGroup(group: group, label: own.sizeClass.dutch, code: nil,
                                     members: members { $0.sizeClass == own.sizeClass })
        case .builtIn(.urbanity):
            return ResolvedPeerGroup(group: group, label: own.urbanity.dutch, code: nil,
                                     members: members { $0.urbanity == own.urbanity })
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
