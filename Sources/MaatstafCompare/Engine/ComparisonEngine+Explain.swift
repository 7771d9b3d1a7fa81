public import MaatstafCore
import MaatstafModel

/// What `maatstaf explain` computes: splits of chosen municipalities' figures over a decomposition's factors, with the
/// notes and sources of every indicator read.
public struct ExplainRun: Sendable {
    public var explanations: [Explanation]
    public var notes: [IndicatorNote]
    public var sources: [SourceReference]
    /// The indicators split and multiplied (the decomposition's indicator first).
    public var indicators: [Indicator]
}

extension ComparisonEngine {
    /// The split of each municipality's figure in `year` against each group (`against`), or against its own figure in
    /// `baseYear` when that is given. `kind` chooses the Iv3 document (nil: the accounts when the year has them, else
    /// the budget), and the same document is read for every Iv3 figure and both years: budget and accounts are never
    /// mixed in one split. Throws when the factors do not multiply to the indicator in the data, naming where the
    /// decomposition is defined.
    public func explain(
        _ decomposition: Decomposition, year: Int, kind: Iv3DocumentKind?, municipalities: [Municipality],
        against groups: [PeerGroup], baseYear: Int?, indicator lookup: (String) throws -> Indicator
    ) throws -> ExplainRun {
        let indicator = try lookup(decomposition.indicator)
        let factors = try decomposition.factors.map { try lookup($0.indicator) }
        let here = try explainData(decomposition, indicator: indicator, factors: factors, year: year, kind: kind)
        var notes = here.all.flatMap(\.notes)
        var sources = here.all.flatMap(\.sources)
        let profiles = try atlas.profiles(year: here.indicator.classificationYear)
        var explanations: [Explanation] = []
        if let baseYear, let changed = Self.definitionChange([indicator] + factors, from: baseYear, to: year) {
            // A definition that changed between the years stops the split before anything of the base year is read.
            for municipality in municipalities {
                var explanation = Explanation(
                    decomposition: decomposition, code: municipality.code,
                    name: profiles[municipality.code]?.name ?? municipality.name, year: year,
                    document: here.all.compactMap(\.document).first, baseline: .year(baseYear),
                    multiplier: indicator.multiplier)
                explanation.unavailable = changed
                explanations.append(explanation)
            }
        } else if let baseYear {
            let base = try explainData(
                decomposition, indicator: indicator, factors: factors, year: baseYear, kind: here.indicator.document ?? kind)
            notes += base.all.flatMap(\.notes)
            sources += base.all.flatMap(\.sources)
            for municipality in municipalities {
                explanations.append(
                    change(
                        decomposition, municipality: municipality, name: profiles[municipality.code]?.name,
                        base: base, here: here))
            }
        } else {
            for municipality in municipalities {
                guard let profile = profiles[municipality.code] else {
                    throw CompareError(
                        .municipalityNotAvailable, subject: municipality.name,
                        reason: .en("was not a municipality in \(year)", nl: "was in \(year) geen gemeente"),
                        hint: .en("Choose another year", nl: "Kies een ander jaar"))
                }
                for group in groups {
                    let resolved = try resolver.resolve(group, for: municipality, year: here.indicator.classificationYear)
                    explanations.append(
                        try against(decomposition, municipality: municipality, name: profile.name, group: resolved, data: here))
                }
            }
        }
        var uniqueNotes: [IndicatorNote] = []
        for note in notes where !uniqueNotes.contains(note) { uniqueNotes.append(note) }
        var uniqueSources: [SourceReference] = []
        for source in sources where !uniqueSources.contains(source) { uniqueSources.append(source) }
        return ExplainRun(
            explanations: explanations, notes: uniqueNotes, sources: uniqueSources, indicators: [indicator] + factors)
    }

    /// The indicator and its factors in one year, every Iv3 figure from the same document, checked to multiply.
    struct ExplainData {
        var decomposition: Decomposition
        var indicator: IndicatorData
        var factors: [IndicatorData]
        /// Each national factor's figure: the Netherlands' Σ numerators ÷ Σ denominators × multiplier.
        var national: [Int: Double]
        var all: [IndicatorData] { [indicator] + factors }

        /// The value of factor `index` for a municipality: its own, or the national figure.
        func value(_ index: Int, _ code: String) -> Double? {
            if decomposition.factors[index].national { return national[index] }
            return factors[index].observations[code]?.okValue
        }

