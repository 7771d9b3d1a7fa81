public import MaatstafCore
import MaatstafModel

extension ComparisonEngine {
    /// The `top` best performers on `indicator` among `group` around `municipality` (its nearest neighbours by
    /// default), and the most improved between the first and last period of one document in the store.
    public func bestPractice(
        _ indicator: Indicator, municipality: Municipality, year: Int, kind: Iv3DocumentKind? = nil,
        among group: PeerGroup = .peers, top: Int = 5
    ) throws -> BestPractice {
        let data = try data(indicator, year: year, kind: kind)
        let profiles = try atlas.profiles(year: data.classificationYear)
        guard let profile = profiles[municipality.code] else {
            throw CompareError(
                .municipalityNotAvailable, subject: municipality.name,
                reason: .en("was not a municipality in \(year)", nl: "was in \(year) geen gemeente"),
                hint: .en("Choose another year", nl: "Kies een ander jaar"))
        }
        let resolved = try resolver.resolve(group, for: municipality, year: data.classificationYear)
        let members = resolved.members.filter { $0 != municipality.code }
        let assumed = indicator.direction == .neither
        let lowerIsBetter = indicator.direction != .higherIsBetter
        let own = data.observations[municipality.code] ?? Observation(code: municipality.code, missing: .noData)
        let multiplier = Double(indicator.multiplier)
        func interval(_ observation: Observation) -> ProportionInterval? {
            guard indicator.hasInterval, observation.status == .ok, let n = observation.numerator,
                let d = observation.denominator
            else { return nil }
            return ProportionInterval(successes: n, trials: d)?.scaled(by: multiplier)
        }
        func gap(at rate: Double) -> Double? {
            guard let value = own.okValue, let denominator = own.denominator else { return nil }
            return (value - rate) * denominator / multiplier
        }
        let ownInterval = interval(own)
        // Tukey's fences over every municipality's value: a value outside them is flagged, not dropped.
        let everyone = Distribution(data.observations.values.compactMap(\.okValue))
        func isOutlier(_ value: Double) -> Bool {
            guard let everyone else { return false }
            let spread = everyone.q3 - everyone.q1
            return value < everyone.q1 - 1.5 * spread || value > everyone.q3 + 1.5 * spread
        }
        var leftOut: [(code: String, name: String, status: Observation.Status)] = []
        var ranked: [BestPractice.Performer] = []
        for code in members {
            guard let memberProfile = profiles[code] else { continue }
            let observation = data.observations[code] ?? Observation(code: code, missing: .noData)
            guard let value = observation.okValue else {
                leftOut.append((code, memberProfile.name, observation.status))
                continue
            }
            let theirs = interval(observation)
            var cautions: [BestPractice.Caution] = []
            if let ownInterval, let theirs, ownInterval.lower <= theirs.upper, theirs.lower <= ownInterval.upper {
                cautions.append(.withinUncertainty)
            }
            if data.isBudget { cautions.append(.budget) }
            if own.okValue == nil { cautions.append(.ownMissing) }
            if isOutlier(value) { cautions.append(.outlier) }
            ranked.append(
                .init(profile: memberProfile, value: value, interval: theirs, gap: gap(at: value), cautions: cautions))
        }
        ranked.sort {
            lowerIsBetter
                ? ($0.value, $0.profile.code) < ($1.value, $1.profile.code)
                : ($0.value, $1.profile.code) > ($1.value, $0.profile.code)
        }

        // Most improved: the document with the most periods (accounts first), from its first to its last period.
        let periods = try self.periods(for: indicator)
        let byKind = Dictionary(grouping: periods, by: \.kind)
        let chosen = byKind.values.filter { $0.count >= 2 }.max {
            ($0.count, $0.first?.kind == .jaarrekening ? 1 : 0) < ($1.count, $1.first?.kind == .jaarrekening ? 1 : 0)
        }
        var improvement: BestPractice.Improvement?
        if let chosen, let first = chosen.first, let last = chosen.last {
            let start = try self.data(indicator, year: first.year, kind: first.kind)
            let end = try self.data(indicator, year: last.year, kind: last.kind)
            let endProfiles = try atlas.profiles(year: end.classificationYear)
            func improver(_ code: String) -> BestPractice.Improver? {
                guard let from = start.observations[code]?.okValue, let to = end.observations[code]?.okValue,
                    let profile = endProfiles[code] ?? profiles[code]
                else { return nil }
                return .init(profile: profile, fromValue: from, toValue: to, gap: nil)
            }
            var entries = members.compactMap(improver)
            // Improvement in the indicator's direction: a relative change, so that large and small spenders compare.
            entries.sort {
                let a = $0.changePercent ?? 0
                let b = $1.changePercent ?? 0
                return lowerIsBetter ? (a, $0.profile.code) < (b, $1.profile.code) : (a, $1.profile.code) > (b, $0.profile.code)
            }
            for index in entries.indices { entries[index].gap = gap(at: entries[index].toValue) }
            var cautions: [BestPractice.Caution] = []
            if first.kind == .begroting { cautions.append(.budget) }
            if let here = indicator.iv3Layout(for: first.year)?.taakvelden,
                let there = indicator.iv3Layout(for: last.year)?.taakvelden, Set(here) != Set(there)
            {
                cautions.append(.definitionChanged(from: first.year, to: last.year))
            }
            improvement = .init(
                from: first, to: last, entries: Array(entries.prefix(top)), own: improver(municipality.code),
                cautions: cautions)
        }
        var memberData = data
        memberData.observations = data.observations.filter { members.contains($0.key) }
        return BestPractice(
            indicator: indicator, year: year, document: data.document, municipality: profile, own: own,
            group: resolved, direction: lowerIsBetter ? .lowerIsBetter : .higherIsBetter, assumed: assumed,
            best: Array(ranked.prefix(top)), improvement: improvement, leftOut: leftOut,
            notes: data.notes + Self.exclusionNotes(memberData, profiles: profiles))
    }
}
