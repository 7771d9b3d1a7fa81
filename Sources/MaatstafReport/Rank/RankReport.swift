import Foundation
import MaatstafCompare
import MaatstafModel

/// A league table written out.
public struct RankReport: Sendable {
    public let ranking: Ranking
    public let locale: ReportLocale

    public init(_ ranking: Ranking, locale: ReportLocale) {
        self.ranking = ranking
        self.locale = locale
    }

    public var heading: String {
        let indicator = ranking.data.indicator
        let scope = ranking.group.map { "\($0.group.description): \($0.label)" } ?? "all municipalities"
        let document = ranking.data.sources.first?.table ?? String(ranking.data.year)
        return "\(indicator.title.text(locale)) (\(indicator.id)) — \(document), \(scope), \(indicator.unit.text(locale))"
    }

    public var table: Table {
        let style = ValueStyle(indicator: ranking.data.indicator, locale: locale)
        let format = NumberFormat(locale: locale)
        var table = Table(columns: [.init("rank", .right), .init("code"), .init("municipality"), .init("value", .right),
                                    .init("percentile", .right), .init("population", .right)])
        table.rows = ranking.entries.map {
            [String($0.rank), $0.profile.code, $0.profile.name, style.value($0.observation.value),
             format.number($0.percentile, decimals: 1), format.number(Double($0.profile.population), decimals: 0)]
        }
        var notes = ["Group rate (total ÷ total population): \(style.value(ranking.summary.rate)); average municipality: \(style.value(ranking.summary.distribution?.mean)); median: \(style.value(ranking.summary.distribution?.median))."]
        if !ranking.missing.isEmpty {
            notes.append("No value (left out, never counted as 0): " + ranking.missing.map { "\($0.name) (\($0.reason))" }.joined(separator: ", ") + ".")
        }
        notes += ranking.data.notes
        notes += ranking.data.sources.map { "Source: \($0.table) — \($0.origin)" }
        notes.append(Attribution.cbs + ".")
        table.notes = notes
        return table
    }

    public func renderText() -> String { heading + "\n\n" + table.renderText() }
    public func renderMarkdown() -> String { "### " + heading + "\n\n" + table.renderMarkdown() }

    public func renderJSON() throws -> String {
        struct Entry: Encodable { var rank: Int; var code: String; var name: String; var value: Double?; var percentile: Double; var population: Int }
        struct Document: Encodable {
            var schema = "maatstaf.rank/1"
            var indicator: String
            var year: Int
            var group: String?
            var rate: Double?
            var entries: [Entry]
            var missing: [String]
            var notes: [String]
        }
        let document = Document(indicator: ranking.data.indicator.id, year: ranking.data.year,
                                group: ranking.group.map { "\($0.group.description): \($0.label)" }, rate: ranking.summary.rate,
                                entries: ranking.entries.map { Entry(rank: $0.rank, code: $0.profile.code, name: $0.profile.name,
                                                                     value: $0.observation.value, percentile: $0.percentile,
                                                                     population: $0.profile.population) },
                                missing: ranking.missing.map(\.code), notes: ranking.data.notes + [Attribution.cbs])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
