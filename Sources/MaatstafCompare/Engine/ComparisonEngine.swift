public import MaatstafCore
public import MaatstafModel

/// Computes comparisons: an indicator for chosen municipalities against their reference groups.
public struct ComparisonEngine: Sendable {
    public let atlas: MunicipalityAtlas
    public internal(set) var resolver: PeerGroupResolver
    let loader: ObservationLoader

    /// `iv3Source`: which copy of an Iv3 document is read when the snapshot and a fetched CBS table both hold it.
    /// `circulaire`: the municipal fund's circulaire for its own year instead of the May circular of the year before.
    public init(
        source: any ObservationSource, atlas: MunicipalityAtlas, regions: UserRegionCatalog?,
        iv3Source: Iv3SourcePreference = .fetched, circulaire: String? = nil
    ) {
        self.atlas = atlas
        self.resolver = PeerGroupResolver(atlas: atlas, regions: regions)
        var loader = ObservationLoader(source: source, atlas: atlas)
        loader.preference = iv3Source
        loader.chosenCirculaire = circulaire
        self.loader = loader
    }

    /// The periods of the Iv3 documents in the store in which the indicator has no value because the year's layout
    /// has no line of its own for it (`"2017": []`): a series, a listing or an export says so instead of skipping them.
    public func periodsWithoutLine(for indicator: Indicator) throws -> [IndicatorPeriod] {
        guard case .iv3 = indicator.numerator else { return [] }
        let documents = try loader.memory.iv3Documents { try loader.source.iv3Documents() }
        return Set(
            documents.filter { indicator.iv3LayoutCovering($0.year)?.taakvelden.isEmpty == true }
                .map { IndicatorPeriod(year: $0.year, kind: $0.kind) }
        ).sorted()
    }

    /// The years with data for an indicator: Iv3 years where its layout is defined, or the years of its CBS table.
    public func years(for indicator: Indicator) throws -> [Int] {
        switch indicator.numerator {
        case .iv3:
            let iv3Years = Set(try loader.memory.iv3Documents { try loader.source.iv3Documents() }.map(\.year))
            var years = atlas.years.filter { iv3Years.contains($0) && indicator.iv3Layout(for: $0) != nil }
            // Divided by a CBS table: only the years that table has too.
            for table in Set(CBSFetchAdvice.parts(of: indicator).map(\.table)) {
                let stored = Set(try loader.cbsTableYears(table)?.years ?? [])
                years = years.filter { stored.contains($0) }
            }
            // Divided by the fund: only the years whose circulaire is in the store.
            if case .fund = indicator.denominator {
                years = try years.filter { try loader.fundCirculaire(loader.circulaireID(for: $0).id) != nil }
            }
            return years
        case .fund, .fundNeed:
            // The years whose circulaire (the May circular of the year before) is in the store.
            let years = (atlas.years.first ?? 2023)...((atlas.years.last ?? 2025) + 1)
            return try years.filter { try loader.fundCirculaire(loader.circulaireID(for: $0).id) != nil }
        case .cbs:
            // Years every table of the indicator has; none while one of them is not fetched.
            var common: Set<Int>?
            for table in Set(CBSFetchAdvice.parts(of: indicator).map(\.table)) {
                let years = Set(try loader.cbsTableYears(table)?.years ?? [])
                common = common.map { $0.intersection(years) } ?? years
            }
            return (common ?? []).sorted()
        case .own(let measure):
            // The years with the measure in the period the indicator compares (and its denominator's too).
            var years = Set(
                try loader.source.ownFigures(measure: measure, period: nil).map(\.period)
                    .filter { $0 == loader.ownPeriod(indicator, year: $0.year) }.map(\.year))
            if case .own(let other) = indicator.denominator {
                let theirs = Set(
                    try loader.source.ownFigures(measure: other, period: nil).map(\.period)
                        .filter { $0 == loader.ownPeriod(indicator, year: $0.year) }.map(\.year))
                years.formIntersection(theirs)
            }
            return years.sorted()
        }
    }

    /// The CBS tables the indicator reads that are not in the store, in the order it names them; empty for Iv3.
    public func missingTables(for indicator: Indicator) throws -> [String] {
        try loader.missingTables(for: indicator)
    }

