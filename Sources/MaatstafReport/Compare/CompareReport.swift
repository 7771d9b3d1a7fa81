import MaatstafCompare
import MaatstafModel

/// A comparison written out for people (text, Markdown), for Excel (CSV) and for programs (JSON).
public struct CompareReport: Sendable {
    public let comparison: Comparison
    public let locale: ReportLocale

    public init(_ comparison: Comparison, locale: ReportLocale) {
        self.comparison = comparison
        self.locale = locale
    }

    private var style: ValueStyle { ValueStyle(indicator: comparison.indicator, locale: locale) }

    /// The heading: indicator, year and source document, unit.
    public var heading: String {
        let indicator = comparison.indicator
        let document = comparison.data.sources.first?.table ?? String(comparison.year)
        return "\(indicator.title.text(locale)) (\(indicator.id)) — \(document), \(indicator.unit.text(locale))"
    }

    /// One row per municipality and reference group.
    public var table: Table {
        let format = NumberFormat(locale: locale)
        let nl = locale == .nl
        var table = Table(columns: [
            .init(nl ? "gemeente" : "municipality"), .init(nl ? "waarde" : "value", .right), .init("rank", .right),
            .init(nl ? "referentie" : "reference"), .init(nl ? "groepstarief" : "group rate", .right),
            .init(nl ? "gem. gemeente" : "avg municipality", .right), .init("median", .right), .init("Q1–Q3", .right),
            .init("n", .right), .init(nl ? "verschil" : "difference", .right), .init("%", .right),
            .init(nl ? "gat" : "gap", .right),
        ])
        for municipality in comparison.municipalities {
            let rank = municipality.rank.map { "\($0)/\(municipality.rankedCount)" } ?? "–"
            let value = municipality.observation.status == .ok ? style.value(municipality.observation.value) : Self.statusText(municipality.observation.status, nl: nl)
            for (index, reference) in municipality.references.enumerated() {
                let summary = reference.summary
                let group = "\(summary.group.group.description): \(summary.group.label)"
                let quartiles = summary.distribution.map { "\(style.value($0.q1))–\(style.value($0.q3))" } ?? "–"
                var row = index == 0 ? [municipality.profile.name, value, rank] : ["", "", ""]
                row += [group, style.value(summary.rate), style.value(summary.distribution?.mean),
                        style.value(summary.distribution?.median), quartiles,
                        String(summary.distribution?.count ?? 0) + (summary.missing.isEmpty ? "" : "*"),
                        style.difference(reference.difference),
                        reference.differencePercent.map { format.percent($0) } ?? "–", style.gap(reference.gap)]
                table.rows.append(row)
            }
        }
        table.notes = notes
        return table
    }

    /// What a reader needs under the table: what the columns mean, caveats, sources, credit.
    public var notes: [String] {
        let nl = locale == .nl
        var notes: [String] = []
        notes.append(nl
            ? "Groepstarief: totaal van de groep ÷ totale bevolking. Gem. gemeente: ongewogen gemiddelde van de gemeenten. Gat: (waarde − groepstarief) × inwoners — wat de gemeente meer (+) of minder (−) uitgeeft dan tegen het groepstarief. Rank 1 = hoogste waarde."
            : "Group rate: the group's total ÷ its total population. Avg municipality: unweighted mean of the members' rates. Gap: (value − group rate) × inhabitants — what the municipality spends more (+) or less (−) than at the group's rate. Rank 1 = highest value.")
        for municipality in comparison.municipalities {
            if let interval = municipality.interval {
                notes.append("\(municipality.profile.name): 95% interval \(style.value(interval.lower))–\(style.value(interval.upper)) (Wilson).")
            }
        }
        if comparison.municipalities.contains(where: { $0.references.contains { !$0.summary.missing.isEmpty } }) {
            notes.append(nl ? "* Groep met ontbrekende gemeenten; die tellen niet mee (nooit als 0)."
                            : "* Group with municipalities that have no value; they are left out (never counted as 0).")
        }
        if !comparison.missing.isEmpty {
            let names = comparison.missing.prefix(10).map { "\($0.name) (\($0.reason))" }.joined(separator: ", ")
            let more = comparison.missing.count > 10 ? " and \(comparison.missing.count - 10) more" : ""
            notes.append((nl ? "Geen waarde: " : "No value: ") + names + more + ".")
        }
        notes += comparison.notes
        for source in comparison.data.sources {
            notes.append((nl ? "Bron: " : "Source: ") + "\(source.table) — \(source.origin)" + (source.sha256.map { ", sha256 \($0.prefix(12))…" } ?? ""))
        }
        notes.append(Attribution.cbs + ".")
        return notes
    }

    public func renderText() -> String {
        heading + "\n\n" + table.renderText()
    }

    public func renderMarkdown() -> String {
        "### " + heading + "\n\n" + table.renderMarkdown()
    }

    /// One row per municipality and reference, unformatted numbers; `nl` uses `;` and a decimal comma for Dutch Excel.
    public func renderCSV() -> String {
        let format = NumberFormat(locale: locale)
        var table = Table(columns: ["indicator", "year", "code", "municipality", "value", "numerator", "denominator",
                                    "rank", "of", "percentile", "z", "status", "reference_kind", "reference_code",
                                    "reference", "group_rate", "mean", "median", "q1", "q3", "count", "difference",
                                    "difference_percent", "gap", "source"].map { Table.Column($0) })
        let source = comparison.data.sources.first.map { "\($0.table); Bron: CBS" } ?? "Bron: CBS"
        for municipality in comparison.municipalities {
            let observation = municipality.observation
            for reference in municipality.references {
                let summary = reference.summary
                table.rows.append([
                    comparison.indicator.id, String(comparison.year), municipality.profile.code, municipality.profile.name,
                    format.csv(observation.value), format.csv(observation.numerator, decimals: 0),
                    format.csv(observation.denominator, decimals: 0), municipality.rank.map(String.init) ?? "",
                    String(municipality.rankedCount), format.csv(municipality.percentile, decimals: 1),
                    format.csv(municipality.z, decimals: 3), Self.statusCode(observation.status),
                    ReferenceKind.of(summary.group.group), ReferenceKind.code(of: summary.group) ?? "", summary.group.label,
                    format.csv(summary.rate), format.csv(summary.distribution?.mean), format.csv(summary.distribution?.median),
                    format.csv(summary.distribution?.q1), format.csv(summary.distribution?.q3),
                    String(summary.distribution?.count ?? 0), format.csv(reference.difference),
                    format.csv(reference.differencePercent, decimals: 1), format.csv(reference.gap, decimals: 0), source,
                ])
            }
        }
        return table.renderCSV(separator: locale == .nl ? ";" : ",")
    }

    static func statusCode(_ status: Observation.Status) -> String {
        switch status {
        case .ok: "ok"
        case .missing: "missing"
        case .zeroDenominator: "zero-denominator"
        }
    }

    static func statusText(_ status: Observation.Status, nl: Bool) -> String {
        switch status {
        case .ok: ""
        case .missing: nl ? "ontbreekt" : "missing"
        case .zeroDenominator: nl ? "noemer 0" : "zero denominator"
        }
    }
}
