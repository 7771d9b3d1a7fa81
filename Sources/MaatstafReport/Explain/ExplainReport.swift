import Foundation
public import MaatstafCompare
public import MaatstafCore

/// `maatstaf explain`: each municipality's gap to a reference group, or its change since a base year, split exactly
/// over a decomposition's factors (text, Markdown, CSV, xlsx, and JSON as `maatstaf.explain/1`, docs/explain.md).
public struct ExplainReport: TabularResult, Sendable {
    public static let schema = "maatstaf.explain/1"

    public var run: ExplainRun
    public var locale: ReportLocale

    public init(_ run: ExplainRun, locale: ReportLocale) {
        self.run = run
        self.locale = locale
    }

    private var nl: Bool { locale == .nl }
    private func t(_ en: String, _ dutch: String) -> String { nl ? dutch : en }
    var indicator: Indicator { run.indicators[0] }
    var decomposition: Decomposition? { run.explanations.first?.decomposition }

    /// The style of the decomposed indicator's values (euros per inhabitant) and of a factor's.
    var style: ValueStyle { ValueStyle(indicator: indicator, locale: locale) }
    func style(ofFactor index: Int) -> ValueStyle { ValueStyle(indicator: run.indicators[index + 1], locale: locale) }

    /// `Nederland (342 gemeenten met alle factoren)` / `2019`.
    func baselineName(_ explanation: Explanation) -> String {
        switch explanation.baseline {
        case .group(let group, _):
            group.group == .builtIn(.national) ? t("the Netherlands", "Nederland") : ReportLabels(locale: locale).groupName(group)
        case .year(let year): String(year)
        }
    }

    func heading(_ explanation: Explanation) -> String {
        let title = explanation.decomposition.title.text(locale)
        let document = explanation.document.map { ", " + NoteWording(locale: locale).document($0, explanation.year) } ?? ""
        switch explanation.baseline {
        case .group(_, let members):
            return t(
                "Why \(explanation.name) differs from \(baselineName(explanation)) — \(title) (\(indicator.id)\(document); the group over its \(members) municipalities with every factor)",
                "Waarom \(explanation.name) verschilt van \(baselineName(explanation)) — \(title) (\(indicator.id)\(document); de groep over haar \(members) gemeenten met alle factoren)"
            )
        case .year(let base):
            return t(
                "Why \(explanation.name) changed from \(base) to \(explanation.year) — \(title) (\(indicator.id)\(document))",
                "Waarom \(explanation.name) veranderde van \(base) tot \(explanation.year) — \(title) (\(indicator.id)\(document))"
            )
        }
    }

    /// The sentence a memo quotes: "of the +€43.21 per inhabitant against the Netherlands: …".
    func summary(_ explanation: Explanation) -> String? {
        guard let difference = explanation.difference else { return nil }
        let rounded = ShapleySplit.rounded(explanation.parts.map(\.part), total: difference)
        let parts = zip(explanation.parts, rounded).filter { !$0.0.factor.national || $0.1 != 0 }.map {
            "\(style.difference($0.1)) \($0.0.factor.name.text(locale))"
        }
        let unit = indicator.unit.text(locale)
        switch explanation.baseline {
        case .group:
            return t(
                "Of the \(style.difference(difference)) (\(unit)) against \(baselineName(explanation)): \(parts.joined(separator: ", ")).",
                "Van de \(style.difference(difference)) (\(unit)) ten opzichte van \(baselineName(explanation)): \(parts.joined(separator: ", "))."
            )
        case .year(let base):
            return t(
                "Of the change of \(style.difference(difference)) (\(unit)) since \(base): \(parts.joined(separator: ", ")).",
                "Van de verandering van \(style.difference(difference)) (\(unit)) sinds \(base): \(parts.joined(separator: ", "))."
            )
        }
    }

