public import MaatstafCompare
public import MaatstafCore
import MaatstafModel

/// A comparison written out for people (text, Markdown), for Excel (CSV) and for programs (JSON).
public struct CompareReport: TabularResult, Sendable {
    public let comparison: Comparison
    public let locale: ReportLocale

    /// Targets checked against the values shown (`--targets`), each saying which target applies; listed under the
    /// table.
    public var targets: [CheckResult] = []

    /// CSV: one table, in the layout asked for (`--layout`); the long one unless told.
    public var layout: TableLayout = .long

    public init(_ comparison: Comparison, locale: ReportLocale) {
        self.comparison = comparison
        self.locale = locale
    }

    var style: ValueStyle { ValueStyle(indicator: comparison.indicator, locale: locale) }

    /// The heading: indicator, year and source document, unit.
    public var heading: String {
        let indicator = comparison.indicator
        // An Iv3 document in the reader's words ("Iv3 2025 budget"); a CBS table by its source's name.
        let document =
            comparison.data.document.map { "Iv3 " + NoteWording(locale: locale).document($0, comparison.data.year) }
            ?? comparison.data.sources.first.map(NoteWording(locale: locale).sourceName) ?? String(comparison.data.year)
        return "\(indicator.title.text(locale)) (\(indicator.id)) — \(document), \(indicator.unit.text(locale))"
    }

    /// One row per municipality and reference group.
    public var table: Table {
        let format = NumberFormat(locale: locale)
        let nl = locale == .nl
        var table = Table(columns: [
            .init(nl ? "gemeente" : "municipality"), .init(nl ? "waarde" : "value", .right), .init(nl ? "rang" : "rank", .right),
            .init(nl ? "referentie" : "reference"), .init(nl ? "groepscijfer" : "group rate", .right),
            .init(nl ? "gem. gemeente" : "avg municipality", .right), .init(nl ? "mediaan" : "median", .right),
            .init("Q1–Q3", .right),
            .init("n", .right), .init(nl ? "verschil" : "difference", .right), .init("%", .right),
            .init(nl ? "gat" : "gap", .right),
        ])
        for municipality in comparison.municipalities {
            let rank = municipality.rank.map { "\($0)/\(municipality.rankedCount)" } ?? "–"
            let value =
                municipality.observation.status == .ok
                ? style.value(municipality.observation.value) : Self.statusText(municipality.observation.status, nl: nl)
            for (index, reference) in municipality.references.enumerated() {
                let summary = reference.summary
                let group = ReportLabels(locale: locale).summaryName(summary)
                let quartiles = summary.distribution.map { "\(style.value($0.q1))–\(style.value($0.q3))" } ?? "–"
                var row = index == 0 ? [municipality.profile.name, value, rank] : ["", "", ""]
                row += [
                    group, style.value(summary.rate), style.value(summary.distribution?.mean),
                    style.value(summary.distribution?.median), quartiles,
                    summary.basis == nil
                        ? String(summary.distribution?.count ?? 0) + (summary.missing.isEmpty ? "" : "*")
                        : summary.distribution.map { String($0.count) } ?? "–",
                    style.difference(reference.difference),
                    reference.differencePercent.map { format.percent($0) } ?? "–", style.gap(reference.gap),
                ]
                table.rows.append(row)
            }
        }
        table.notes = CheckReport(targets, locale: locale).lines + notes
        return table
    }