    /// What brings the missing tables in, asking only for what the indicator sums (its topics, its `where:` codes
    /// and `year`, when given) from tables with extra dimensions.
    public func fetchRequests(for indicator: Indicator, year: Int?) throws -> [FetchRequest] {
        CBSFetchAdvice.requests(for: indicator, tables: try missingTables(for: indicator), years: fetchYears(year))
    }

    /// An error naming every missing table and the commands to run; nil when all are in the store.
    public func notFetchedError(_ indicator: Indicator, year: Int?) throws -> CompareError? {
        let missing = try missingTables(for: indicator)
        return missing.isEmpty ? nil : CBSFetchAdvice.notFetched(indicator, missing: missing, years: fetchYears(year))
    }

    /// The year asked for; without one, the five years up to the latest the snapshot classifies municipalities for
    /// (a filtered fetch replaces the stored part, so it is better to ask for a span once).
    private func fetchYears(_ year: Int?) -> ClosedRange<Int> {
        if let year { return year...year }
        let latest = atlas.years.last ?? 2024
        return (latest - 4)...latest
    }

    /// Every year (and, for Iv3, every document of a year) with data for the indicator, oldest first: what a
    /// series over the years shows.
    public func periods(for indicator: Indicator) throws -> [IndicatorPeriod] {
        let years = try self.years(for: indicator)
        guard case .iv3 = indicator.numerator else { return years.map { IndicatorPeriod(year: $0, kind: nil) } }
        let documents = try loader.memory.iv3Documents { try loader.source.iv3Documents() }
        // A document in the snapshot and in a fetched table is one period.
        return Set(
            documents.filter { years.contains($0.year) }.map { IndicatorPeriod(year: $0.year, kind: $0.kind) }
        ).sorted()
    }

    /// The indicator for every municipality of the year; `kind` chooses the Iv3 document (nil: the accounts when
    /// the year has them, else the budget).
    public func data(_ indicator: Indicator, year: Int, kind: Iv3DocumentKind? = nil) throws -> IndicatorData {
        try loader.load(indicator, year: year, kind: kind)
    }

    public func compare(
        _ indicator: Indicator, year: Int, kind: Iv3DocumentKind? = nil, municipalities: [Municipality],
        against groups: [PeerGroup]
    ) throws -> Comparison {
        let data = try data(indicator, year: year, kind: kind)
        var comparison = try compare(data, municipalities: municipalities, against: groups)
        // A monitor: each municipality's figure in the monitor's rhythm, as of the period compared.
        if let period = indicator.ownPeriod?.period(in: year), period.kind != .year {
            for municipality in municipalities {
                let series = try ownSeries(indicator, municipality: municipality).filter { $0.period <= period }
                comparison.monitors[municipality.code] = OwnMonitor(series: series, accumulation: indicator.accumulation)
            }
        }
        return comparison
    }