        /// The first of the indicator and the factors the municipality has no value for, with the reason.
        func missing(_ code: String) -> (indicator: String, reason: MissingReason)? {
            for data in all {
                if let index = factors.firstIndex(where: { $0.indicator.id == data.indicator.id }),
                    decomposition.factors[index].national
                {
                    if national[index] == nil { return (data.indicator.id, .noData) }
                    continue
                }
                let observation = data.observations[code] ?? Observation(code: code, missing: .noData)
                switch observation.status {
                case .ok: continue
                case .missing(let reason): return (data.indicator.id, reason)
                case .zeroDenominator: return (data.indicator.id, .noDenominator)
                }
            }
            return nil
        }
    }

    func explainData(
        _ decomposition: Decomposition, indicator: Indicator, factors: [Indicator], year: Int, kind: Iv3DocumentKind?
    ) throws -> ExplainData {
        func isIv3(_ indicator: Indicator) -> Bool {
            if case .iv3 = indicator.numerator { return true }
            return false
        }
        let main = try data(indicator, year: year, kind: isIv3(indicator) ? kind : nil)
        let document = main.document ?? kind
        let factorData = try factors.map { try data($0, year: year, kind: isIv3($0) ? document : nil) }
        var national: [Int: Double] = [:]
        for (index, factor) in decomposition.factors.enumerated() where factor.national {
            let data = factorData[index]
            national[index] = Self.pooled(data, over: data.observations.values.filter { $0.status == .ok }.map(\.code))
        }
        let result = ExplainData(decomposition: decomposition, indicator: main, factors: factorData, national: national)
        // The numbers must multiply, for every municipality with all of them (within rounding of doubles).
        for code in main.observations.keys.sorted() {
            guard let value = main.observations[code]?.okValue else { continue }
            let values = decomposition.factors.indices.map { result.value($0, code) }
            guard values.allSatisfy({ $0 != nil }) else { continue }
            let product = values.map { $0! }.reduce(decomposition.scale, *)
            if !Self.close(product, value) {
                throw CompareError(
                    .definitionMismatch, subject: decomposition.origin,
                    reason: .en(
                        "decomposition \(decomposition.id): for \(code) in \(year) the factors multiply to \(product), but \(indicator.id) is \(value)",
                        nl:
                            "ontleding \(decomposition.id): voor \(code) in \(year) vermenigvuldigen de factoren tot \(product), maar \(indicator.id) is \(value)"
                    ),
                    hint: .en(
                        "Correct the factors so that their product is the indicator (docs/explain.md)",
                        nl: "Verbeter de factoren zodat hun product de indicator is (docs/explain.md)"))
            }
        }
        return result
    }

    /// A group's figure over `members` (each with a value): Σ numerators ÷ Σ denominators × multiplier; nil without a
    /// member or a denominator.
    static func pooled(_ data: IndicatorData, over members: [String]) -> Double? {
        var numerator = 0.0
        var denominator = 0.0
        for member in members {
            guard let observation = data.observations[member], observation.status == .ok,
                let top = observation.numerator, let bottom = observation.denominator
            else { return nil }
            numerator += top
            denominator += bottom
        }
        return denominator > 0 ? numerator / denominator * Double(data.indicator.multiplier) : nil
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }

    /// Against a group: its members with the indicator and every factor (never only the municipality; for own figures
    /// at least `GroupSummary.minimumSharers` besides it), each factor's figure over them as Σ numerators ÷ Σ
    /// denominators — so the factors' figures multiply to the group's figure of the indicator over the same members.
    func against(
        _ decomposition: Decomposition, municipality: Municipality, name: String, group: ResolvedPeerGroup,
        data: ExplainData
    ) throws -> Explanation {
        let code = municipality.code
        let members = group.members.filter { data.missing($0) == nil }
        var explanation = Explanation(
            decomposition: decomposition, code: code, name: name, year: data.indicator.year,
            document: data.all.compactMap(\.document).first, baseline: .group(group, members: members.count),
            multiplier: data.indicator.indicator.multiplier)
        if let missing = data.missing(code) {
            explanation.unavailable = .missing(indicator: missing.indicator, year: data.indicator.year, reason: missing.reason)
            return explanation
        }
        let others = members.filter { $0 != code }.count
        let minimum = data.all.contains { $0.indicator.usesOwnFigures } ? GroupSummary.minimumSharers : 1
        guard others >= minimum else {
            explanation.unavailable = .referenceTooSmall(count: others, minimum: minimum)
            return explanation
        }
        func pooled(_ data: IndicatorData) -> Double? { Self.pooled(data, over: members) }
        let starts = decomposition.factors.indices.map { index in
            decomposition.factors[index].national ? data.national[index] : pooled(data.factors[index])
        }
        guard let reference = pooled(data.indicator), starts.allSatisfy({ $0 != nil }) else {
            explanation.unavailable = .referenceTooSmall(count: others, minimum: minimum)
            return explanation
        }
        // Over a group the factors must chain too (numerators and denominators that cancel); else the split would not
        // add up to the group's own figure.
        let product = starts.map { $0! }.reduce(decomposition.scale, *)
        if !Self.close(product, reference) {
            throw CompareError(
                .definitionMismatch, subject: decomposition.origin,
                reason: .en(
                    "decomposition \(decomposition.id): over \(group.label) the factors' figures multiply to \(product), but the group's \(decomposition.indicator) is \(reference): their numerators and denominators do not cancel",
                    nl:
                        "ontleding \(decomposition.id): over \(group.label) vermenigvuldigen de cijfers van de factoren tot \(product), maar \(decomposition.indicator) van de groep is \(reference): hun tellers en noemers vallen niet tegen elkaar weg"
                ),
                hint: .en(
                    "Choose factors whose numerator is the next one's denominator (docs/explain.md)",
                    nl: "Kies factoren waarvan de teller de noemer van de volgende is (docs/explain.md)"))
        }
        let ends = decomposition.factors.indices.map { data.value($0, code)! }
        fill(
            &explanation, starts: starts.map { $0! }, ends: ends, start: reference, end: data.indicator.observations[code]!.value!
        )
        explanation.denominator = data.indicator.observations[code]?.denominator
        return explanation
    }

    /// Over time: the municipality's figure in the base year and now, with the same definition in both.
    func change(
        _ decomposition: Decomposition, municipality: Municipality, name: String?, base: ExplainData, here: ExplainData
    ) -> Explanation {
        let code = municipality.code
        var explanation = Explanation(
            decomposition: decomposition, code: code, name: name ?? municipality.name, year: here.indicator.year,
            document: here.all.compactMap(\.document).first, baseline: .year(base.indicator.year),
            multiplier: here.indicator.indicator.multiplier)
        guard base.indicator.observations[code] != nil else {
            explanation.unavailable = .notInBaseYear(year: base.indicator.year)
            return explanation
        }
        for (data, year) in [(base, base.indicator.year), (here, here.indicator.year)] {
            if let missing = data.missing(code) {
                explanation.unavailable = .missing(indicator: missing.indicator, year: year, reason: missing.reason)
                return explanation
            }
        }
        let starts = decomposition.factors.indices.map { base.value($0, code)! }
        let ends = decomposition.factors.indices.map { here.value($0, code)! }
        fill(
            &explanation, starts: starts, ends: ends, start: base.indicator.observations[code]!.value!,
            end: here.indicator.observations[code]!.value!)
        return explanation
    }

    /// The first indicator whose Iv3 layout sums other taakvelden in the two years: a change of definition, which
    /// would be read as a change in spending.
    static func definitionChange(_ indicators: [Indicator], from baseYear: Int, to year: Int) -> Explanation.Unavailable? {
        for indicator in indicators {
            guard case .iv3 = indicator.numerator else { continue }
            let then = indicator.iv3Layout(for: baseYear)?.taakvelden
            let now = indicator.iv3Layout(for: year)?.taakvelden
            if then != now {
                return .definitionChanged(indicator: indicator.id, baseYear: baseYear, base: then, year: year, now: now)
            }
        }
        return nil
    }

    /// The parts of the difference between `starts` and `ends`.
    private func fill(_ explanation: inout Explanation, starts: [Double], ends: [Double], start: Double, end: Double) {
        let decomposition = explanation.decomposition
        let parts = ShapleySplit.parts(start: starts, end: ends, scale: decomposition.scale)
        explanation.start = start
        explanation.end = end
        explanation.parts = decomposition.factors.indices.map {
            Explanation.Part(factor: decomposition.factors[$0], start: starts[$0], end: ends[$0], part: parts[$0])
        }
    }
}