    /// What a reader needs under the table: what the columns mean, caveats, sources, credit.
    public var notes: [String] {
        let nl = locale == .nl
        var notes: [String] = []
        notes.append(ReportLabels(locale: locale).compareLegend(comparison.indicator))
        for municipality in comparison.municipalities {
            if let interval = municipality.interval {
                notes.append(
                    "\(municipality.profile.name): 95% interval \(style.value(interval.lower))–\(style.value(interval.upper)) (Wilson)."
                )
            }
        }
        let wording = NoteWording(locale: locale)
        if comparison.municipalities.contains(where: {
            $0.references.contains { $0.summary.basis == nil && !$0.summary.missing.isEmpty }
        }) {
            notes.append(
                nl
                    ? "* Groep met gemeenten die niet meetellen (nooit als 0); hieronder per groep wie en waarom."
                    : "* Group with municipalities that are left out (never counted as 0); who and why per group below.")
        }
        for summary in groupSummaries {
            if let peers = ReportLabels(locale: locale).peersNote(summary.group) { notes.append(peers) }
            // Own figures: the group's name says how many shared the figure; the rest never had it to leave out.
            if summary.basis == nil,
                let coverage = wording.groupCoverage(summary, label: ReportLabels(locale: locale).summaryName(summary))
            {
                notes.append(coverage)
            }
        }
        // Own figures: what the Netherlands and each group's figure are here (an entered figure, none, too few).
        notes += ReportLabels(locale: locale).basisNotes(groupSummaries, style: style)
        for summary in groupSummaries {
            guard let interval = summary.sharersInterval(comparison.indicator) else { continue }
            notes.append(
                "\(ReportLabels(locale: locale).summaryName(summary)): "
                    + (nl ? "95%-interval " : "95% interval ")
                    + "\(style.value(interval.lower))–\(style.value(interval.upper)) (Wilson).")
        }
        for municipality in comparison.municipalities {
            guard let monitor = comparison.monitors[municipality.profile.code] else { continue }
            notes.append(
                ReportLabels(locale: locale).monitorLines(municipality.profile.name, monitor, style: style).joined(
                    separator: " "))
        }
        // No delivery and nothing booked have notes of their own (engine notes below); the rest are listed here.
        // Municipalities without an imported own figure are most of the country: counted, not listed.
        let withoutOwn = comparison.missing.filter {
            if case .missing(.noOwnFigure) = $0.status { return true } else { return false }
        }
        if !withoutOwn.isEmpty {
            notes.append(
                nl
                    ? "\(withoutOwn.count) gemeente(n) hebben geen eigen cijfer voor deze periode; zij tellen niet mee."
                    : "\(withoutOwn.count) municipalities have no own figure for this period; they are left out.")
        }
        let others = comparison.missing.filter { municipality in
            if case .missing(.noOwnFigure) = municipality.status { return false }
            return municipality.exclusion != .noDelivery && municipality.exclusion != .notBooked
        }
        if !others.isEmpty {
            let names = others.prefix(10).map { "\($0.name) (\(wording.status($0.status)))" }.joined(separator: ", ")
            let more = others.count > 10 ? (nl ? " en \(others.count - 10) meer" : " and \(others.count - 10) more") : ""
            notes.append((nl ? "Geen waarde: " : "No value: ") + names + more + ".")
        }
        notes += comparison.notes.map(wording.note)
        notes += comparison.data.sources.map(wording.source)
        if let credit = Attribution.credit(for: comparison.data.sources) { notes.append(credit + ".") }
        return notes
    }

    /// Each reference group once, in the order the comparison shows them.
    var groupSummaries: [GroupSummary] {
        var seen: Set<String> = []
        return comparison.municipalities.flatMap(\.references).map(\.summary).filter { seen.insert($0.group.key).inserted }
    }

    public func renderText() -> String {
        heading + "\n\n" + table.renderText()
    }

    public func renderMarkdown() -> String {
        "### " + heading + "\n\n" + table.renderMarkdown()
    }

    /// A workbook has both: the overview a reader scans first, then the long table for analysts.
    public var dataTables: [DataTable] { [overview, dataTable] }
    public var csvTable: DataTable? { layout == .wide ? overview : dataTable }
    public var sheetNotes: [String] { [heading] + table.notes }
    public func renderJSON() throws -> String { try CompareJSON(comparison, locale: locale).encoded() }

