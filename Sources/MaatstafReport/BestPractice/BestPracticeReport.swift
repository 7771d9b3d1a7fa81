public import MaatstafCompare
public import MaatstafCore
import MaatstafModel

/// Best practice written out: the best performers and the most improved among the municipality's peers, each with
/// the gap in € and the cautions that apply. Text and Markdown for a memo; CSV and JSON (`maatstaf.best-practice/1`)
/// for further work.
public struct BestPracticeReport: TabularResult, Sendable {
    public let result: BestPractice
    public let locale: ReportLocale

    public init(_ result: BestPractice, locale: ReportLocale) {
        self.result = result
        self.locale = locale
    }

    private var nl: Bool { locale == .nl }
    private func t(_ nl: String, _ en: String) -> String { self.nl ? nl : en }
    private var style: ValueStyle { ValueStyle(indicator: result.indicator, locale: locale) }

    public var heading: String {
        let document = result.document.map { NoteWording(locale: locale).document($0, result.year) } ?? String(result.year)
        return "\(result.indicator.title.text(locale)) (\(result.indicator.id)) — "
            + t("beste praktijk voor \(result.municipality.name) onder ", "best practice for \(result.municipality.name) among ")
            + ReportLabels(locale: locale).groupName(result.group) + ", \(document)"
    }

    func caution(_ caution: BestPractice.Caution) -> String {
        switch caution {
        case .withinUncertainty: t("binnen de onzekerheid", "within the uncertainty")
        case .budget: t("begroting, geen realisatie", "budget, not accounts")
        case .definitionChanged(let from, let to):
            t("andere Iv3-regels in \(from) en \(to)", "other Iv3 lines in \(from) and \(to)")
        case .ownMissing: t("eigen waarde ontbreekt", "own value missing")
        case .outlier:
            t(
                "ver van alle andere gemeenten: boekt zij dit elders?",
                "far from every other municipality: does it book this elsewhere?")
        }
    }

    func gap(_ value: Double?) -> String {
        guard let value else { return "–" }
        return style.isMoney ? NumberFormat(locale: locale).signedMoney(value, decimals: 0) : style.gap(value)
    }

    public var bestTable: Table {
        var table = Table(columns: [
            .init("#", .right), .init(t("gemeente", "municipality")), .init(result.indicator.unit.text(locale), .right),
            .init(t("verschil voor \(result.municipality.name)", "gap for \(result.municipality.name)"), .right),
            .init(t("let op", "caution")),
        ])
        table.rows.append([
            "", result.municipality.name,
            result.own.okValue.map { style.value($0) } ?? NoteWording(locale: locale).status(result.own.status), "", "",
        ])
        for (rank, performer) in result.best.enumerated() {
            table.rows.append([
                String(rank + 1), performer.profile.name, style.value(performer.value), gap(performer.gap),
                performer.cautions.map(caution).joined(separator: "; "),
            ])
        }
        return table
    }

    public var improvedTable: Table? {
        guard let improvement = result.improvement else { return nil }
        let format = NumberFormat(locale: locale)
        let wording = NoteWording(locale: locale)
        func label(_ period: IndicatorPeriod) -> String {
            period.kind.map { wording.document($0, period.year) } ?? String(period.year)
        }
        var table = Table(columns: [
            .init("#", .right), .init(t("gemeente", "municipality")), .init(label(improvement.from), .right),
            .init(label(improvement.to), .right), .init(t("verandering", "change"), .right),
            .init(t("verschil voor \(result.municipality.name)", "gap for \(result.municipality.name)"), .right),
        ])
        if let own = improvement.own {
            table.rows.append([
                "", own.profile.name, style.value(own.fromValue), style.value(own.toValue),
                own.changePercent.map { format.percent($0) } ?? "–", "",
            ])
        }
        for (rank, entry) in improvement.entries.enumerated() {
            table.rows.append([
                String(rank + 1), entry.profile.name, style.value(entry.fromValue), style.value(entry.toValue),
                entry.changePercent.map { format.percent($0) } ?? "–", gap(entry.gap),
            ])
        }
        return table
    }