    /// Why there is no split, in words.
    func unavailable(_ reason: Explanation.Unavailable) -> String {
        let wording = NoteWording(locale: locale)
        switch reason {
        case .missing(let indicator, let year, let why):
            return t(
                "No split: \(indicator) has no value in \(year) — \(wording.reason(why)) (never counted as 0).",
                "Geen ontleding: \(indicator) heeft in \(year) geen waarde — \(wording.reason(why)) (nooit als 0 geteld).")
        case .definitionChanged(let indicator, let baseYear, let base, let year, let now):
            let then = base.map { $0.joined(separator: ", ") } ?? t("not defined", "niet gedefinieerd")
            let current = now.map { $0.joined(separator: ", ") } ?? t("not defined", "niet gedefinieerd")
            return t(
                "No split: \(indicator) sums other taakvelden in \(baseYear) (\(then)) than in \(year) (\(current)) — a change of definition, not of spending; choose a base year in the same Iv3 layout.",
                "Geen ontleding: \(indicator) telt in \(baseYear) andere taakvelden (\(then)) dan in \(year) (\(current)) — een andere definitie, geen andere uitgaven; kies een basisjaar in dezelfde Iv3-indeling."
            )
        case .referenceTooSmall(let count, let minimum):
            return t(
                "No split: the group has \(count) other municipalit\(count == 1 ? "y" : "ies") with every factor; at least \(minimum) are needed (never a group of only the municipality itself).",
                "Geen ontleding: de groep heeft \(count) andere \(count == 1 ? "gemeente" : "gemeenten") met alle factoren; er zijn er minstens \(minimum) nodig (nooit een groep van alleen de gemeente zelf)."
            )
        case .notInBaseYear(let year):
            return t(
                "No split: the municipality did not exist in \(year).", "Geen ontleding: de gemeente bestond in \(year) nog niet."
            )
        }
    }

    /// Per factor: the value at the baseline and here, its part per unit and in all; the total row is the difference.
    func table(_ explanation: Explanation) -> Table {
        let againstGroup: Bool
        if case .group = explanation.baseline { againstGroup = true } else { againstGroup = false }
        let money = NumberFormat(locale: locale)
        var columns: [Table.Column] = [
            .init(t("factor", "factor")), .init(baselineName(explanation), .right),
            .init(againstGroup ? explanation.name : String(explanation.year), .right),
            .init(t("part", "deel"), .right),
        ]
        let totals = explanation.parts.map { explanation.total($0.part) }
        let withTotals = againstGroup && indicator.valueKind == .money && totals.allSatisfy { $0 != nil }
        if withTotals { columns.append(.init(t("part in all", "deel in totaal"), .right)) }
        var table = Table(columns: columns)
        guard let difference = explanation.difference else { return table }
        let rounded = ShapleySplit.rounded(explanation.parts.map(\.part), total: difference)
        let roundedTotals =
            withTotals
            ? ShapleySplit.rounded(
                totals.map { $0! }, total: explanation.total(difference)!, decimals: 0) : []
        for (index, part) in explanation.parts.enumerated() {
            let factorStyle = style(ofFactor: index)
            var row = [
                part.factor.name.text(locale),
                factorStyle.value(part.start), factorStyle.value(part.end), style.difference(rounded[index]),
            ]
            if withTotals { row.append(money.signedMoney(roundedTotals[index], decimals: 0)) }
            table.rows.append(row)
        }
        var total = [
            indicator.title.text(locale), style.value(explanation.start), style.value(explanation.end),
            style.difference(difference),
        ]
        if withTotals { total.append(money.signedMoney(explanation.total(difference)!, decimals: 0)) }
        table.rows.append(total)
        return table
    }

