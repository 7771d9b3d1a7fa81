import MaatstafCompare
import MaatstafCore

extension BenchmarkReport {
    /// "Why: need and spending" under an indicator with a decomposition: per municipality a waterfall from the
    /// Netherlands' figure through each factor's part to its own, and, for the fund's need, the measures that make its
    /// need per inhabitant higher or lower than the Netherlands'. The same numbers as the explain and fund commands.
    func renderExplanation(_ section: IndicatorSection, into html: inout HTMLDocument) {
        guard let run = section.explanation, !run.explanations.isEmpty else { return }
        let nl = locale == .nl
        let style = ValueStyle(indicator: section.indicator, locale: locale)
        let report = ExplainReport(run, locale: locale)
        let title = run.explanations[0].decomposition.title.text(locale)
        html.raw("<div class=\"explain\">\n")
        html.element("h3", (nl ? "Waarom: " : "Why: ") + title)
        html.element(
            "p",
            nl
                ? "Het verschil met Nederland precies verdeeld over de factoren (Shapley-middeling; docs/explain.md). Nederland over de gemeenten met alle factoren. Een ontleding beschrijft een verschil; ze bewijst de oorzaak niet."
                : "The difference from the Netherlands split exactly over the factors (Shapley averaging; docs/explain.md). The Netherlands over the municipalities with every factor. A decomposition describes a difference; it does not prove its cause.",
            class: "note")
        let many = run.explanations.count > 6
        if many { html.raw("<div class=\"waterfalls\">\n") }
        for explanation in run.explanations {
            guard let start = explanation.start, let end = explanation.end, let difference = explanation.difference else {
                if let reason = explanation.unavailable {
                    html.element("p", "\(explanation.name): \(report.unavailable(reason))", class: "note")
                }
                continue
            }
            let rounded = ShapleySplit.rounded(explanation.parts.map(\.part), total: difference)
            // A national factor is the same on both sides: no step of its own.
            let steps = zip(explanation.parts, rounded).filter { !$0.0.factor.national || $0.1 != 0 }.map {
                WaterfallChart.Step(label: $0.0.factor.name.text(locale), value: $0.1)
            }
            let chart = WaterfallChart(
                start: .init(label: report.baselineName(explanation), value: start), parts: steps,
                end: .init(label: explanation.name, value: end), style: style,
                title: "\(explanation.name): \(title)", width: many ? 335 : 680)
            html.figure(
                "\(explanation.name): \(style.difference(difference))"
                    + (nl ? " ten opzichte van Nederland" : " against the Netherlands"),
                chart.render())
        }
        if many { html.raw("</div>\n") }
        renderNeeds(section, into: &html)
        html.raw("</div>\n")
    }

    /// Per municipality the measures and payments behind its need per inhabitant against the Netherlands: the largest
    /// six differences, the rest together, so the bars still sum to the difference.
    private func renderNeeds(_ section: IndicatorSection, into html: inout HTMLDocument) {
        guard !section.needs.isEmpty else { return }
        let nl = locale == .nl
        let money = ValueStyle(moneyIn: locale)
        html.element(
            "h4",
            nl
                ? "Waar de behoefte vandaan komt: maatstaven en uitkeringen van het gemeentefonds, per inwoner tegen Nederland"
                : "Where the need comes from: the municipal fund's measures and payments, per inhabitant against the Netherlands")
        let many = section.needs.count > 6
        if many { html.raw("<div class=\"waterfalls\">\n") }
        for need in section.needs {
            let name = section.comparison.municipalities.first { $0.profile.code == need.code }?.profile.name ?? need.code
            let shown = need.items.prefix(6)
            var bars = shown.map { DivergingBarChart.Bar(label: $0.name, value: $0.difference) }
            let rest = need.items.dropFirst(6).map(\.difference).reduce(0, +)
            if need.items.count > 6 { bars.append(.init(label: nl ? "overige" : "the others", value: rest)) }
            let index = need.needIndex.map { NumberFormat(locale: locale).number($0, decimals: 2) } ?? "–"
            html.figure(
                nl
                    ? "\(name) — \(need.cluster): \(money.value(need.here)) per inwoner tegen \(money.value(need.group)); behoefte-index \(index)"
                    : "\(name) — \(need.cluster): \(money.value(need.here)) per inhabitant against \(money.value(need.group)); need index \(index)",
                DivergingBarChart(
                    bars: bars, style: money, title: "\(name): \(need.cluster)", width: many ? 335 : 680
                ).render())
        }
        if many { html.raw("</div>\n") }
        html.element(
            "p",
            nl
                ? "Per maatstaf de bijdrage per inwoner hier min die van Nederland; samen precies het verschil in uitkering per inwoner. Alle maatstaven en de methode: docs/need.md."
                : "Per measure the contribution per inhabitant here minus the Netherlands'; together exactly the difference in allocation per inhabitant. Every measure and the method: docs/need.md.",
            class: "note")
    }
}
