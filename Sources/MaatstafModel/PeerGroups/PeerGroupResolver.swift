import Foundation
public import MaatstafCore

/// Turns "province", "size-class", "1stroom" … into concrete member lists for a municipality in a year.
///
/// The built-in groups of every municipality of a year are resolved once, the first time the year is asked for, so
/// resolving is a lookup: comparing every municipality on hundreds of indicators resolves groups close to a million
/// times. Only the years asked for are resolved: a single `compare` needs one of the snapshot's nine.
public struct PeerGroupResolver: Sendable {
    public let atlas: MunicipalityAtlas
    public let regions: UserRegionCatalog?
    /// Year → the built-in groups of every municipality, by position; shared by the resolver's copies.
    private let builtIn = YearIndexes()
    /// Finds a municipality's nearest neighbours in a year, for the group `peers`; set by the comparison engine,
    /// which can read the traits that are indicators. Nil: `peers` is not available (said when asked for).
    public var peerFinder: (@Sendable (Municipality, Int) throws -> ResolvedPeerGroup)?

    public init(atlas: MunicipalityAtlas, regions: UserRegionCatalog?) {
        self.atlas = atlas
        self.regions = regions
    }

    /// The error for a name that is neither a built-in group nor a region of the catalog — with the group meant when
    /// the name is close to one (`liemer` → liemers), and for a province's name the province group of one of its
    /// municipalities; nil for any other group. Asked before anything depends on the group, so a typo is never
    /// answered with advice that fails again.
    public func unknownRegion(_ group: PeerGroup) -> ModelError? {
        guard case .userRegion(let id) = group, regions?.region(id: id) == nil else { return nil }
        let known = (regions?.regions.map(\.id) ?? []) + PeerGroupKind.allCases.map(\.rawValue) + ["amr", "peers"]
        let wanted = id.lowercased()
        let close = known.filter { NameKey.distance($0, wanted) <= 2 || ($0.hasPrefix(wanted) && wanted.count >= 3) }
        var hint: Advice =
            close.isEmpty
            ? .en("Known groups: \(known.joined(separator: ", "))", nl: "Bekende groepen: \(known.joined(separator: ", "))")
            : .en(
                "Did you mean \(close.joined(separator: " or "))? Known groups: \(known.joined(separator: ", "))",
                nl: "Bedoelt u \(close.joined(separator: " of "))? Bekende groepen: \(known.joined(separator: ", "))")
        // A province by its name: the group is `province`, around any of its municipalities.
        if close.isEmpty, let year = atlas.years.last, let profiles = try? atlas.profiles(year: year),
            let member = profiles.values.filter({ $0.province.lowercased() == wanted }).min(by: { $0.name < $1.name })
        {
            hint = .en(
                "\(member.province) is a province: rank within the group province of one of its municipalities: \(action: .rankWithin(group: "province", adding: member.name))",
                nl:
                    "\(member.province) is een provincie: rangschik binnen de groep province van een van haar gemeenten: \(action: .rankWithin(group: "province", adding: member.name))"
            )
        }
        return ModelError(
            .unknownPeerGroup, subject: id,
            reason: .en(
                "is neither a built-in group nor a region in \(regions?.foldersText ?? "regions/")",
                nl: "is geen ingebouwde groep en geen regio in \(regions?.foldersText ?? "regions/")"),
            hint: hint)
    }

    /// The built-in groups of a year's municipalities; nil for a year the atlas has no profiles for.
    private static func index(of atlas: MunicipalityAtlas, year: Int) -> BuiltInGroupIndex? {
        guard let profiles = (try? atlas.profiles(year: year))?.values.sorted(by: { $0.code < $1.code }) else {
            return nil
        }
        var members: [String: [String]] = [:]
        for profile in profiles {
            for key in Self.keys(profile) { members[key, default: []].append(profile.code) }
        }
        var groups: [String: [ResolvedPeerGroup]] = [:]
        for profile in profiles {
            groups[profile.code] = Self.groups(of: profile, members: members)
        }
        return BuiltInGroupIndex(profiles: profiles, groupsOf: groups)
    }

    /// The indexes made so far, under a lock: the engine's copies of the resolver share them, also across cores.
    private final class YearIndexes: @unchecked Sendable {
        private let lock = NSLock()
        private var indexes: [Int: BuiltInGroupIndex?] = [:]

        func index(year: Int, _ make: () -> BuiltInGroupIndex?) -> BuiltInGroupIndex? {
            lock.withLock {
                if let known = indexes[year] { return known }
                let made = make()
                indexes[year] = made
                return made
            }
        }
    }

