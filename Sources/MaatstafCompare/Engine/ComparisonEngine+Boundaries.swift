public import MaatstafCore
import MaatstafModel

extension ComparisonEngine {
    /// CBS's record of mergers from the store; an error about `subject` that says how to fetch it when there is none.
    public func mergerHistory(for subject: String) throws -> MergerHistory {
        guard let history = try loader.memory.mergerHistory({ try loader.source.mergerHistory() }) else {
            throw CompareError(
                .tableNotFetched, subject: subject,
                reason: .en(
                    "on one year's boundaries needs CBS's record of municipal mergers, which is not in the store",
                    nl:
                        "heeft op de grenzen van één jaar het overzicht van gemeentelijke herindelingen van CBS nodig, en dat staat niet in de opslag"
                ),
                hint: .en("Fetch it once: \(action: .fetchMergers)", nl: "Haal het eenmaal op: \(action: .fetchMergers)"))
        }
        return history
    }

    /// The mergers' record when the store has one; nil otherwise (a message that can name a successor does).
    public func storedMergerHistory() -> MergerHistory? {
        try? loader.memory.mergerHistory({ try loader.source.mergerHistory() })
    }

    /// A municipality that did not exist in `year`: its successor named when the store has CBS's record of mergers,
    /// and for one formed later, what it was formed from.
    func notAMunicipality(_ municipality: Municipality, in year: Int) -> CompareError {
        let history = storedMergerHistory()
        let hint: Advice
        if municipality.isCurrent || municipality.lastYear >= year {
            let formation = history?.formation(of: municipality.code).filter { $0.firstYear > year } ?? []
            if let first = formation.first {
                let names = formation.map(\.name).joined(separator: ", ")
                hint = .en(
                    "It was formed on \(first.day(dutch: false)) from \(names): compare those for \(year), or a trend on later boundaries with \(option: .boundaries)",
                    nl:
                        "Zij is op \(first.day(dutch: true)) ontstaan uit \(names): vergelijk die voor \(year), of een reeks op latere grenzen met \(option: .boundaries)"
                )
            } else {
                hint = .en("Choose another year", nl: "Kies een ander jaar")
            }
        } else if let end = history?.end(of: municipality.code) {
            let names = end.recipients.map(\.name)
            hint = .en(
                "It was dissolved on \(end.day(dutch: false)) into \(names.joined(separator: ", ")); compare \(names.count == 1 ? "that one" : "those")",
                nl:
                    "Zij is op \(end.day(dutch: true)) opgegaan in \(names.joined(separator: ", ")); vergelijk \(names.count == 1 ? "die" : "die gemeenten")"
            )
        } else {
            hint = .en(
                "It was dissolved after \(municipality.lastYear); compare its successor (\(action: .fetchMergers) names it)",
                nl: "Zij is na \(municipality.lastYear) opgeheven; vergelijk haar opvolger (\(action: .fetchMergers) noemt die)")
        }
        return CompareError(
            .municipalityNotAvailable, subject: municipality.name,
            reason: .en("was not a municipality in \(year)", nl: "was in \(year) geen gemeente"), hint: hint)
    }

    /// Checks that a series can be put on `boundaries`: the year is not before the series' last year (figures can be
    /// added up to later boundaries, not divided back to earlier ones), every municipality existed then, and the
    /// indicator's figures add up (an average as reported does not).
    func checkBoundaries(
        _ boundaries: Int, indicator: Indicator, municipalities: [Municipality], lastYear: Int
    ) throws {
        guard boundaries >= lastYear else {
            throw CompareError(
                .yearNotAvailable, subject: indicator.id,
                reason: .en(
                    "cannot be put on the boundaries of \(boundaries), which lies before \(lastYear), the last year of the series: figures can be added up to later boundaries, not divided back to earlier ones",
                    nl:
                        "kan niet op de grenzen van \(boundaries), dat voor \(lastYear) ligt, het laatste jaar van de reeks: cijfers kunnen worden opgeteld naar latere grenzen, niet terug verdeeld naar eerdere"
                ),
                hint: .en(
                    "Choose \(option: .boundaries) \(lastYear) or later, or end the series at \(boundaries)",
                    nl: "Kies \(option: .boundaries) \(lastYear) of later, of laat de reeks eindigen in \(boundaries)"))
        }
        if indicator.denominator == .none {
            throw CompareError(
                .definitionMismatch, subject: indicator.id,
                reason: .en(
                    "is an average as reported, and averages of merged municipalities cannot be added up",
                    nl: "is een gemiddelde zoals opgegeven, en gemiddelden van samengevoegde gemeenten laten zich niet optellen"),
                hint: .en(
                    "Leave out \(option: .boundaries), or choose an indicator with a numerator and a denominator",
                    nl: "Laat \(option: .boundaries) weg, of kies een indicator met een teller en een noemer"))
        }
        for municipality in municipalities where !municipality.isCurrent && municipality.lastYear < boundaries {
            let successor = storedMergerHistory()?.end(of: municipality.code)?.recipients.map(\.name) ?? []
            throw CompareError(
                .municipalityNotAvailable, subject: municipality.name,
                reason: .en(
                    "was no municipality in \(boundaries) (dissolved after \(municipality.lastYear))",
                    nl: "was in \(boundaries) geen gemeente (opgeheven na \(municipality.lastYear))"),
                hint: successor.isEmpty
                    ? .en("Choose the municipality it went into", nl: "Kies de gemeente waarin zij opging")
                    : .en(
                        "Choose \(successor.joined(separator: " or ")), which it went into",
                        nl: "Kies \(successor.joined(separator: " of ")), waarin zij opging"))
        }
    }

