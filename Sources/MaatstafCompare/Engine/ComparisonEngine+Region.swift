public import MaatstafCore
import MaatstafModel

extension ComparisonEngine {
    /// One indicator for the members of a region (a user region, or a built-in group around `anchor`): shares,
    /// cost-split keys and the what-if at the region's, the national and the best-quartile rate.
    ///
    /// `volume` is an indicator whose numerator counts the users (clients, youths in care) for the key "by use".
    /// A region with fewer than two members has nothing to split and is refused.
    ///
    /// A member whose value lies far outside the other members' (`RobustOutliers`: one that books the service
    /// elsewhere looks like the cheapest) is named in a note; with `leaveOutOutliers` it is left out of every figure
    /// of the view, with that reason, as a member without a value is.
    public func regionBreakdown(
        _ indicator: Indicator, year: Int, kind: Iv3DocumentKind? = nil, region group: PeerGroup,
        anchor: Municipality? = nil, volume: Indicator? = nil, leaveOutOutliers: Bool = false
    ) throws -> RegionBreakdown {
        var data = try data(indicator, year: year, kind: kind)
        let profiles = try atlas.profiles(year: data.classificationYear)
        // A user region is the same around any member; take one that existed in the year.
        var member: Municipality?
        if case .userRegion(let id) = group {
            member = resolver.regions?.region(id: id)?.members.first { profiles[$0] != nil }
                .flatMap { atlas.directory.byCode[$0] }
        }
        if let unknown = resolver.unknownRegion(group) { throw unknown }
        guard let anchor = anchor ?? member ?? Self.anyMember(of: group, resolver: resolver) else {
            throw CompareError(
                .municipalityNotAvailable, subject: group.description,
                reason: .en(
                    "is a group around a municipality; name the municipality whose \(group) it is",
                    nl: "is een groep rond een gemeente; noem de gemeente wier \(group) het is"),
                hint: .en("E.g. the province of Westervoort", nl: "Bijvoorbeeld de provincie van Westervoort"))
        }
        let region = try resolver.resolve(group, for: anchor, year: data.classificationYear)
        guard region.members.count >= 2 else {
            throw CompareError(
                .municipalityNotAvailable, subject: group.description,
                reason: .en(
                    "has \(region.members.count) member(s) in \(data.classificationYear); a region view splits a total between members",
                    nl:
                        "heeft \(region.members.count) lid/leden in \(data.classificationYear); een regiobeeld verdeelt een totaal over leden"
                ),
                hint: .en(
                    "Add members to the region file, or compare the municipality instead",
                    nl: "Voeg leden toe aan het regiobestand, of vergelijk in plaats daarvan de gemeente"))
        }
        let outliers = RobustOutliers(
            Dictionary(
                uniqueKeysWithValues: region.members.compactMap { code in data.observations[code]?.okValue.map { (code, $0) } }))
        if leaveOutOutliers, let outliers {
            for flag in outliers.flagged {
                data.observations[flag.code] = Observation(
                    code: flag.code, missing: .leftOutAsOutlier(value: flag.value, z: flag.z))
            }
        }
        let volumeData = try volume.map { try self.data($0, year: year) }
        let multiplier = Double(indicator.multiplier)

        var members: [RegionBreakdown.Member] = region.members.compactMap { code in
            guard let profile = profiles[code] else { return nil }
            let observation = data.observations[code] ?? Observation(code: code, missing: .noData)
            let volumeObservation = volumeData.map { $0.observations[code] ?? Observation(code: code, missing: .noData) }
            return RegionBreakdown.Member(
                municipality: profile.municipality, population: profile.population, observation: observation,
                volume: volumeObservation?.numerator,
                volumeStatus: volumeObservation.flatMap { $0.numerator == nil ? $0.status : nil })
        }
        let counted = members.filter(\.counted)
        let total = counted.isEmpty ? nil : counted.reduce(0) { $0 + ($1.amount ?? 0) }
        let totalPopulation = counted.reduce(0) { $0 + $1.population }
        let volumesComplete = volume != nil && counted.allSatisfy { $0.volume != nil }
        let totalVolume = volumesComplete ? counted.reduce(0) { $0 + ($1.volume ?? 0) } : nil
        for index in members.indices where members[index].counted {
            let member = members[index]
            if let total, total != 0 { members[index].amountShare = (member.amount ?? 0) / total }
            if totalPopulation > 0 { members[index].populationShare = Double(member.population) / Double(totalPopulation) }
            if let totalVolume, totalVolume > 0, let own = member.volume { members[index].volumeShare = own / totalVolume }
        }

        // Reference rates.
        var rates: [RegionBreakdown.ReferenceRate] = []
        let regionSummary = GroupSummary(group: region, data: data)
        if let rate = regionSummary.rate { rates.append(.init(kind: .region, rate: rate)) }
        let national = GroupSummary(group: .national(members: profiles.keys.sorted()), data: data)
        if let rate = national.rate { rates.append(.init(kind: .national, rate: rate)) }
        if let distribution = regionSummary.distribution {
            let best = indicator.direction == .higherIsBetter ? distribution.q3 : distribution.q1
            rates.append(.init(kind: .bestQuartile, rate: best))
        }

        // Cost-split keys, over the counted members.
        var keys: [RegionBreakdown.CostSplit] = []
        var unavailable: [RegionBreakdown.UnavailableKey] = []
        func split(_ kind: RegionBreakdown.CostSplit.Kind, share: (RegionBreakdown.Member) -> Double) {
            guard let total else { return }
            keys.append(
                .init(
                    kind: kind,
                    shares: counted.map { member in
                        let amount = share(member) * total
                        return .init(
                            code: member.municipality.code, share: share(member), amount: amount,
                            difference: amount - (member.amount ?? 0))
                    }))
        }
        if totalPopulation > 0 { split(.population) { Double($0.population) / Double(totalPopulation) } }
        if volume == nil {
            unavailable.append(.init(kind: .use, reason: .noVolumeIndicator))
        } else if let totalVolume, totalVolume > 0 {
            split(.use) { ($0.volume ?? 0) / totalVolume }
        } else {
            let lacking = counted.filter { $0.volume == nil }.map(\.municipality.code)
            unavailable.append(.init(kind: .use, reason: .volumeMissing(lacking)))
        }
        if let total, total != 0 { split(.spending) { ($0.amount ?? 0) / total } }
        if case .userRegion(let id) = group, let fixed = resolver.regions?.region(id: id)?.fixedKey {
            // The key is over all members; when some are not counted, it is rescaled over those that are.
            let countedPercent = counted.reduce(0) { $0 + (fixed[$1.municipality.code] ?? 0) }
            if countedPercent > 0 { split(.fixed) { (fixed[$0.municipality.code] ?? 0) / countedPercent } }
        } else {
            unavailable.append(.init(kind: .fixed, reason: .noFixedKey))
        }

        // What if every counted member spent at a reference rate.
        let scenarios = rates.map { rate in
            RegionBreakdown.Scenario(
                rate: rate,
                amounts: counted.map { member in
                    let amount = rate.rate * (member.observation.denominator ?? 0) / multiplier
                    return .init(code: member.municipality.code, amount: amount, saving: (member.amount ?? 0) - amount)
                })
        }
        // Who is left out, and why, among the region's members only.
        var memberData = data
        memberData.observations = data.observations.filter { region.members.contains($0.key) }
        var notes = data.notes + Self.exclusionNotes(memberData, profiles: profiles)
        if let outliers, !outliers.flagged.isEmpty {
            notes.append(
                .outliers(
                    names: outliers.flagged.map { atlas.directory.byCode[$0.code]?.name ?? $0.code },
                    flags: outliers.flagged, leftOut: leaveOutOutliers))
        }
        if members.contains(where: { !$0.counted }) { notes.append(.missingIsNotZero) }
        var breakdown = RegionBreakdown(
            indicator: indicator, year: year, data: data, region: region, members: members, total: total,
            totalPopulation: totalPopulation, totalVolume: totalVolume, rates: rates, keys: keys,
            unavailableKeys: unavailable, scenarios: scenarios, volumeIndicator: volume, notes: notes)
        breakdown.outliers = outliers?.flagged ?? []
        breakdown.outliersLeftOut = leaveOutOutliers && !(outliers?.flagged.isEmpty ?? true)
        if case .userRegion(let id) = group, let listed = resolver.regions?.region(id: id)?.members {
            breakdown.absentMembers = listed.filter { profiles[$0] == nil }.compactMap { atlas.directory.byCode[$0] }
        }
        return breakdown
    }
}
