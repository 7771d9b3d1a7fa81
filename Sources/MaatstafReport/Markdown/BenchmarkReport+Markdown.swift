import MaatstafCompare
import MaatstafCore
import MaatstafModel

extension BenchmarkReport {
    /// The same content as the HTML report for pasting into a memo: the charts become tables, the footnotes stay.
    public func renderMarkdown() -> String {
        let labels = ReportLabels(locale: locale)
        let nl = locale == .nl
        let format = NumberFormat(locale: locale)
        let escape = MarkdownText.escape
        var out: [String] = []
        out.append("# " + escape(labels.documentTitle))
        out.append("")
        let years = Set(sections.map(\.comparison.year)).sorted().map(String.init).joined(separator: ", ")
        out.append(escape(municipalities.map(\.name).joined(separator: ", ")) + "  ")
        out.append(escape("\(labels.year): \(years) · \(labels.credit(ownOnly: ownOnly))"))
        out.append("")

        out.append("## " + labels.summary)
        out.append("")
        var columns: [Table.Column] = [
            .init(labels.indicator), .init(labels.municipality), .init(labels.value, .right),
            .init(labels.netherlands, .right), .init(nl ? "Laagste – hoogste" : "Lowest – highest", .right),
            .init(labels.differenceFromNL, .right), .init(labels.rank, .right),
        ]
        // As in HTML: no column of dashes when no row has an earlier year to change from.
        let showsChange = sections.contains { section in
            section.comparison.municipalities.contains { section.change($0.profile.code) != nil }
        }
        if showsChange { columns.append(.init(labels.sinceFirstYear, .right)) }
        if !targets.isEmpty { columns.append(.init(labels.target)) }
        var summary = Table(columns: columns)
        var acrossDefinition = false
        for section in sections {
            let style = ValueStyle(indicator: section.indicator, locale: locale)
            let values = section.allValues
            let range = "\(style.value(values.min())) – \(style.value(values.max()))"
            for municipality in section.comparison.municipalities {
                var row = [
                    "\(section.indicator.title.text(locale)) (\(section.comparison.year))", municipality.profile.name,
                    section.valueText(municipality, style: style, labels), style.value(section.national.rate), range,
                    municipality.references.first?.differencePercent.map { format.percent($0) } ?? "–",
                    municipality.rank.map { "\($0)/\(municipality.rankedCount)" } ?? "–",
                ]
                if showsChange {
                    row.append(
                        section.change(municipality.profile.code).map { change in
                            acrossDefinition = acrossDefinition || change.acrossDefinitionChange
                            return format.percent(change.percent) + (change.acrossDefinitionChange ? "†" : "") + " "
                                + labels.since(change.since)
                        } ?? "–")
                }
                if !targets.isEmpty {
                    row.append(
                        target(municipality.profile.code, section.indicator.id).map { result in
                            "\(labels.targetStatus(result.status)): \(labels.targetDescription(result, style: style))"
                        } ?? "")
                }
                summary.rows.append(row)
            }
        }
        if acrossDefinition { summary.notes.append(labels.acrossDefinitionChange) }
        if targetsNotShown > 0 { summary.notes.append(labels.targetsNotShown(targetsNotShown)) }
        for item in unavailable {
            summary.notes.append(
                "\(item.indicator.title.text(locale)) (\(item.indicator.id)): \(item.reason(locale))"
                    + (remedy(item).isEmpty ? "" : " — \(remedy(item))"))
        }
        out.append(summary.renderMarkdown())

        for (index, section) in sections.enumerated() {
            out.append(contentsOf: markdownSection(section, number: index + 1, labels))
        }
        if !regionViews.isEmpty {
            out.append(RegionReport(regionViews, locale: locale).renderMarkdown())
        }
        out.append("---")
        out.append("")
        out.append(escape(labels.credit(ownOnly: ownOnly)))
        return out.joined(separator: "\n") + "\n"
    }