    /// Compares using already loaded data (the benchmark reuses one load for many municipalities).
    public func compare(
        _ data: IndicatorData, municipalities: [Municipality], against groups: [PeerGroup],
        summaries cache: inout [String: GroupSummary]
    ) throws -> Comparison {
        let year = data.year
        // Own figures are compared with the municipalities that shared them; other indicators have no such group.
        let groups = PeerGroup.forIndicator(groups, data.indicator)
        let profiles = try atlas.profiles(year: data.classificationYear)
        let ranks = Ranks(data: data)
        // Built-in groups are found by position (an array read) rather than by code; other groups, and a
        // municipality the index does not know, go through the resolver, which also gives its errors.
        // The index's arrays are taken out once: reading them through the optional index copied it per reference.
        let index = resolver.builtInIndex(year: data.classificationYear)
        let positions = index?.position ?? [:]
        let slots = index?.slot ?? []
        let indexGroups = index?.groups ?? []
        let indexMembers = index?.members ?? []
        let indexProfiles = index?.profiles ?? []
        let indexCodes = index?.codes ?? []
        let kinds = groups.map { group -> Int? in
            guard case .builtIn(let kind) = group else { return nil }
            return PeerGroupKind.allCases.firstIndex(of: kind)
        }
        // A municipality without a jeugdregio goes through the resolver, which says so.
        let needsCode = groups.map { $0 == .builtIn(.youthCareRegion) }
        // Every municipality's numbers by position, made when the first group's figures are: a comparison of one
        // municipality whose groups were computed by an earlier call (a series) needs none of it.
        var members: [GroupSummary.Member] = []
        // The observations by position, looked up once with `members`: the municipalities after the first then take
        // theirs from here instead of hashing their code again (comparing everyone hashed every code three times).
        var byPosition: [Observation?] = []
        var bySlot = kinds.map { kind in kind.map { [GroupSummary?](repeating: nil, count: indexGroups[$0].count) } ?? [] }
        var results: [MunicipalityComparison] = []
        results.reserveCapacity(municipalities.count)
        for municipality in municipalities {
            let position = positions[municipality.code]
            guard let profile = position.map({ indexProfiles[$0] }) ?? profiles[municipality.code] else {
                throw notAMunicipality(municipality, in: year)
            }
            let known = position.flatMap { byPosition.isEmpty ? nil : byPosition[$0] }
            let observation =
                known ?? data.observations[municipality.code] ?? Observation(code: municipality.code, missing: .noData)
            var interval: ProportionInterval?
            if data.indicator.hasInterval, observation.status == .ok, let n = observation.numerator,
                let d = observation.denominator
            {
                interval = ProportionInterval(successes: n, trials: d)?.scaled(by: Double(data.indicator.multiplier))
            }
            var references: [ReferenceComparison] = []
            references.reserveCapacity(groups.count)
            for (number, group) in groups.enumerated() {
                let summary: GroupSummary
                if let position, let kind = kinds[number],
                    !needsCode[number] || indexGroups[kind][slots[kind][position]].code != nil
                {
                    let slot = slots[kind][position]
                    if let known = bySlot[number][slot] {
                        summary = known
                    } else {
                        let resolved = indexGroups[kind][slot]
                        if let cached = cache[resolved.key] {
                            summary = cached
                        } else {
                            if members.isEmpty {
                                byPosition = indexCodes.map { data.observations[$0] }
                                members = byPosition.map { GroupSummary.Member($0) }
                            }
                            let memberPositions = indexMembers[kind][slot]
                            summary = GroupSummary(group: resolved, multiplier: data.indicator.multiplier) {
                                members[memberPositions[$0]]
                            }.ownFigureRule(data)
                            cache[resolved.key] = summary
                        }
                        bySlot[number][slot] = summary
                    }
                } else {
                    let resolved = try resolver.resolve(group, for: municipality, year: data.classificationYear)
                    if let cached = cache[resolved.key] {
                        summary = cached
                    } else {
                        summary = GroupSummary(group: resolved, data: data)
                        cache[resolved.key] = summary
                    }
                }
                references.append(
                    Self.reference(
                        observation, summary: summary, multiplier: data.indicator.multiplier, interval: interval,
                        hasGap: data.indicator.denominator != .none))
            }
            let rank = ranks.rank(of: observation)
            results.append(
                MunicipalityComparison(
                    profile: profile, observation: observation, rank: rank?.rank, rankedCount: ranks.count,
                    percentile: rank?.percentile, z: ranks.z(of: observation), interval: interval, references: references))
        }
        var notes = data.notes + Self.exclusionNotes(data, profiles: profiles)
        let zeros = results.filter { $0.observation.status == .ok && $0.observation.value == 0 }
        if case .iv3 = data.indicator.numerator, !zeros.isEmpty {
            notes.append(.reportedZero(names: zeros.map(\.profile.name)))
        }
        // Named for the groups a reader looks at: a comparison of every municipality (export-all, the benchmark) shows
        // no notes per group, and would spend more on finding them than on the comparison itself.
        if results.count <= Self.outlierNoteLimit { notes += groupOutliers(results, data: data) }
        if results.contains(where: { $0.observation.status != .ok }) { notes.append(.missingIsNotZero) }
        return Comparison(data: data, municipalities: results, missing: missingList(data, profiles: profiles), notes: notes)
    }

