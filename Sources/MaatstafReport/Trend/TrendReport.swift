public import MaatstafCompare
public import MaatstafCore
import MaatstafModel

/// A series over the years written out: per municipality and period the value, the document (budget or accounts),
/// an index against the base year, the change per year, and the national and chosen groups' rates. Text and
/// Markdown for people, CSV for Excel; JSON is `TrendJSON`.
public struct TrendReport: TabularResult, Sendable {
    public let series: IndicatorSeries
    public let locale: ReportLocale

    /// Targets checked against the values shown (`--targets`), each saying which target applies; listed under the
    /// table.
    public var targets: [CheckResult] = []

    public init(_ series: IndicatorSeries, locale: ReportLocale) {
        self.series = series
        self.locale = locale
    }

    private var nl: Bool { locale == .nl }
    private var style: ValueStyle { ValueStyle(indicator: series.indicator, locale: locale) }
    private var format: NumberFormat { NumberFormat(locale: locale) }
    /// Marks a figure that compares two different definitions.
    static let acrossChange = "†"

    public var heading: String {
        let indicator = series.indicator
        return "\(indicator.title.text(locale)) (\(indicator.id)) — \(indicator.unit.text(locale)), "
            + (nl ? "index: \(series.baseYear) = 100" : "index: \(series.baseYear) = 100")
    }

    /// The reference groups other than national, in the order asked, each as its column.
    var groupColumns: [PeerGroup] {
        var seen: [PeerGroup] = []
        for point in series.points {
            for comparison in point.comparisons.values {
                for reference in comparison.references.dropFirst() where !seen.contains(reference.summary.group.group) {
                    seen.append(reference.summary.group.group)
                }
            }
        }
        return seen
    }

    /// `begroting` / `budget`; empty for a CBS indicator.
    func document(_ period: IndicatorPeriod) -> String {
        switch period.kind {
        case .jaarrekening: nl ? "jaarrekening" : "accounts"
        case .begroting: nl ? "begroting" : "budget"
        case nil: ""
        }
    }

    /// `2023 budget` / `begroting 2023`; the year alone for a CBS indicator.
    func periodLabel(_ period: IndicatorPeriod) -> String {
        period.kind.map { NoteWording(locale: locale).document($0, period.year) } ?? String(period.year)
    }

    func indexText(_ change: IndicatorSeries.Change?) -> String {
        guard let change else { return "–" }
        return format.number(change.value, decimals: 1, grouped: false) + (change.acrossDefinitionChange ? Self.acrossChange : "")
    }

    func changeText(_ change: IndicatorSeries.Change?) -> String {
        guard let change else { return "–" }
        return style.difference(change.value) + (change.acrossDefinitionChange ? Self.acrossChange : "")
    }

    public var table: Table {
        let groups = groupColumns
        var columns: [Table.Column] = [
            .init(nl ? "gemeente" : "municipality"), .init(nl ? "jaar" : "year"), .init(nl ? "document" : "document"),
            .init(nl ? "waarde" : "value", .right), .init("index", .right), .init(nl ? "per jaar" : "per year", .right),
            .init(nl ? "Nederland" : "national", .right), .init(nl ? "index NL" : "index NL", .right),
        ]
        columns += groups.map { Table.Column(ReportLabels(locale: locale).groupKind($0), .right) }
        var table = Table(columns: columns)
        let wording = NoteWording(locale: locale)
        for municipality in series.municipalities {
            for point in series.points {
                var row = [municipality.name, String(point.period.year), document(point.period)]
                if let comparison = point.comparisons[municipality.code] {
                    let observation = comparison.observation
                    row.append(observation.status == .ok ? style.value(observation.value) : wording.status(observation.status))
                    row.append(indexText(series.index(municipality.code, at: point)))
                    row.append(changeText(series.changePerYear(municipality.code, at: point)))
                } else {
                    row += [
                        nl ? "geen gemeente in \(point.period.year)" : "not a municipality in \(point.period.year)", "–", "–",
                    ]
                }
                row.append(style.value(point.national.rate))
                row.append(indexText(series.nationalIndex(at: point)))
                for group in groups {
                    let summary = point.comparisons[municipality.code]?.references.first { $0.summary.group.group == group }
                    row.append(summary.map { style.value($0.summary.rate) } ?? "–")
                }
                table.rows.append(row)
            }
        }
        table.notes = CheckReport(targets, locale: locale).lines + notes
        return table
    }

