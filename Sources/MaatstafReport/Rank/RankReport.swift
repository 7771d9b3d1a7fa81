import Foundation
public import MaatstafCompare
public import MaatstafCore
import MaatstafModel

/// A league table written out.
public struct RankReport: TabularResult, Sendable {
    public let ranking: Ranking
    public let locale: ReportLocale

    /// Targets checked against the values shown (`--targets`), each saying which target applies; listed under the
    /// table.
    public var targets: [CheckResult] = []

    public init(_ ranking: Ranking, locale: ReportLocale) {
        self.ranking = ranking
        self.locale = locale
    }

    public var heading: String {
        let indicator = ranking.data.indicator
        let scope =
            ranking.group.map { ReportLabels(locale: locale).groupName($0) }
            ?? (locale == .nl ? "alle gemeenten" : "all municipalities")
        // An Iv3 document in the reader's words ("Iv3 2025 budget"); a CBS table by its source's name.
        let document =
            ranking.data.document.map { "Iv3 " + NoteWording(locale: locale).document($0, ranking.data.year) }
            ?? ranking.data.sources.first.map(NoteWording(locale: locale).sourceName) ?? String(ranking.data.year)
        return "\(indicator.title.text(locale)) (\(indicator.id)) — \(document), \(scope), \(indicator.unit.text(locale))"
    }

    public var table: Table {
        let style = ValueStyle(indicator: ranking.data.indicator, locale: locale)
        let format = NumberFormat(locale: locale)
        let nl = locale == .nl
        let wording = NoteWording(locale: locale)
        var table = Table(columns: [
            .init(nl ? "rang" : "rank", .right), .init("code"), .init(nl ? "gemeente" : "municipality"),
            .init(nl ? "waarde" : "value", .right), .init(nl ? "percentiel" : "percentile", .right),
            .init(nl ? "inwoners" : "population", .right),
        ])
        table.rows = ranking.entries.map {
            [
                String($0.rank), $0.profile.code, $0.profile.name, style.value($0.observation.value),
                format.number($0.percentile, decimals: 1), format.number(Double($0.profile.population), decimals: 0),
            ]
        }
        let rate = style.value(ranking.summary.rate)
        let mean = style.value(ranking.summary.distribution?.mean)
        let median = style.value(ranking.summary.distribution?.median)
        let labels = ReportLabels(locale: locale)
        // Own figures: what the group's figure is (an entered national figure, none, too few sharers) instead.
        var notes =
            ranking.summary.basis == nil
            ? [
                nl
                    ? "Groepscijfer (totaal ÷ totale noemer): \(rate); gemiddelde gemeente: \(mean); mediaan: \(median)."
                    : "Group rate (total ÷ total denominator): \(rate); average municipality: \(mean); median: \(median)."
            ] : []
        notes += labels.basisNotes([ranking.summary], style: style)
        if ranking.summary.basis == nil,
            let coverage = wording.groupCoverage(
                ranking.summary, label: ranking.group?.label ?? (nl ? "Alle gemeenten" : "All municipalities"))
        {
            notes.append(coverage)
        }
        // Municipalities without an imported own figure are most of the country: counted, not listed.
        let withoutOwn = ranking.missing.filter {
            if case .missing(.noOwnFigure) = $0.status { return true } else { return false }
        }
        if !withoutOwn.isEmpty {
            notes.append(
                nl
                    ? "\(withoutOwn.count) gemeente(n) hebben geen eigen cijfer voor deze periode; zij tellen niet mee."
                    : "\(withoutOwn.count) municipalities have no own figure for this period; they are left out.")
        }
        let others = ranking.missing.filter {
            if case .missing(.noOwnFigure) = $0.status { return false }
            return $0.exclusion != .noDelivery && $0.exclusion != .notBooked
        }
        if !others.isEmpty {
            notes.append(
                (nl ? "Geen waarde (niet meegeteld, nooit als 0): " : "No value (left out, never counted as 0): ")
                    + others.map { "\($0.name) (\(wording.status($0.status)))" }.joined(separator: ", ") + ".")
        }
        notes += ranking.notes.map(wording.note)
        notes += ranking.data.sources.map(wording.source)
        if let credit = Attribution.credit(for: ranking.data.sources) { notes.append(credit + ".") }
        table.notes = CheckReport(targets, locale: locale).lines + notes
        return table
    }

    public var dataTables: [DataTable] { [dataTable] }
    public var sheetNotes: [String] { [heading] + table.notes }

    /// The league table, typed for CSV and xlsx, headers in the reader's language; every row says which document
    /// (budget or accounts) its figure comes from, so a row copied elsewhere still says it.
    public var dataTable: DataTable {
        let style = ValueStyle(indicator: ranking.data.indicator, locale: locale)
        let unit = ranking.data.indicator.unit.text(locale)
        let nl = locale == .nl
        func name(_ en: String, _ dutch: String) -> String { nl ? dutch : en }
        let wording = NoteWording(locale: locale)
        let document =
            ranking.data.document.map { wording.document($0, ranking.data.year) }
            ?? ranking.data.sources.first.map(wording.sourceName) ?? ""
        var table = DataTable(
            name: name("Ranking", "Rangorde"),
            columns: [
                .init(name("rank", "rang"), .count), .init("code"), .init(name("municipality", "gemeente")),
                .init(name("document", "stuk")),
                .init(name("value", "waarde") + " (\(unit))", style.isMoney ? .money : .number(decimals: 2)),
                .init(name("percentile", "percentiel"), .number(decimals: 1)),
                .init(name("population", "inwoners"), .count),
            ])
        table.rows = ranking.entries.map { entry -> [DataTable.Cell] in
            [
                .whole(entry.rank), .text(entry.profile.code), .text(entry.profile.name), .text(document),
                .value(entry.observation.value), .value(entry.percentile), .whole(entry.profile.population),
            ]
        }
        return table
    }

    public func renderText() -> String { heading + "\n\n" + table.renderText() }
    public func renderMarkdown() -> String { "### " + heading + "\n\n" + table.renderMarkdown() }

    public func renderJSON() throws -> String {
        struct Entry: Encodable {
            var rank: Int
            var code: String
            var name: String
            var value: Double?
            var percentile: Double
            var population: Int
        }
        struct Document: Encodable {
            var schema = "maatstaf.rank/2"
            var indicator: String
            var year: Int
            var group: String?
            var rate: Double?
            var entries: [Entry]
            var missing: [String]
            /// Who is left out, by reason code (`no-delivery`, `not-booked`, …).
            var leftOut: [String: [String]]
            var notes: [String]
        }
        let wording = NoteWording(locale: locale)
        let document = Document(
            indicator: ranking.data.indicator.id, year: ranking.data.year,
            group: ranking.group.map { "\($0.group.description): \($0.label)" }, rate: ranking.summary.rate,
            entries: ranking.entries.map {
                Entry(
                    rank: $0.rank, code: $0.profile.code, name: $0.profile.name,
                    value: $0.observation.value, percentile: $0.percentile,
                    population: $0.profile.population)
            },
            missing: ranking.missing.map(\.code),
            leftOut: Dictionary(grouping: ranking.missing, by: \.exclusion.rawValue).mapValues { $0.map(\.code) },
            notes: ranking.notes.map(wording.note) + [Attribution.credit(for: ranking.data.sources)].compactMap { $0 })
        return try JSONOutput.encode(document)
    }
}
