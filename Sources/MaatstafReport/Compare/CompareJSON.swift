import Foundation
public import MaatstafCompare
public import MaatstafCore
import MaatstafModel

/// The JSON contract `maatstaf.compare/3`, documented in docs/compare-json.md. Field names and meanings never change
/// within a schema version; additions get a new version.
public struct CompareJSON: Encodable, Sendable {
    public static let schema = "maatstaf.compare/3"

    struct IndicatorInfo: Encodable {
        var id: String
        var title: String
        var unit: String
        var valueKind: String
    }
    /// Members left out of a group, counted per reason; every reason present, 0 when none.
    struct LeftOut: Encodable {
        var counts: [Exclusion: Int]

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: DynamicKey.self)
            for exclusion in Exclusion.allCases { try c.encode(counts[exclusion] ?? 0, forKey: DynamicKey(exclusion.rawValue)) }
        }
    }
    struct DynamicKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
    struct Interval: Encodable {
        var lower: Double
        var upper: Double
    }
    /// What a reference over own figures rests on (null for open data).
    struct Basis: Encodable {
        /// `entered` | `no-national-figure` | `sharers` | `too-few-sharers`.
        var kind: String
        var source: String?
        var count: Int?
        var minimum: Int?

        init?(_ basis: ReferenceBasis?) {
            switch basis {
            case nil: return nil
            case .entered(let source): (kind, self.source) = ("entered", source)
            case .noNationalFigure: kind = "no-national-figure"
            case .sharers(let count): (kind, self.count, minimum) = ("sharers", count, GroupSummary.minimumSharers)
            case .tooFewSharers(let count):
                (kind, self.count, minimum) = ("too-few-sharers", count, GroupSummary.minimumSharers)
            }
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(source, forKey: .source)
            try c.encode(count, forKey: .count)
            try c.encode(minimum, forKey: .minimum)
        }
        enum CodingKeys: String, CodingKey { case kind, source, count, minimum }
    }
    struct Reference: Encodable {
        var kind: String
        var code: String?
        var name: String
        var value: Double?
        var mean: Double?
        var median: Double?
        var q1: Double?
        var q3: Double?
        var count: Int
        var difference: Double?
        var differencePercent: Double?
        var gap: Double?
        var members: Int
        var leftOut: LeftOut
        var zeros: Int
        var basis: Basis?
        var interval: Interval?

        enum CodingKeys: String, CodingKey {
            case kind, code, name, value, mean, median, q1, q3, count, difference, differencePercent, gap, members, leftOut, zeros
            case basis, interval
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(code, forKey: .code)
            try c.encode(name, forKey: .name)
            try c.encode(value.finite, forKey: .value)
            try c.encode(mean.finite, forKey: .mean)
            try c.encode(median.finite, forKey: .median)
            try c.encode(q1.finite, forKey: .q1)
            try c.encode(q3.finite, forKey: .q3)
            try c.encode(count, forKey: .count)
            try c.encode(difference.finite, forKey: .difference)
            try c.encode(differencePercent.finite, forKey: .differencePercent)
            try c.encode(gap.finite, forKey: .gap)
            try c.encode(members, forKey: .members)
            try c.encode(leftOut, forKey: .leftOut)
            try c.encode(zeros, forKey: .zeros)
            try c.encode(basis, forKey: .basis)
            try c.encode(interval, forKey: .interval)
        }
    }
    struct Entry: Encodable {
        var code: String
        var name: String
        var status: String
        var reason: String?
        var value: Double?
        var numerator: Double?
        var denominator: Double?
        var rank: Int?
        var of: Int
        var percentile: Double?
        var z: Double?
        var interval: Interval?
        var references: [Reference]

        enum CodingKeys: String, CodingKey {
            case code, name, status, reason, value, numerator, denominator, rank, of, percentile, z, interval, references
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(code, forKey: .code)
            try c.encode(name, forKey: .name)
            try c.encode(status, forKey: .status)
            try c.encode(reason, forKey: .reason)
            try c.encode(value.finite, forKey: .value)
            try c.encode(numerator.finite, forKey: .numerator)
            try c.encode(denominator.finite, forKey: .denominator)
            try c.encode(rank, forKey: .rank)
            try c.encode(of, forKey: .of)
            try c.encode(percentile.finite, forKey: .percentile)
            try c.encode(z.finite, forKey: .z)
            try c.encode(interval, forKey: .interval)
            try c.encode(references, forKey: .references)
        }
    }
    struct Missing: Encodable {
        var code: String
        var name: String
        var status: String
        var reason: String
    }
    struct Source: Encodable {
        var table: String
        var year: Int
        var origin: String
        var sha256: String?

        enum CodingKeys: String, CodingKey { case table, year, origin, sha256 }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(table, forKey: .table)
            try c.encode(year, forKey: .year)
            try c.encode(origin, forKey: .origin)
            try c.encode(sha256, forKey: .sha256)
        }
    }

    var schema = CompareJSON.schema
    var indicator: IndicatorInfo
    var year: Int
    var municipalities: [Entry]
    var missing: [Missing]
    var notes: [String]
    var sources: [Source]

    public init(_ comparison: Comparison, locale: ReportLocale) {
        let indicator = comparison.indicator
        let wording = NoteWording(locale: locale)
        self.indicator = IndicatorInfo(
            id: indicator.id, title: indicator.title.text(locale), unit: indicator.unit.text(locale),
            valueKind: indicator.valueKind.rawValue)
        year = comparison.year
        municipalities = comparison.municipalities.map { m in
            Entry(
                code: m.profile.code, name: m.profile.name, status: CompareReport.statusCode(m.observation.status),
                reason: m.observation.status == .ok ? nil : wording.status(m.observation.status),
                value: m.observation.value, numerator: m.observation.numerator, denominator: m.observation.denominator,
                rank: m.rank, of: m.rankedCount, percentile: m.percentile, z: m.z,
                interval: m.interval.map { Interval(lower: $0.lower, upper: $0.upper) },
                references: m.references.map { r in
                    let s = r.summary
                    return Reference(
                        kind: ReferenceKind.of(s.group.group), code: ReferenceKind.code(of: s.group),
                        name: s.group.group == .sharing
                            ? ReportLabels(locale: locale).sharers(s.distribution?.count ?? 0) : s.group.label,
                        value: s.rate, mean: s.distribution?.mean,
                        median: s.distribution?.median, q1: s.distribution?.q1, q3: s.distribution?.q3,
                        count: s.distribution?.count ?? 0, difference: r.difference,
                        differencePercent: r.differencePercent, gap: r.gap, members: s.group.members.count,
                        leftOut: LeftOut(counts: s.excluded.mapValues(\.count)), zeros: s.zeros.count, basis: Basis(s.basis),
                        interval: s.sharersInterval(indicator).map { Interval(lower: $0.lower, upper: $0.upper) })
                })
        }
        missing = comparison.missing.map {
            Missing(code: $0.code, name: $0.name, status: $0.exclusion.rawValue, reason: wording.status($0.status))
        }
        notes = comparison.notes.map(wording.note) + [Attribution.credit(for: comparison.data.sources)].compactMap { $0 }
        sources = comparison.data.sources.map { Source(table: $0.table, year: $0.year, origin: $0.origin, sha256: $0.sha256) }
    }

    /// Written the one way maatstaf writes JSON (`JSONOutput`); optional values as `null`, never left out.
    public func encoded() throws -> String {
        try JSONOutput.encode(self)
    }
}

extension Optional where Wrapped == Double {
    /// `null` for a value that is not finite: JSON has no infinity, and no output of maatstaf shows one.
    var finite: Double? { flatMap { $0.isFinite ? $0 : nil } }
}
