public import MaatstafCompare
public import MaatstafCore
import MaatstafModel

/// The JSON contract `maatstaf.trend/1` (docs/trend-json.md): a series over the years with, per period, the
/// document, whether the definition changed, the national figure and every chosen municipality's value, index
/// against the base year and change per year. Absent figures are `null`, never left out and never 0.
public struct TrendJSON: Encodable, Sendable {
    public static let schema = "maatstaf.trend/1"

    struct IndicatorInfo: Encodable, Sendable {
        var id: String
        var title: String
        var unit: String
        var valueKind: String
    }
    struct Figure: Encodable, Sendable {
        var value: Nullable<Double>
        /// The two figures compared differ in definition.
        var acrossDefinitionChange: Nullable<Bool>
    }
    struct Group: Encodable, Sendable {
        var kind: String
        var code: Nullable<String>
        var name: String
        var rate: Nullable<Double>
        var members: Int
        var leftOut: Int
    }
    struct Entry: Encodable, Sendable {
        var code: String
        var name: String
        /// `ok`, a reason code as in `maatstaf.compare/3`, or `not-a-municipality` in that year.
        var status: String
        var reason: Nullable<String>
        var value: Nullable<Double>
        var index: Figure
        var changePerYear: Figure
        var groups: [Group]
    }
    struct Source: Encodable, Sendable {
        var table: String
        var origin: String
        var sha256: Nullable<String>
    }
    struct Point: Encodable, Sendable {
        var year: Int
        /// `jaarrekening`, `begroting`, or null for CBS tables.
        var document: Nullable<String>
        var taakvelden: [String]
        var definitionChanged: Bool
        var national: Group
        var nationalIndex: Figure
        var municipalities: [Entry]
        var sources: [Source]
    }

    var schema = TrendJSON.schema
    var indicator: IndicatorInfo
    var baseYear: Int
    /// The year whose municipal boundaries the series is on; null: each year on its own boundaries.
    var boundaries: Nullable<Int>
    var points: [Point]
    var notes: [String]

    public init(_ series: IndicatorSeries, locale: ReportLocale) {
        let indicator = series.indicator
        let wording = NoteWording(locale: locale)
        self.indicator = IndicatorInfo(
            id: indicator.id, title: indicator.title.text(locale), unit: indicator.unit.text(locale),
            valueKind: indicator.valueKind.rawValue)
        baseYear = series.baseYear
        boundaries = Nullable(series.boundaries)
        func group(_ summary: GroupSummary) -> Group {
            Group(
                kind: ReferenceKind.of(summary.group.group), code: Nullable(ReferenceKind.code(of: summary.group)),
                name: summary.group.label, rate: Nullable(summary.rate), members: summary.group.members.count,
                leftOut: summary.missing.count)
        }
        func figure(_ change: IndicatorSeries.Change?) -> Figure {
            Figure(value: Nullable(change?.value), acrossDefinitionChange: Nullable(change?.acrossDefinitionChange))
        }
        points = series.points.map { point in
            Point(
                year: point.period.year, document: Nullable(point.period.kind?.rawValue), taakvelden: point.taakvelden,
                definitionChanged: series.definitionChanges(before: point), national: group(point.national),
                nationalIndex: figure(series.nationalIndex(at: point)),
                municipalities: series.municipalities.map { municipality in
                    guard let comparison = point.comparisons[municipality.code] else {
                        return Entry(
                            code: municipality.code, name: municipality.name, status: "not-a-municipality",
                            reason: Nullable(locale == .nl ? "geen gemeente in dat jaar" : "not a municipality that year"),
                            value: Nullable(nil), index: figure(nil), changePerYear: figure(nil), groups: [])
                    }
                    let observation = comparison.observation
                    return Entry(
                        code: municipality.code, name: municipality.name,
                        status: CompareReport.statusCode(observation.status),
                        reason: Nullable(observation.status == .ok ? nil : wording.status(observation.status)),
                        value: Nullable(observation.okValue),
                        index: figure(series.index(municipality.code, at: point)),
                        changePerYear: figure(series.changePerYear(municipality.code, at: point)),
                        groups: comparison.references.map { group($0.summary) })
                },
                sources: point.sources.map { Source(table: $0.table, origin: $0.origin, sha256: Nullable($0.sha256)) })
        }
        notes = TrendReport(series, locale: locale).notes
    }

    public func encoded() throws -> String {
        try JSONOutput.encode(self)
    }
}