    public var notes: [String] {
        let wording = NoteWording(locale: locale)
        var notes: [String] = []
        if result.assumed {
            notes.append(
                t(
                    "Deze indicator heeft geen richting: de laagste waarden staan bovenaan, maar lager is niet vanzelf beter. Kijk wat deze gemeenten anders doen en wat hun inwoners krijgen.",
                    "This indicator has no direction: the lowest values are listed first, but lower is not better in itself. Look at what these municipalities do differently and what their residents get."
                ))
        }
        notes.append(
            t(
                "Verschil: wat \(result.municipality.name) minder (+) of meer (−) zou uitgeven bij het cijfer per inwoner van die gemeente (eigen waarde − hun waarde) × eigen inwoners.",
                "Gap: what \(result.municipality.name) would spend less (+) or more (−) at that municipality's rate: (own value − theirs) × own inhabitants."
            ))
        if let improvement = result.improvement {
            let cautions = improvement.cautions.map(caution)
            notes.append(
                t(
                    "Meest verbeterd: de relatieve verandering van \(improvement.from.year) tot \(improvement.to.year)"
                        + (result.direction == .lowerIsBetter ? " (grootste daling eerst)" : " (grootste stijging eerst)")
                        + (cautions.isEmpty ? "." : "; let op: \(cautions.joined(separator: "; "))."),
                    "Most improved: the relative change from \(improvement.from.year) to \(improvement.to.year)"
                        + (result.direction == .lowerIsBetter ? " (largest fall first)" : " (largest rise first)")
                        + (cautions.isEmpty ? "." : "; caution: \(cautions.joined(separator: "; ")).")
                ))
        } else {
            notes.append(
                t(
                    "Meest verbeterd: de opslag heeft geen twee perioden van hetzelfde document voor deze indicator.",
                    "Most improved: the store has no two periods of one document for this indicator."))
        }
        if !result.leftOut.isEmpty {
            let names = result.leftOut.map { "\($0.name) (\(wording.status($0.status)))" }
            notes.append(
                t("Zonder waarde, niet gerangschikt: ", "Without a value, not ranked: ") + names.joined(separator: ", ") + ".")
        }
        var seen = Set(notes)
        for text in result.notes.map(wording.note) where seen.insert(text).inserted { notes.append(text) }
        notes.append(Attribution.cbs + ".")
        return notes
    }

    private func render(markdown: Bool) -> String {
        var parts = [(markdown ? "### " : "") + heading]
        parts.append(
            (markdown ? "#### " : "") + t("Beste presteerders", "Best performers") + "\n"
                + (markdown ? "\n" + bestTable.renderMarkdown() : bestTable.renderText()))
        if let improved = improvedTable {
            parts.append(
                (markdown ? "#### " : "") + t("Meest verbeterd", "Most improved") + "\n"
                    + (markdown ? "\n" + improved.renderMarkdown() : improved.renderText()))
        }
        parts.append(notes.map { markdown ? "- " + $0 : $0 }.joined(separator: "\n"))
        return parts.joined(separator: "\n\n") + "\n"
    }

    public func renderText() -> String { render(markdown: false) }
    public func renderMarkdown() -> String { render(markdown: true) }

    /// One row per best performer and per most improved, typed for CSV and xlsx.
    public var dataTable: DataTable {
        var table = DataTable(
            name: t("Beste praktijk", "Best practice"),
            columns: [
                .init("list"), .init("rank", .count), .init("code"), .init("name"), .init("value", .number(decimals: 6)),
                .init("from", .number(decimals: 6)), .init("to", .number(decimals: 6)),
                .init("change_percent", .percent(decimals: 4)), .init("gap", .money), .init("cautions"),
            ])
        for (rank, performer) in result.best.enumerated() {
            table.rows.append([
                .text("best"), .whole(rank + 1), .text(performer.profile.code), .text(performer.profile.name),
                .value(performer.value), .empty, .empty, .empty, .value(performer.gap),
                .text(performer.cautions.map(caution).joined(separator: "; ")),
            ])
        }
        for (rank, entry) in (result.improvement?.entries ?? []).enumerated() {
            table.rows.append([
                .text("most-improved"), .whole(rank + 1), .text(entry.profile.code), .text(entry.profile.name), .empty,
                .value(entry.fromValue), .value(entry.toValue), .value(entry.changePercent), .value(entry.gap),
                .text((result.improvement?.cautions ?? []).map(caution).joined(separator: "; ")),
            ])
        }
        return table
    }

    public var dataTables: [DataTable] { [dataTable] }
    public var sheetNotes: [String] { [heading] + notes }
    public func renderJSON() throws -> String { try BestPracticeJSON(self).encoded() }
}