    /// Direction of travel, breaks, who is left out, sources and credit.
    public var notes: [String] {
        var notes: [String] = []
        let wording = NoteWording(locale: locale)
        notes.append(
            nl
                ? "Index: de waarde als deel van die in \(series.baseYear) in hetzelfde document (begroting met begroting, jaarrekening met jaarrekening) × 100. Per jaar: verschil met het vorige punt van hetzelfde document, gedeeld door de jaren ertussen. Begroting en jaarrekening zijn aparte reeksen (gepland tegenover uitgegeven)."
                : "Index: the value as a share of the \(series.baseYear) value in the same document (budget with budget, accounts with accounts) × 100. Per year: the change since the previous point of the same document, divided by the years between. Budgets and accounts are separate series (planned against spent)."
        )
        notes += direction
        // A monthly or quarterly monitor: each municipality's latest figure in the monitor's rhythm.
        let labels = ReportLabels(locale: locale)
        for municipality in series.municipalities {
            guard let monitor = series.monitors[municipality.code] else { continue }
            notes.append(
                labels.monitorLines(
                    municipality.name, monitor, style: ValueStyle(indicator: series.indicator, locale: locale)
                ).joined(separator: " "))
        }
        if !series.withoutLine.isEmpty {
            let periods = series.withoutLine.map { "\($0.year) (\(document($0)))" }.joined(separator: ", ")
            let broader = series.indicator.acrossLayouts
            notes.append(
                nl
                    ? "Geen waarde in \(periods): de Iv3-indeling van die jaren heeft er geen eigen taakveld voor"
                        + (broader.map { "; \($0) loopt wel door die jaren" } ?? "") + "."
                    : "No value in \(periods): the Iv3 layout of those years has no taakveld of its own for it"
                        + (broader.map { "; \($0) does run through those years" } ?? "") + ".")
        }
        for point in series.points where series.definitionChanges(before: point) {
            guard let earlier = series.previous(of: point) else { continue }
            let then = earlier.taakvelden.joined(separator: ", ")
            let now = point.taakvelden.joined(separator: ", ")
            notes.append(
                nl
                    ? "\(Self.acrossChange) De definitie verandert tussen \(earlier.period.year) en \(point.period.year) (\(document(point.period))): \(earlier.period.year) telt \(then), \(point.period.year) telt \(now) (Iv3-indeling). Index en verandering over die grens vergelijken verschillende dingen."
                    : "\(Self.acrossChange) The definition changes between \(earlier.period.year) and \(point.period.year) (\(document(point.period))): \(earlier.period.year) sums \(then), \(point.period.year) sums \(now) (Iv3 layout). An index or change across it compares different things."
            )
        }
        for municipality in series.municipalities {
            let absent = series.points.filter { $0.comparisons[municipality.code] == nil }.map { String($0.period.year) }
            if !absent.isEmpty {
                notes.append(
                    nl
                        ? "\(municipality.name) was geen gemeente in \(Set(absent).sorted().joined(separator: ", ")): daar geen waarde (geen cijfer op andere grenzen)."
                        : "\(municipality.name) was not a municipality in \(Set(absent).sorted().joined(separator: ", ")): no value there (no figure on other boundaries)."
                )
            }
        }
        for point in series.points {
            let label = "\(periodLabel(point.period)) — \(nl ? "Nederland" : "national")"
            if let coverage = wording.groupCoverage(point.national, label: label) { notes.append(coverage) }
        }
        // Own figures: what the Netherlands and the groups rest on, as of the latest period.
        if let latest = series.points.last {
            let summaries =
                [latest.national] + latest.comparisons.values.flatMap { $0.references.dropFirst().map(\.summary) }
            var unique: [GroupSummary] = []
            for summary in summaries where !unique.contains(where: { $0.group.key == summary.group.key }) {
                unique.append(summary)
            }
            let labels = ReportLabels(locale: locale)
            notes += labels.basisNotes(unique, style: ValueStyle(indicator: series.indicator, locale: locale))
                .map { "\(periodLabel(latest.period)): " + $0 }
        }
        var seen: Set<String> = []
        for point in series.points {
            for note in point.notes {
                let text: String
                switch note {
                case .definitionDiffers: continue  // said above, per break
                case .notBooked, .reportedZero:
                    // The note names no year: the period label in front of it does.
                    text = periodLabel(point.period).capitalizedFirst + ": " + wording.note(note)
                default: text = wording.note(note)
                }
                if seen.insert(text).inserted { notes.append(text) }
            }
        }
        for point in series.points {
            for text in point.sources.map(wording.source) where seen.insert(text).inserted { notes.append(text) }
        }
        if let credit = Attribution.credit(for: series.points.flatMap(\.sources)) { notes.append(credit + ".") }
        return notes
    }