    /// One row per municipality and reference group, typed for CSV and xlsx: the long layout analysts filter and
    /// pivot. Headers in the reader's language; codes (`status`, `reference_kind`, `document`) stay codes, the same in
    /// both, so a filter written once works on either file. `document` says on every row whether the figures are a
    /// budget or accounts (empty for a CBS table, which is neither).
    public var dataTable: DataTable {
        let value: DataTable.Kind = style.isMoney ? .money : .number(decimals: 2)
        let nl = locale == .nl
        func name(_ en: String, _ dutch: String) -> String { nl ? dutch : en }
        var table = DataTable(
            name: name("By municipality and group", "Per gemeente en groep"),
            columns: [
                .init("indicator"), .init(name("year", "jaar"), .count), .init(name("document", "stuk")), .init("code"),
                .init(name("municipality", "gemeente")), .init(name("value", "waarde"), value),
                .init(name("numerator", "teller"), .count), .init(name("denominator", "noemer"), .count),
                .init(name("rank", "rang"), .count), .init(name("of", "van"), .count),
                .init(name("percentile", "percentiel"), .number(decimals: 1)), .init("z", .number(decimals: 3)),
                .init("status"), .init(name("reference_kind", "referentiesoort")),
                .init(name("reference_code", "referentiecode")), .init(name("reference", "referentie")),
                .init(name("group_rate", "groepscijfer"), value), .init(name("mean", "gemiddelde"), value),
                .init(name("median", "mediaan"), value), .init("q1", value), .init("q3", value),
                .init(name("count", "aantal"), .count), .init(name("difference", "verschil"), value),
                .init(name("difference_percent", "verschil %"), .percent(decimals: 1)),
                .init(name("gap", "gat"), .count), .init(name("members", "leden"), .count),
                .init(name("left_out", "niet meegeteld"), .count),
                .init(name("left_out_reasons", "redenen niet meegeteld")), .init(name("zero_count", "nullen"), .count),
                .init(name("source", "bron")),
            ])
        let source = comparison.data.sources.first.map { "\($0.table); Bron: CBS" } ?? "Bron: CBS"
        let document = comparison.data.document?.rawValue ?? ""
        for municipality in comparison.municipalities {
            let observation = municipality.observation
            for reference in municipality.references {
                let summary = reference.summary
                let row: [DataTable.Cell] = [
                    .text(comparison.indicator.id), .whole(comparison.year), .text(document),
                    .text(municipality.profile.code), .text(municipality.profile.name), .value(observation.value),
                    .value(observation.numerator), .value(observation.denominator), .whole(municipality.rank),
                    .whole(municipality.rankedCount), .value(municipality.percentile), .value(municipality.z),
                    .text(Self.statusCode(observation.status)), .text(ReferenceKind.of(summary.group.group)),
                    .text(ReferenceKind.code(of: summary.group) ?? ""), .text(summary.group.label),
                    .value(summary.rate), .value(summary.distribution?.mean), .value(summary.distribution?.median),
                    .value(summary.distribution?.q1), .value(summary.distribution?.q3),
                    .whole(summary.distribution?.count ?? 0), .value(reference.difference),
                    .value(reference.differencePercent), .value(reference.gap), .whole(summary.group.members.count),
                    .whole(summary.missing.count), .text(Self.exclusionCodes(summary)), .whole(summary.zeros.count),
                    .text(source),
                ]
                table.rows.append(row)
            }
        }
        return table
    }

    /// `ok`, or why there is no value: `no-delivery`, `not-booked`, `suppressed`, `no-value`, `zero-denominator`.
    static func statusCode(_ status: Observation.Status) -> String {
        status.exclusion?.rawValue ?? "ok"
    }

    /// `no-delivery:1 not-booked:38`: who is left out of a group, by reason, for programs.
    static func exclusionCodes(_ summary: GroupSummary) -> String {
        summary.excluded.keys.sorted().map { "\($0.rawValue):\(summary.excluded[$0]!.count)" }.joined(separator: " ")
    }

    static func statusText(_ status: Observation.Status, nl: Bool) -> String {
        switch status {
        case .ok: ""
        case .missing(.leftOutAsOutlier): nl ? "weggelaten" : "left out"
        case .missing: nl ? "ontbreekt" : "missing"
        case .zeroDenominator: nl ? "noemer 0" : "zero denominator"
        }
    }
}