    /// The keys a profile is indexed under, one per built-in kind, in the order of `PeerGroupKind.allCases`.
    private static func keys(_ profile: MunicipalityProfile) -> [String] {
        [
            "national|", "province|\(profile.province)", "corop|\(profile.corop.code)",
            "amr|\(profile.labourMarketRegion.code)", "size|\(profile.sizeClass.rawValue)",
            "urbanity|\(profile.urbanity.rawValue)", "jeugdregio|\(profile.youthCareRegion?.code ?? "")",
        ]
    }

    private static func groups(of own: MunicipalityProfile, members: [String: [String]]) -> [ResolvedPeerGroup] {
        let keys = keys(own)
        let municipality = own.municipality
        let labels: [(PeerGroupKind, String, String?)] = [
            (.national, "Nederland", "NL01"),
            (.province, own.province, municipality.province.name == own.province ? municipality.province.code : nil),
            (.corop, own.corop.name, own.corop.code),
            (.labourMarketRegion, own.labourMarketRegion.name, own.labourMarketRegion.code),
            (.sizeClass, own.sizeClass.dutch, nil),
            (.urbanity, own.urbanity.dutch, nil),
            (.youthCareRegion, own.youthCareRegion?.name ?? "–", own.youthCareRegion?.code),
        ]
        return labels.enumerated().map { index, entry in
            ResolvedPeerGroup(
                group: .builtIn(entry.0), label: entry.1, code: entry.2,
                members: members[keys[index]] ?? [], key: keys[index])
        }
    }

    /// The built-in groups of a year by position; nil for a year without municipalities.
    public func builtInIndex(year: Int) -> BuiltInGroupIndex? {
        builtIn.index(year: year) { Self.index(of: atlas, year: year) }
    }

    public func resolve(_ group: PeerGroup, for municipality: Municipality, year: Int) throws -> ResolvedPeerGroup {
        guard let index = builtInIndex(year: year), let position = index.position[municipality.code] else {
            _ = try atlas.profiles(year: year)  // names the available years when the year is unknown
            throw ModelError(
                .yearNotAvailable, subject: municipality.name,
                reason: .en("did not exist as a municipality in \(year)", nl: "bestond in \(year) niet als gemeente"),
                hint: .en("Choose another year", nl: "Kies een ander jaar"))
        }
        switch group {
        case .builtIn(let kind):
            let resolved = index.group(PeerGroupKind.allCases.firstIndex(of: kind)!, at: position)
            if kind == .youthCareRegion, resolved.code == nil {
                throw ModelError(
                    .unknownPeerGroup, subject: municipality.name,
                    reason: .en(
                        "has no jeugdregio in the snapshot (the 2024 regions cover the municipalities of 2024)",
                        nl: "heeft geen jeugdregio in de snapshot (de regio's van 2024 omvatten de gemeenten van 2024)"),
                    hint: .en(
                        "Compare with another group, or define the region in regions/",
                        nl: "Vergelijk met een andere groep, of leg de regio vast in regions/"))
            }
            return resolved
        case .sharing:
            // Every municipality of the year: the figures count those that shared the own figure (the rule for own
            // figures in GroupSummary), and say how many.
            let national = index.group(PeerGroupKind.allCases.firstIndex(of: .national)!, at: position)
            return ResolvedPeerGroup(
                group: .sharing, label: "gemeenten die het cijfer delen", code: nil, members: national.members,
                key: "sharing|")
        case .peers:
            guard let peerFinder else {
                throw ModelError(
                    .unknownPeerGroup, subject: "peers",
                    reason: .en("nearest neighbours are not available here", nl: "naaste buren zijn hier niet beschikbaar"),
                    hint: .en(
                        "Compare with a built-in group or a region instead",
                        nl: "Vergelijk in plaats daarvan met een ingebouwde groep of een regio"))
            }
            return try peerFinder(municipality, year)
        case .userRegion(let id):
            // A region the catalog lacks is exactly what `unknownRegion` words.
            guard let region = regions?.region(id: id) else { throw unknownRegion(group)! }
            guard region.isValid(in: year) else {
                throw ModelError(
                    .yearNotAvailable, subject: id,
                    reason: .en(
                        "region \(region.name) does not apply in \(year)", nl: "regio \(region.name) geldt niet in \(year)"),
                    hint: .en(
                        "Its file (\(region.file)) limits it to \(region.validFrom.map(String.init) ?? "…")–\(region.validUntil.map(String.init) ?? "…")",
                        nl:
                            "Haar bestand (\(region.file)) beperkt haar tot \(region.validFrom.map(String.init) ?? "…")–\(region.validUntil.map(String.init) ?? "…")"
                    )
                )
            }
            let profiles = try atlas.profiles(year: year)
            return ResolvedPeerGroup(
                group: group, label: region.name, code: nil,
                members: region.members.filter { profiles[$0] != nil }.sorted(), key: "region|\(region.id)")
        }
    }
}