    /// The most municipalities a comparison names the members far outside their groups for: the dashboard's 25.
    static let outlierNoteLimit = 25

    /// The members far outside their group (`RobustOutliers`), per reference group the comparison uses — except the
    /// Netherlands, whose figure one municipality hardly moves, and the sharers of an own figure — in the order the
    /// groups first appear. Renkum's €3.34 for household help (the rest booked elsewhere) in Arnhem/Nijmegen's figure
    /// is the case in point.
    func groupOutliers(_ results: [MunicipalityComparison], data: IndicatorData) -> [IndicatorNote] {
        var seen: Set<String> = []
        var notes: [IndicatorNote] = []
        for reference in results.lazy.flatMap(\.references) {
            let group = reference.summary.group
            guard group.group != .builtIn(.national), group.group != .sharing, seen.insert(group.key).inserted else { continue }
            let values = Dictionary(
                group.members.compactMap { code in data.observations[code]?.okValue.map { (code, $0) } },
                uniquingKeysWith: { first, _ in first })
            guard let outliers = RobustOutliers(values), !outliers.flagged.isEmpty else { continue }
            notes.append(
                .groupOutliers(
                    group: group,
                    names: outliers.flagged.map { atlas.directory.byCode[$0.code]?.name ?? $0.code }, flags: outliers.flagged))
        }
        return notes
    }

    public func compare(_ data: IndicatorData, municipalities: [Municipality], against groups: [PeerGroup]) throws -> Comparison {
        var cache: [String: GroupSummary] = [:]
        return try compare(data, municipalities: municipalities, against: groups, summaries: &cache)
    }

    /// The league table of a group (all municipalities when `group` is nil), highest first.
    public func rank(
        _ indicator: Indicator, year: Int, kind: Iv3DocumentKind? = nil, within group: PeerGroup?, anchor: Municipality?
    ) throws -> Ranking {
        let data = try data(indicator, year: year, kind: kind)
        let profiles = try atlas.profiles(year: data.classificationYear)
        let resolved: ResolvedPeerGroup?
        if let group, case .builtIn(.national) = group {
            resolved = nil
        } else if let group {
            if let unknown = resolver.unknownRegion(group) { throw unknown }
            guard let anchor = anchor ?? Self.anyMember(of: group, resolver: resolver) else {
                throw CompareError(
                    .municipalityNotAvailable, subject: group.description,
                    reason: .en("depends on a municipality", nl: "hangt af van een gemeente"),
                    hint: .en(
                        "Add the municipality: \(action: .rankWithin(group: group.description, adding: "Westervoort"))",
                        nl: "Voeg de gemeente toe: \(action: .rankWithin(group: group.description, adding: "Westervoort"))"))
            }
            resolved = try resolver.resolve(group, for: anchor, year: data.classificationYear)
        } else {
            resolved = nil
        }
        var members = resolved?.members ?? profiles.keys.sorted()
        // A municipality's neighbours are ranked with it: the group is defined around it but leaves it out.
        if group == .peers, let anchor, !members.contains(anchor.code) { members = (members + [anchor.code]).sorted() }
        let national = ResolvedPeerGroup.national(members: profiles.keys.sorted())
        let summary = GroupSummary(group: resolved ?? national, data: data)
        var memberData = data
        memberData.observations = data.observations.filter { members.contains($0.key) }
        let ranks = Ranks(data: memberData)
        let entries = members.compactMap { code -> RankingEntry? in
            guard let observation = memberData.observations[code], let rank = ranks.rank(of: observation),
                let profile = profiles[code]
            else { return nil }
            return RankingEntry(rank: rank.rank, profile: profile, observation: observation, percentile: rank.percentile)
        }.sorted { ($0.rank, $0.profile.name) < ($1.rank, $1.profile.name) }
        return Ranking(
            data: data, group: resolved, entries: entries, summary: summary,
            missing: missingList(memberData, profiles: profiles),
            notes: data.notes + Self.exclusionNotes(memberData, profiles: profiles))
    }