    private func markdownSection(_ section: IndicatorSection, number: Int, _ labels: ReportLabels) -> [String] {
        let style = ValueStyle(indicator: section.indicator, locale: locale)
        let format = NumberFormat(locale: locale)
        let escape = MarkdownText.escape
        let indicator = section.indicator
        var out: [String] = []
        out.append("## \(number). " + escape(indicator.title.text(locale)))
        out.append("")
        out.append(
            escape(
                "\(section.comparison.year)\(section.comparison.data.isBudget ? (locale == .nl ? " (begroting)" : " (budget)") : "") · \(indicator.unit.text(locale)) · \(labels.direction(indicator.direction)) · \(indicator.id)"
            ))
        out.append("")

        out.append("### " + labels.comparison)
        out.append("")
        var bars = Table(columns: [.init(""), .init(labels.value, .right)])
        for municipality in section.comparison.municipalities {
            bars.rows.append([municipality.profile.name, section.valueText(municipality, style: style, labels)])
        }
        for group in section.referenceGroups {
            bars.rows.append([labels.summaryName(group), style.value(group.rate)])
        }
        out.append(bars.renderMarkdown())

        out.append("### " + labels.distribution)
        out.append("")
        if let distribution = Distribution(section.allValues) {
            var spread = Table(
                columns: [
                    nl("Laagste", "Lowest"), "Q1", nl("Mediaan", "Median"), "Q3", nl("Hoogste", "Highest"),
                    labels.netherlands, "n",
                ].map { Table.Column($0, .right) })
            spread.rows.append([
                style.value(distribution.minimum), style.value(distribution.q1), style.value(distribution.median),
                style.value(distribution.q3), style.value(distribution.maximum),
                style.value(section.national.rate), String(distribution.count),
            ])
            out.append(spread.renderMarkdown())
        } else {
            out.append(escape(labels.noMunicipalityHasValue))
            out.append("")
        }

        out.append("### " + labels.trendHeading)
        out.append("")
        if section.trend.count > 1 {
            var trend = Table(
                columns: [.init(labels.year)] + section.comparison.municipalities.map { .init($0.profile.name, .right) }
                    + [.init(labels.netherlands, .right)])
            for point in section.trend {
                trend.rows.append(
                    ["\(point.year)\(point.isBudget ? " " + labels.budgetMark : "")"]
                        + section.comparison.municipalities.map { style.value(point.values[$0.profile.code]) }
                        + [style.value(point.national)])
            }
            trend.notes = [labels.budgetNote] + TrendBreak.breaks(in: section.trend).map(labels.trendBreak)
            out.append(trend.renderMarkdown())
        } else {
            out.append(escape(labels.onlyOneYear))
            out.append("")
        }

        out.append("### " + labels.table)
        out.append("")
        var numbers = Table(columns: [
            .init(labels.municipality), .init(labels.value, .right),
            .init(labels.rankAndPercentile, .right), .init(labels.group), .init(labels.groupRate, .right),
            .init(labels.averageMunicipality, .right), .init(labels.difference, .right),
            .init("%", .right), .init(style.isMoney ? labels.gap : labels.gapCount, .right),
        ])
        for municipality in section.comparison.municipalities {
            for (index, reference) in municipality.references.enumerated() {
                let summary = reference.summary
                var value = section.valueText(municipality, style: style, labels)
                if let interval = municipality.interval {
                    value += " (95%: \(style.value(interval.lower))–\(style.value(interval.upper)))"
                }
                let first = index == 0
                numbers.rows.append([
                    first ? municipality.profile.name : "", first ? value : "",
                    first ? municipality.rankText(format) : "",
                    labels.summaryName(summary) + (summary.basis != nil || summary.missing.isEmpty ? "" : " *"),
                    style.value(summary.rate), style.value(summary.distribution?.mean), style.difference(reference.difference),
                    reference.differencePercent.map { format.percent($0) } ?? "–", style.gap(reference.gap),
                ])
            }
        }
        numbers.notes = [section.legend(labels)]
        out.append(numbers.renderMarkdown())
        // A monthly or quarterly monitor: each municipality's latest figure in the monitor's rhythm.
        for municipality in section.comparison.municipalities {
            guard let monitor = section.monitors[municipality.profile.code] else { continue }
            out.append(escape(labels.monitorLines(municipality.profile.name, monitor, style: style).joined(separator: " ")))
            out.append("")
        }

        // Why: each municipality's difference from the Netherlands split over the indicator's decomposition.
        if let run = section.explanation, !run.explanations.isEmpty {
            let explain = ExplainReport(run, locale: locale)
            out.append("### " + nl("Waarom: ", "Why: ") + escape(run.explanations[0].decomposition.title.text(locale)))
            out.append("")
            for explanation in run.explanations {
                if let reason = explanation.unavailable {
                    out.append(escape("\(explanation.name): \(explain.unavailable(reason))"))
                } else {
                    out.append(explain.table(explanation).renderMarkdown())
                    if let summary = explain.summary(explanation) { out.append(escape(summary)) }
                }
                out.append("")
            }
        }

        out.append("### " + labels.definition)
        out.append("")
        for line in section.sourceLines(labels.locale) { out.append("- " + escape(line)) }
        if !indicator.notes.text(locale).isEmpty { out.append("- " + escape(indicator.notes.text(locale))) }
        out.append("")
        let footnotes = section.footnotes(labels, names: names)
        if !footnotes.isEmpty {
            out.append("### " + labels.footnotes)
            out.append("")
            for (index, note) in footnotes.enumerated() { out.append("\(index + 1). " + escape(note)) }
            out.append("")
        }
        return out
    }

    private func nl(_ dutch: String, _ english: String) -> String { locale == .nl ? dutch : english }

}