    /// Per municipality and document: the latest value against the base year's, beside the country's.
    var direction: [String] {
        var lines: [String] = []
        for municipality in series.municipalities {
            var parts: [String] = []
            for kind in Set(series.points.map(\.period.kind)).sorted(by: { ($0?.rawValue ?? "") < ($1?.rawValue ?? "") }) {
                guard let latest = series.points.last(where: { $0.period.kind == kind && $0.period.year != series.baseYear }),
                    let index = series.index(municipality.code, at: latest)
                else { continue }
                // Without a national figure (own figures with none entered) there is nothing to set beside it.
                let national = series.nationalIndex(at: latest).map {
                    nl ? " (Nederland \(indexText($0)))" : " (national \(indexText($0)))"
                }
                let what = document(latest.period)
                parts.append(
                    "\(what.isEmpty ? "" : what + " ")\(latest.period.year) index \(indexText(index))\(national ?? "")")
            }
            if !parts.isEmpty {
                lines.append(
                    (nl ? "Sinds \(series.baseYear): " : "Since \(series.baseYear): ") + "\(municipality.name) "
                        + parts.joined(separator: "; ") + ".")
            }
        }
        return lines
    }

    public func renderText() -> String {
        heading + "\n\n" + table.renderText()
    }

    public func renderMarkdown() -> String {
        "### " + heading + "\n\n" + table.renderMarkdown()
    }

    public var dataTables: [DataTable] { [dataTable] }
    public var sheetNotes: [String] { notes }
    public func renderJSON() throws -> String { try TrendJSON(series, locale: locale).encoded() }

    /// One row per municipality, period and group, typed for CSV and xlsx.
    public var dataTable: DataTable {
        let value: DataTable.Kind =
            ValueStyle(indicator: series.indicator, locale: locale).isMoney ? .money : .number(decimals: 2)
        var table = DataTable(
            name: locale == .nl ? "Reeks" : "Series",
            columns: [
                .init("indicator"), .init("code"), .init("municipality"), .init("year", .count), .init("document"),
                .init("value", value), .init("status"), .init("index", .number(decimals: 1)),
                .init("index_across_definition_change", .count), .init("change_per_year", value),
                .init("change_across_definition_change", .count), .init("definition_changed", .count),
                .init("reference_kind"), .init("reference_code"), .init("reference"), .init("group_rate", value),
                .init("group_index", .number(decimals: 1)), .init("members", .count), .init("left_out", .count),
                .init("base_year", .count), .init("source"),
            ])
        func flag(_ value: Bool?) -> DataTable.Cell { value.map { .number($0 ? 1 : 0) } ?? .empty }
        for municipality in series.municipalities {
            for point in series.points {
                let comparison = point.comparisons[municipality.code]
                let observation = comparison?.observation
                let index = series.index(municipality.code, at: point)
                let change = series.changePerYear(municipality.code, at: point)
                let source =
                    ([point.sources.first.map(NoteWording(locale: locale).sourceName)]
                    + [Attribution.credit(for: point.sources) ?? (point.sources.isEmpty ? Attribution.cbs : nil)])
                    .compactMap { $0 }.joined(separator: "; ")
                let references: [(GroupSummary, Double?)] =
                    comparison.map { c in
                        c.references.map { reference in
                            let isNational = reference.summary.group.group == .builtIn(.national)
                            return (reference.summary, isNational ? series.nationalIndex(at: point)?.value : nil)
                        }
                    } ?? [(point.national, series.nationalIndex(at: point)?.value)]
                for (summary, groupIndex) in references {
                    let row: [DataTable.Cell] = [
                        .text(series.indicator.id), .text(municipality.code), .text(municipality.name),
                        .whole(point.period.year), .text(point.period.kind?.rawValue ?? ""), .value(observation?.value),
                        .text(observation.map { CompareReport.statusCode($0.status) } ?? "not-a-municipality"),
                        .value(index?.value), flag(index?.acrossDefinitionChange), .value(change?.value),
                        flag(change?.acrossDefinitionChange), flag(series.definitionChanges(before: point)),
                        .text(ReferenceKind.of(summary.group.group)), .text(ReferenceKind.code(of: summary.group) ?? ""),
                        .text(summary.basis == nil ? summary.group.label : ReportLabels(locale: locale).summaryName(summary)),
                        .value(summary.rate), .value(groupIndex),
                        .whole(summary.group.members.count), .whole(summary.missing.count), .whole(series.baseYear),
                        .text(source),
                    ]
                    table.rows.append(row)
                }
            }
        }
        return table
    }
}