    public var notes: [String] {
        let wording = NoteWording(locale: locale)
        var notes = [
            t(
                "Split by Shapley averaging: each factor's part is its effect averaged over every order in which the factors could change, so the parts sum exactly to the difference and do not depend on the order of the factors (docs/explain.md). Parts are rounded so that they add up to the rounded total. A decomposition describes a difference; it does not prove its cause.",
                "Ontleed met Shapley-middeling: het deel van elke factor is zijn effect gemiddeld over elke volgorde waarin de factoren kunnen veranderen, zodat de delen precies optellen tot het verschil en niet afhangen van de volgorde van de factoren (docs/explain.md). De delen zijn zo afgerond dat ze optellen tot het afgeronde totaal. Een ontleding beschrijft een verschil; ze bewijst de oorzaak niet."
            )
        ]
        if let decomposition {
            notes.append(
                t(
                    "Decomposition \(decomposition.id) (\(DecompositionListing.place(decomposition, locale: locale))): ",
                    "Ontleding \(decomposition.id) (\(DecompositionListing.place(decomposition, locale: locale))): ")
                    + DecompositionListing.formula(decomposition, locale: locale) + ".")
        }
        notes += run.notes.map { wording.note($0) }
        notes += run.sources.map { wording.source($0) }
        if let credit = Attribution.credit(for: run.sources) { notes.append(credit) }
        return notes
    }

    public var sheetNotes: [String] { notes }

    public func renderText() -> String {
        run.explanations.map { explanation in
            var text = heading(explanation) + "\n\n"
            if let reason = explanation.unavailable { return text + unavailable(reason) + "\n" }
            text += table(explanation).renderText() + "\n"
            if let summary = summary(explanation) { text += summary + "\n" }
            return text
        }.joined(separator: "\n") + "\n" + notes.joined(separator: "\n") + "\n"
    }

    public func renderMarkdown() -> String {
        run.explanations.map { explanation in
            var text = "## " + heading(explanation) + "\n\n"
            if let reason = explanation.unavailable { return text + unavailable(reason) + "\n" }
            text += table(explanation).renderMarkdown() + "\n"
            if let summary = summary(explanation) { text += summary + "\n" }
            return text
        }.joined(separator: "\n") + "\n" + notes.map { "- " + $0 }.joined(separator: "\n") + "\n"
    }

    /// A row per municipality, baseline and factor (unrounded), and one for the indicator itself (`factor` empty).
    public var dataTables: [DataTable] {
        var table = DataTable(
            name: t("Explanation", "Ontleding"),
            columns: [
                .init("code"), .init("municipality"), .init("decomposition"), .init("year", .count), .init("document"),
                .init("baseline"), .init("baseline_name"), .init("factor"), .init("factor_name"), .init("national"),
                .init("baseline_value", .number(decimals: 6)), .init("value", .number(decimals: 6)),
                .init("part", .number(decimals: 6)), .init("part_in_all", .number(decimals: 2)), .init("no_split"),
            ])
        for explanation in run.explanations {
            let baseline: String
            switch explanation.baseline {
            case .group(let group, _): baseline = group.group.description
            case .year(let year): baseline = String(year)
            }
            let common: [DataTable.Cell] = [
                .text(explanation.code), .text(explanation.name), .text(explanation.decomposition.id),
                .number(Double(explanation.year)), explanation.document.map { .text($0.rawValue) } ?? .empty,
                .text(baseline), .text(baselineName(explanation)),
            ]
            if let reason = explanation.unavailable {
                table.rows.append(
                    common + [.empty, .empty, .empty, .empty, .empty, .empty, .empty, .text(unavailable(reason))])
                continue
            }
            for part in explanation.parts {
                table.rows.append(
                    common + [
                        .text(part.factor.indicator), .text(part.factor.name.text(locale)),
                        .text(part.factor.national ? "yes" : "no"), .number(part.start), .number(part.end),
                        .number(part.part), explanation.total(part.part).map { .number($0) } ?? .empty, .empty,
                    ])
            }
            table.rows.append(
                common + [
                    .empty, .text(indicator.title.text(locale)), .empty, explanation.start.map { .number($0) } ?? .empty,
                    explanation.end.map { .number($0) } ?? .empty, explanation.difference.map { .number($0) } ?? .empty,
                    explanation.difference.flatMap { explanation.total($0) }.map { .number($0) } ?? .empty, .empty,
                ])
        }
        return [table]
    }