    /// One municipality of `boundaries` in an earlier year's data: nil when it is itself in that year (compare it as
    /// usual) or nothing of it existed; else its comparison as the sum of its predecessors, or no value when one of
    /// them was divided. `summaries` collects the group figures, computed from the year's own data.
    func comparisonOnBoundaries(
        _ municipality: Municipality, data: IndicatorData, boundaries: Int, history: MergerHistory,
        against groups: [PeerGroup], summaries: inout [String: GroupSummary]
    ) throws -> (comparison: MunicipalityComparison, note: IndicatorNote?)? {
        let profiles = try atlas.profiles(year: data.classificationYear)
        let composition = history.composition(
            of: municipality.code, in: data.year, boundaries: boundaries, existing: Set(profiles.keys))
        switch composition {
        case .itself, .unknown:
            return nil
        case .divided(let change):
            // Its row and groups are its own in that year when it existed then (Vught in 2019), else those of the
            // first of the divided one's recipients that did.
            let recipients = change.recipients.map(\.code)
            guard let profile = profiles[municipality.code] ?? recipients.compactMap({ profiles[$0] }).first else {
                return nil
            }
            var standIn = profile
            standIn.municipality = municipality
            let observation = Observation(
                code: municipality.code,
                missing: .dividedPredecessor(
                    name: change.name, date: change.date, recipients: change.recipients.map(\.name)))
            let base = try compare(data, municipalities: [profile.municipality], against: groups, summaries: &summaries)
            guard let anchor = base.municipalities.first else { return nil }
            return (
                MunicipalityComparison(
                    profile: standIn, observation: observation, rank: nil, rankedCount: anchor.rankedCount, percentile: nil,
                    z: nil, interval: nil,
                    references: anchor.references.map { ReferenceComparison(summary: $0.summary) }),
                nil
            )
        case .pooled(let parts, _):
            let partProfiles = parts.compactMap { profiles[$0] }
            // The reference groups are those of the largest part in that year.
            guard let largest = partProfiles.max(by: { ($0.population, $1.code) < ($1.population, $0.code) }) else {
                return nil
            }
            let base = try compare(data, municipalities: [largest.municipality], against: groups, summaries: &summaries)
            guard let anchor = base.municipalities.first else { return nil }
            let observations = parts.map { data.observations[$0] ?? Observation(code: $0, missing: .noData) }
            let observation: Observation
            // A part without a figure leaves the sum without one, for the part's reason: never a sum of fewer parts.
            if let reason = observations.lazy.compactMap({ part -> MissingReason? in
                if case .missing(let reason) = part.status { return reason }
                return nil
            }).first {
                observation = Observation(code: municipality.code, missing: reason)
            } else if observations.allSatisfy({ $0.numerator != nil && $0.denominator != nil }) {
                observation = Observation(
                    code: municipality.code, numerator: observations.reduce(0) { $0 + ($1.numerator ?? 0) },
                    denominator: observations.reduce(0) { $0 + ($1.denominator ?? 0) }, multiplier: data.indicator.multiplier)
            } else {
                observation = Observation(code: municipality.code, missing: .noData)
            }
            var profile = largest
            profile.municipality = municipality
            profile.population = partProfiles.reduce(0) { $0 + $1.population }
            var interval: ProportionInterval?
            if data.indicator.hasInterval, observation.status == .ok, let n = observation.numerator,
                let d = observation.denominator
            {
                interval = ProportionInterval(successes: n, trials: d)?.scaled(by: Double(data.indicator.multiplier))
            }
            let references = anchor.references.map {
                Self.reference(
                    observation, summary: $0.summary, multiplier: data.indicator.multiplier, interval: interval,
                    hasGap: data.indicator.denominator != .none)
            }
            let names = partProfiles.map(\.name)
            return (
                MunicipalityComparison(
                    profile: profile, observation: observation, rank: nil, rankedCount: anchor.rankedCount, percentile: nil,
                    z: nil, interval: interval, references: references),
                .onBoundaries(
                    municipality: municipality.name, boundaries: boundaries, year: data.year, parts: names,
                    groupsOf: largest.name, origin: history.origin)
            )
        }
    }
}
