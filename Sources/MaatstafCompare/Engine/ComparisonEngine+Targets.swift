public import MaatstafCore
import MaatstafModel

extension ComparisonEngine {
    /// `target` checked against the municipality's value in `year` (default: the target's own year). A relative
    /// target resolves in that year: the group's rate then, or the municipality's own value in the base year changed
    /// by the percentage.
    public func evaluate(_ target: Target, indicator: Indicator, year: Int? = nil) throws -> TargetEvaluation {
        let year = year ?? target.year
        guard let municipality = atlas.directory.byCode[target.municipalityCode] else {
            throw CompareError(
                .municipalityNotAvailable, subject: target.municipalityCode,
                reason: .en("is not a known municipality", nl: "is geen bekende gemeente"),
                hint: .en(
                    "Check the targets file (\(target.location))", nl: "Controleer het doelstellingenbestand (\(target.location))"
                ))
        }
        let data = try self.data(indicator, year: year)
        let observation = data.observations[municipality.code] ?? Observation(code: municipality.code, missing: .noData)
        let value = observation.okValue
        var missing: MissingReason?
        if case .missing(let reason) = observation.status { missing = reason }
        var bound: Double? = target.value
        var unresolved: MissingReason?
        switch target.relative {
        case nil: break
        case .group(let kind):
            // Own figures: the national figure the file entered, not the average of the few that have them.
            let group = try resolver.resolve(.builtIn(kind), for: municipality, year: data.classificationYear)
            bound = GroupSummary(group: group, data: data).rate
            if bound == nil { unresolved = .noData }
        case .change(let percent, let from):
            // Budget on budget, accounts on accounts, where the base year has the same document.
            let baseData = try (try? self.data(indicator, year: from, kind: data.document)) ?? self.data(indicator, year: from)
            let base = baseData.observations[municipality.code]
            if let base, base.status == .ok, let baseValue = base.value {
                bound = baseValue * (1 + percent / 100)
            } else {
                bound = nil
                if case .missing(let reason)? = base?.status { unresolved = reason } else { unresolved = .noData }
            }
        }
        let applied = target.resolved(bound ?? 0)
        let status = value.flatMap { actual in bound.map { _ in applied.evaluate(actual) } }
        return TargetEvaluation(
            target: target, applied: applied, municipality: municipality, year: year, value: value,
            missing: value == nil ? (missing ?? .noData) : nil, unresolved: unresolved, status: status)
    }

    /// Where a target sits on a trend panel's path: a number as it is; a relative target as it resolves in its own
    /// year (`evaluate`). A change on a base year for a year the store has no figures of yet (the goal ahead) still
    /// has a bound — the base year's value changed by the percentage, in `document` where the base year has it —
    /// so "−3 % on 2019 by 2026" is drawn before 2026 is there. Nil where it cannot be known: a group's rate in a
    /// year without figures, a base year without a value. Drawing only: whether a value meets it is `evaluate`'s.
    public func pathBound(_ target: Target, indicator: Indicator, document: Iv3DocumentKind?) -> Double? {
        guard let relative = target.relative else { return target.value }
        if let evaluation = try? evaluate(target, indicator: indicator) {
            return evaluation.unresolved == nil ? evaluation.applied.value : nil
        }
        guard case .change(let percent, let from) = relative,
            let base = (try? data(indicator, year: from, kind: document)) ?? (try? data(indicator, year: from)),
            let value = base.observations[target.municipalityCode]?.okValue
        else { return nil }
        return value * (1 + percent / 100)
    }

    /// The target that applies to a value of `year` among a municipality's targets for one indicator: that year's;
    /// else the next one ahead (the goal being worked towards); else the last one before. Nil without targets.
    public static func applicableTarget(_ targets: [Target], year: Int) -> Target? {
        targets.first { $0.year == year }
            ?? targets.filter { $0.year > year }.min { $0.year < $1.year }
            ?? targets.filter { $0.year < year }.max { $0.year < $1.year }
    }
}