    struct Document: Encodable {
        var schema = ExplainReport.schema
        var decomposition: DecompositionJSON
        var explanations: [ExplanationJSON]
        var notes: [String]
        var sources: [SourceReference]
    }
    struct DecompositionJSON: Encodable {
        var id: String
        var title: String
        var origin: String
        var indicator: String
        var scale: Double
        var factors: [FactorJSON]
    }
    struct FactorJSON: Encodable {
        var indicator: String
        var name: String
        var national: Bool
    }
    struct ExplanationJSON: Encodable {
        var code: String
        var name: String
        var year: Int
        var document: Nullable<String>
        var baseline: BaselineJSON
        var start: Nullable<Double>
        var end: Nullable<Double>
        var difference: Nullable<Double>
        var differenceInAll: Nullable<Double>
        var parts: [PartJSON]
        var noSplit: Nullable<NoSplitJSON>
    }
    struct BaselineJSON: Encodable {
        var kind: String
        var group: Nullable<String>
        var name: String
        var code: Nullable<String>
        var members: Nullable<Int>
        var year: Nullable<Int>
    }
    struct PartJSON: Encodable {
        var indicator: String
        var name: String
        var national: Bool
        var start: Double
        var end: Double
        var part: Double
        var partInAll: Nullable<Double>
    }
    struct NoSplitJSON: Encodable, Sendable {
        var code: String
        var reason: String
    }

    public func renderJSON() throws -> String {
        let decomposition = run.explanations.first?.decomposition
        return try JSONOutput.encode(
            Document(
                decomposition: DecompositionJSON(
                    id: decomposition?.id ?? "", title: decomposition?.title.text(locale) ?? "",
                    origin: decomposition?.origin ?? "", indicator: indicator.id, scale: decomposition?.scale ?? 1,
                    factors: (decomposition?.factors ?? []).map {
                        FactorJSON(indicator: $0.indicator, name: $0.name.text(locale), national: $0.national)
                    }),
                explanations: run.explanations.map { explanation in
                    let baseline: BaselineJSON
                    switch explanation.baseline {
                    case .group(let group, let members):
                        baseline = BaselineJSON(
                            kind: "group", group: Nullable(group.group.description), name: baselineName(explanation),
                            code: Nullable(ReferenceKind.code(of: group)), members: Nullable(members), year: Nullable(nil))
                    case .year(let year):
                        baseline = BaselineJSON(
                            kind: "year", group: Nullable(nil), name: String(year), code: Nullable(nil),
                            members: Nullable(nil), year: Nullable(year))
                    }
                    return ExplanationJSON(
                        code: explanation.code, name: explanation.name, year: explanation.year,
                        document: Nullable(explanation.document?.rawValue), baseline: baseline,
                        start: Nullable(explanation.start), end: Nullable(explanation.end),
                        difference: Nullable(explanation.difference),
                        differenceInAll: Nullable(explanation.difference.flatMap { explanation.total($0) }),
                        parts: explanation.parts.map {
                            PartJSON(
                                indicator: $0.factor.indicator, name: $0.factor.name.text(locale),
                                national: $0.factor.national, start: $0.start, end: $0.end, part: $0.part,
                                partInAll: Nullable(explanation.total($0.part)))
                        },
                        noSplit: Nullable(
                            explanation.unavailable.map { NoSplitJSON(code: Self.code($0), reason: unavailable($0)) }))
                }, notes: notes, sources: run.sources))
    }

    /// A stable code for why there is no split, for programs.
    static func code(_ reason: Explanation.Unavailable) -> String {
        switch reason {
        case .missing: "missing-value"
        case .definitionChanged: "definition-changed"
        case .referenceTooSmall: "reference-too-small"
        case .notInBaseYear: "not-in-base-year"
        }
    }
}