    /// The municipalities left out because they delivered nothing or book nothing on the indicator's lines, by name:
    /// the two reasons a reader would otherwise mistake for a real figure.
    static func exclusionNotes(_ data: IndicatorData, profiles: [String: MunicipalityProfile]) -> [IndicatorNote] {
        var undelivered: [String] = []
        var notBooked: [String] = []
        var delivery: (Iv3DocumentKind, Int)?
        var booking: ([String], String?)?
        for observation in data.observations.values {
            guard case .missing(let reason) = observation.status else { continue }
            let name = profiles[observation.code]?.name ?? observation.code
            switch reason {
            case .noDelivery(let kind, let year):
                undelivered.append(name)
                delivery = (kind, year)
            case .notBooked(let taakvelden, let broader):
                notBooked.append(name)
                booking = (taakvelden, broader)
            default: break
            }
        }
        var notes: [IndicatorNote] = []
        if let (kind, year) = delivery { notes.append(.noDelivery(names: undelivered.sorted(), kind: kind, year: year)) }
        if let (taakvelden, broader) = booking {
            notes.append(.notBooked(names: notBooked.sorted(), taakvelden: taakvelden, broader: broader))
        }
        return notes
    }

    /// User regions do not depend on the municipality: any member anchors them.
    static func anyMember(of group: PeerGroup, resolver: PeerGroupResolver) -> Municipality? {
        guard case .userRegion(let id) = group, let code = resolver.regions?.region(id: id)?.members.first else { return nil }
        return resolver.atlas.directory.byCode[code]
    }

    private func missingList(_ data: IndicatorData, profiles: [String: MunicipalityProfile]) -> [MissingMunicipality] {
        data.observations.values.compactMap { observation in
            guard observation.status != .ok else { return nil }
            return MissingMunicipality(
                code: observation.code, name: profiles[observation.code]?.name ?? observation.code,
                status: observation.status)
        }.sorted { $0.name < $1.name }
    }

    static func reference(
        _ observation: Observation, summary: GroupSummary, multiplier: Int,
        interval: ProportionInterval?, hasGap: Bool = true
    ) -> ReferenceComparison {
        var result = ReferenceComparison(summary: summary)
        guard let value = observation.value, let rate = summary.rate else { return result }
        let difference = value - rate
        result.difference = difference
        result.differencePercent = rate == 0 ? nil : difference / rate * 100
        // A reported average (no denominator) has no count to multiply a difference by: no gap.
        if hasGap, let denominator = observation.denominator {
            result.gap = difference * denominator / Double(multiplier)
        }
        result.statisticallyClear = interval.map { !$0.contains(rate) }
        return result
    }
}

/// Ranks, percentiles and z-scores among the municipalities with a value.
struct Ranks {
    /// Descending.
    private let sorted: [Double]
    private let distribution: Distribution?

    init(data: IndicatorData) {
        var values: [Double] = []
        values.reserveCapacity(data.observations.count)
        for observation in data.observations.values where observation.status == .ok {
            if let value = observation.value { values.append(value) }
        }
        // One sort serves both: the distribution takes the ascending order, the ranks read it backwards.
        values.sort()
        distribution = Distribution(ascending: values)
        sorted = values.reversed()
    }

    var count: Int { sorted.count }

    /// Competition ranking (1, 2, 2, 4): ties share the best rank. Percentile: share below, ties counted half.
    func rank(of observation: Observation) -> (rank: Int, percentile: Double)? {
        guard observation.status == .ok, let value = observation.value else { return nil }
        // Binary searches in the descending values: ranking every municipality is then n log n, not n².
        let higher = firstIndex { $0 <= value }
        let equal = firstIndex { $0 < value } - higher
        let lower = sorted.count - higher - equal
        return (higher + 1, (Double(lower) + Double(equal) / 2) / Double(sorted.count) * 100)
    }

    /// The first position whose value satisfies `predicate`, which holds from some position on in `sorted`
    /// (descending); `sorted.count` when it holds nowhere.
    private func firstIndex(where predicate: (Double) -> Bool) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if predicate(sorted[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    func z(of observation: Observation) -> Double? {
        guard observation.status == .ok, let value = observation.value, let distribution,
            let deviation = distribution.standardDeviation, deviation > 0
        else { return nil }
        return (value - distribution.mean) / deviation
    }
}
