import MaatstafCompare
public import MaatstafCore
import MaatstafModel

extension BenchmarkReport {
    /// One self-contained HTML5 file: inline CSS and SVG, no scripts, no fetched fonts or images. Everything from
    /// data or user files is escaped; the markup is also well-formed XML, which the tests check.
    public func renderHTML() -> String {
        let labels = ReportLabels(locale: locale)
        var html = HTMLDocument()
        let names = municipalities.map(\.name).joined(separator: ", ")
        html.raw("<!DOCTYPE html>\n<html lang=\"\(locale.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        html.element("title", "\(labels.documentTitle) — \(names)")
        html.raw("<style>\n\(ReportStyleSheet.css)\n</style>\n</head>\n<body>\n<header>\n")
        html.element("h1", labels.documentTitle)
        html.element("p", names, class: "lead")
        let years = Set(sections.map(\.comparison.year)).sorted().map(String.init).joined(separator: ", ")
        let groups =
            sections.first.map { section in
                section.referenceGroupKinds.map { labels.groupKind($0) }.joined(separator: ", ")
            } ?? ""
        html.element(
            "p", "\(labels.year): \(years) · \(labels.comparedWith(groups)) · \(labels.credit(ownOnly: ownOnly))", class: "meta")
        html.raw("</header>\n")
        renderContents(&html, labels)
        renderSummary(&html, labels)
        html.raw(renderSectionsHTML())
        renderSources(&html, labels)
        html.raw("</body>\n</html>\n")
        return html.text
    }

    /// Each indicator's section and each regional view, without the page around them: the dashboard shows them in a
    /// page of its own, with the report's style sheet (`BenchmarkReport.styleSheet`).
    public func renderSectionsHTML() -> String {
        let labels = ReportLabels(locale: locale)
        var html = HTMLDocument()
        for (index, section) in sections.enumerated() {
            renderSection(section, number: index + 1, into: &html, labels)
        }
        for (index, view) in regionViews.enumerated() {
            renderRegion(view, number: sections.count + index + 1, into: &html)
        }
        return html.text
    }

    /// The report's CSS, for pages that show its sections.
    public static var styleSheet: String { ReportStyleSheet.css }

    private func renderContents(_ html: inout HTMLDocument, _ labels: ReportLabels) {
        guard sections.count > 1 else { return }
        html.raw("<nav>\n")
        html.element("h3", labels.contents)
        html.raw("<ol>\n")
        for section in sections {
            html.raw("<li><a href=\"#\(section.anchor)\">\(HTMLText.escape(section.indicator.title.text(locale)))</a></li>\n")
        }
        html.raw("</ol>\n</nav>\n")
    }

    /// Many municipalities and no targets: the summary as one matrix — a row per municipality, a column per
    /// indicator, each cell the value and its difference from the Netherlands — on one page, where a block of twenty
    /// rows per indicator took a page each. Ranks, gauges and changes are in each indicator's own table.
    private func renderSummaryMatrix(_ html: inout HTMLDocument, _ labels: ReportLabels) {
        let nl = locale == .nl
        let format = NumberFormat(locale: locale)
        html.raw("<section id=\"summary\" class=\"matrix\">\n")
        html.element("h2", labels.summary)
        html.element(
            "p",
            nl
                ? "Per gemeente en indicator de waarde en daaronder het verschil met het landelijke cijfer in %. Posities, groepen en ontwikkeling staan bij elke indicator."
                : "For each municipality and indicator the value and, under it, the difference from the national figure in %. Ranks, groups and trends are with each indicator.",
            class: "note")
        html.raw("<table class=\"matrix\">\n<thead><tr>")
        html.headerCells([labels.municipality])
        for section in sections {
            html.raw(
                "<th class=\"num\"><a href=\"#\(section.anchor)\">\(HTMLText.escape(section.indicator.title.text(locale)))</a>"
                    + "<br/><span class=\"note\">\(HTMLText.escape("\(section.comparison.year)\(section.comparison.data.isBudget ? (nl ? " begroting" : " budget") : "")"))<br/>\(HTMLText.escape(section.indicator.unit.text(locale)))</span></th>"
            )
        }
        html.raw("</tr>\n<tr class=\"national\">")
        html.raw("<th scope=\"row\">\(HTMLText.escape(labels.netherlands))</th>")
        for section in sections {
            html.cell(ValueStyle(indicator: section.indicator, locale: locale).value(section.national.rate), numeric: true)
        }
        html.raw("</tr></thead>\n<tbody>\n")
        for municipality in municipalities {
            html.raw("<tr><th scope=\"row\">\(HTMLText.escape(municipality.name))</th>")
            for section in sections {
                let style = ValueStyle(indicator: section.indicator, locale: locale)
                guard let entry = section.comparison.municipalities.first(where: { $0.profile.code == municipality.code })
                else {
                    html.cell("–", numeric: true)
                    continue
                }
                let value = HTMLText.escape(section.valueText(entry, style: style, labels))
                guard entry.observation.status == .ok else {
                    html.raw("<td class=\"num missing\">\(value)</td>")
                    continue
                }
                let difference = entry.references.first?.differencePercent.map { format.percent($0) } ?? "–"
                html.raw("<td class=\"num\">\(value)<br/><span class=\"delta\">\(HTMLText.escape(difference))</span></td>")
            }
            html.raw("</tr>\n")
        }
        html.raw("</tbody>\n</table>\n")
        for item in unavailable {
            html.element(
                "p",
                "\(item.indicator.title.text(locale)) (\(item.indicator.id)): \(item.reason(locale))"
                    + (remedy(item).isEmpty ? "" : " — \(remedy(item))"), class: "note")
        }
        html.raw("</section>\n")
    }

    private func renderSummary(_ html: inout HTMLDocument, _ labels: ReportLabels) {
        if municipalities.count > 6 && targets.isEmpty && sections.count > 1 {
            renderSummaryMatrix(&html, labels)
            return
        }
        html.raw("<section id=\"summary\">\n")
        html.element("h2", labels.summary)
        html.element("p", labels.summaryIntro, class: "note")
        let hasTargets = !targets.isEmpty
        html.raw("<table>\n<thead><tr>")
        html.headerCells([labels.indicator, labels.municipality])
        html.headerCells([labels.value, labels.netherlands], numeric: true)
        html.headerCells([labels.position])
        // One first year for every row (the usual case) goes in the header; otherwise each cell says its own.
        let firstYears = Set(
            sections.flatMap { section in section.comparison.municipalities.compactMap { section.change($0.profile.code)?.since }
            })
        let sharedFirstYear = firstYears.count == 1 ? firstYears.first : nil
        // No row with an earlier year to change from (one year in the store, or the first year asked for): no column,
        // rather than a heading over dashes.
        let showsChange = !firstYears.isEmpty
        html.headerCells(
            [labels.differenceFromNLShort, labels.rank]
                + (showsChange ? [sharedFirstYear.map(labels.sinceYear) ?? labels.sinceFirstYear] : []),
            numeric: true)
        if hasTargets { html.headerCells([labels.target]) }
        html.raw("</tr></thead>\n")
        var gaugeNumber = 0
        var acrossDefinition = false
        for section in sections {
            let style = ValueStyle(indicator: section.indicator, locale: locale)
            let values = section.allValues
            let title = section.indicator.title.text(locale)
            html.raw("<tbody class=\"municipality\">\n")
            for (row, municipality) in section.comparison.municipalities.enumerated() {
                gaugeNumber += 1
                html.raw("<tr>")
                if row == 0 {
                    html.raw(
                        "<th scope=\"rowgroup\" rowspan=\"\(section.comparison.municipalities.count)\"><a href=\"#\(section.anchor)\">\(HTMLText.escape(title))</a><br/><span class=\"note\">\(HTMLText.escape("\(section.comparison.year) · \(section.indicator.unit.text(locale))"))</span></th>"
                    )
                }
                html.cell(municipality.profile.name)
                html.cell(
                    section.valueText(municipality, style: style, labels), numeric: true,
                    class: municipality.observation.status == .ok ? nil : "missing")
                html.cell(style.value(section.national.rate), numeric: true)
                if let minimum = values.min(), let maximum = values.max() {
                    let gauge = Gauge(
                        value: municipality.observation.value, minimum: minimum, maximum: maximum,
                        national: section.national.rate, direction: section.indicator.direction,
                        identifier: "gauge-\(gaugeNumber)",
                        title: "\(municipality.profile.name): \(section.valueText(municipality, style: style, labels))")
                    html.raw("<td>\(gauge.render())</td>")
                } else {
                    html.cell("–")
                }
                let national = municipality.references.first
                html.cell(national?.differencePercent.map { NumberFormat(locale: locale).percent($0) } ?? "–", numeric: true)
                html.cell(municipality.rank.map { "\($0)/\(municipality.rankedCount)" } ?? "–", numeric: true)
                if let change = section.change(municipality.profile.code) {
                    acrossDefinition = acrossDefinition || change.acrossDefinitionChange
                    let percent =
                        NumberFormat(locale: locale).percent(change.percent) + (change.acrossDefinitionChange ? "†" : "")
                    if sharedFirstYear == nil {
                        // The year under the change, so the column stays narrow when indicators start in other years.
                        html.raw(
                            "<td class=\"num\">\(HTMLText.escape(percent))<br><small>"
                                + "\(HTMLText.escape(labels.since(change.since)))</small></td>")
                    } else {
                        html.cell(percent, numeric: true)
                    }
                } else if showsChange {
                    html.cell("–", numeric: true)
                }
                if hasTargets { renderTargetCell(&html, target(municipality.profile.code, section.indicator.id), style, labels) }
                html.raw("</tr>\n")
            }
            html.raw("</tbody>\n")
        }
        html.raw("</table>\n")
        var notes: [String] = []
        if acrossDefinition { notes.append(labels.acrossDefinitionChange) }
        if hasTargets {
            notes.append(
                locale == .nl
                    ? "Doel: groen ✓ = gehaald, oranje ≈ = binnen de marge uit het doelenbestand, rood ✗ = niet gehaald."
                    : "Target: green ✓ = met, orange ≈ = within the margin the targets file sets, red ✗ = not met.")
        }
        if targetsNotShown > 0 { notes.append(labels.targetsNotShown(targetsNotShown)) }
        for item in unavailable {
            notes.append(
                "\(item.indicator.title.text(locale)) (\(item.indicator.id)): \(item.reason(locale))"
                    + (remedy(item).isEmpty ? "" : " — \(remedy(item))"))
        }
        for note in notes { html.element("p", note, class: "note") }
        html.raw("</section>\n")
    }

    private func renderTargetCell(
        _ html: inout HTMLDocument, _ result: TargetResult?, _ style: ValueStyle, _ labels: ReportLabels
    ) {
        guard let result else {
            html.cell("")
            return
        }
        let target = result.target
        let statusClass = result.status?.rawValue ?? "none"
        let text = labels.targetDescription(result, style: style)
        var cell =
            "<td class=\"target\"><span class=\"status \(statusClass)\">\(HTMLText.escape(labels.targetStatus(result.status)))</span> "
            + "<span class=\"note\">\(HTMLText.escape(text))"
        if !target.note.isEmpty { cell += " — \(HTMLText.escape(target.note))" }
        html.raw(cell + "</span></td>")
    }

    private func renderSection(_ section: IndicatorSection, number: Int, into html: inout HTMLDocument, _ labels: ReportLabels) {
        let style = ValueStyle(indicator: section.indicator, locale: locale)
        let indicator = section.indicator
        let title = indicator.title.text(locale)
        html.raw(
            "<section class=\"indicator\(section.comparison.municipalities.count > 6 ? " many" : "")\" id=\"\(section.anchor)\">\n"
        )
        html.element("h2", "\(number). \(title)")
        html.element(
            "p",
            "\(section.comparison.year)\(section.comparison.data.isBudget ? " (\(locale == .nl ? "begroting" : "budget"))" : "") · \(indicator.unit.text(locale)) · \(labels.direction(indicator.direction)) · \(indicator.id)",
            class: "meta")

        // Bar chart: the municipalities, the Netherlands, each reference group.
        var bars = section.comparison.municipalities.map {
            BarChart.Bar(label: $0.profile.name, value: $0.observation.okValue, kind: .municipality)
        }
        // Many municipalities: each one's own nearest neighbours are a Δ column of the numbers table, not twenty more
        // bars (they pushed an indicator onto a third page).
        let manyChosen = section.comparison.municipalities.count > 6
        var groupBars: [BarChart.Bar] = []
        for group in section.referenceGroups where !(manyChosen && group.group.group == .peers) {
            let isNational = group.group.group == .builtIn(.national)
            groupBars.append(
                BarChart.Bar(label: labels.barName(group), value: group.rate, kind: isNational ? .national : .group))
        }
        // Many municipalities are read as a ranking: highest first, those without a value last; the groups after
        // them the same way, the Netherlands first. A few keep the order they were chosen in (yours first).
        if manyChosen {
            bars = BarChart.ranked(bars)
            groupBars = groupBars.filter { $0.kind == .national } + BarChart.ranked(groupBars.filter { $0.kind != .national })
        }
        bars += groupBars
        // Many municipalities: the bars narrower, beside a smaller map, the map's legend under both at full width,
        // so the three share the top of a page.
        let many = section.comparison.municipalities.count > 6
        let barChart = BarChart(
            bars: bars, style: style, title: "\(title): \(labels.comparison)",
            missingText: labels.missing, width: many ? 400 : 680
        ).render()
        if many,
            let map = Self.mapParts(
                section.comparison.data, chosen: section.comparison.municipalities.map(\.profile.code), shapes: shapes,
                names: names, locale: locale, link: mapLink, width: 290)
        {
            html.raw("<div class=\"pair\">\n")
            html.figure(labels.comparison, barChart)
            html.raw("<figure class=\"map compact\">\n<figcaption>\(HTMLText.escape(labels.map))</figcaption>\n")
            html.raw(map.drawing + "\n</figure>\n</div>\n")
            html.raw("<div class=\"map-legend\">\n\(map.legend)\(map.note)</div>\n")
        } else {
            html.figure(labels.comparison, barChart)
            // Every municipality, the chosen ones highlighted.
            renderMap(section, style: style, into: &html, labels)
        }
        let marked = section.comparison.municipalities.compactMap { municipality in
            municipality.observation.value.map { StripPlot.Marked(name: municipality.profile.name, value: $0) }
        }
        let values = section.allValues
        if section.indicator.usesOwnFigures, values.count < GroupSummary.minimumSharers {
            // Own figures of fewer municipalities than a group needs: no spread to show (it would be the municipality
            // itself, or a partner's figure on its own).
        } else if values.isEmpty {
            html.raw("<figure>\n")
            html.element("figcaption", labels.distribution)
            html.element("p", labels.noMunicipalityHasValue, class: "note")
            html.raw("</figure>\n")
        } else {
            html.figure(
                labels.distribution,
                StripPlot(
                    values: values, marked: marked, national: section.national.rate,
                    distribution: Distribution(values), style: style,
                    title: "\(title): \(labels.distribution)", labels: labels
                ).render())
        }

        // Own figures: every period of the monitor, with the target band and the national figure from the file.
        if section.ownSeries.values.contains(where: { !$0.isEmpty }) {
            html.raw("<figure>\n")
            html.element("figcaption", labels.ownFiguresHeading)
            for municipality in section.comparison.municipalities {
                guard let points = section.ownSeries[municipality.profile.code], !points.isEmpty else { continue }
                html.raw(
                    OwnFiguresChart(
                        name: municipality.profile.name, points: points,
                        targets: targetPath.filter {
                            $0.indicatorID == section.indicator.id && $0.municipalityCode == municipality.profile.code
                        },
                        latestStatus: target(municipality.profile.code, section.indicator.id)?.status,
                        reference: section.comparison.data.ownReference, style: style, labels: labels
                    ).render() + "\n")
            }
            html.element("p", labels.ownFiguresNote, class: "note")
            for municipality in section.comparison.municipalities {
                guard let monitor = section.monitors[municipality.profile.code] else { continue }
                html.element(
                    "p", labels.monitorLines(municipality.profile.name, monitor, style: style).joined(separator: " "),
                    class: "note")
            }
            html.raw("</figure>\n")
        }

        renderTrend(section, style: style, into: &html, labels)
        renderNumbers(section, style: style, into: &html, labels)
        renderExplanation(section, into: &html)
        renderDefinition(section, into: &html, labels)
        html.raw("</section>\n")
    }

    /// Whether the trend is a line in each row of the numbers table rather than a panel per municipality: with many
    /// municipalities and no targets to draw (targets need the panels' room), so that an indicator fits two pages.
    private func trendInTable(_ section: IndicatorSection) -> Bool {
        section.comparison.municipalities.count > 6 && section.trend.count > 1
            && !targetPath.contains { $0.indicatorID == section.indicator.id }
    }

    private func renderTrend(
        _ section: IndicatorSection, style: ValueStyle, into html: inout HTMLDocument, _ labels: ReportLabels
    ) {
        if trendInTable(section) { return }
        // Trend, one panel per municipality on a shared scale. Twenty panels may break between rows across a page.
        html.raw(section.comparison.municipalities.count > 6 ? "<figure class=\"trends\">\n" : "<figure>\n")
        html.element("figcaption", labels.trendHeading)
        let sectionTargets = targetPath.filter { $0.indicatorID == section.indicator.id }
        if section.trend.count > 1 || !sectionTargets.isEmpty && !section.trend.isEmpty {
            let range = TrendChart.range(section.trend, targets: sectionTargets)
            // Many municipalities: smaller panels, four to a row, so the panels of twenty fit on one page.
            let many = section.comparison.municipalities.count > 6
            html.raw(many ? "<div class=\"trend many\">\n" : "<div class=\"trend\">\n")
            for (index, municipality) in section.comparison.municipalities.enumerated() {
                if many && index > 0 && index % 5 == 0 { html.raw("</div>\n<div class=\"trend many\">\n") }
                html.raw(
                    TrendChart(
                        name: municipality.profile.name, points: section.trend, code: municipality.profile.code,
                        scale: range, style: style, labels: labels,
                        targets: sectionTargets.filter { $0.municipalityCode == municipality.profile.code }
                    ).render() + "\n")
            }
            html.raw("</div>\n")
            html.element(
                "p",
                ([labels.trendNote(lines: TrendBreak.segments(of: section.trend).contains { $0.count > 1 })]
                    + TrendBreak.breaks(in: section.trend).map(labels.trendBreak)).joined(separator: " "),
                class: "note")
        } else {
            html.element("p", labels.onlyOneYear, class: "note")
        }
        html.raw("</figure>\n")
    }

    private func renderNumbers(
        _ section: IndicatorSection, style: ValueStyle, into html: inout HTMLDocument, _ labels: ReportLabels
    ) {
        let format = NumberFormat(locale: locale)
        html.element("h3", labels.table)
        if section.comparison.municipalities.count > 6 {
            renderCompactNumbers(section, style: style, format: format, into: &html, labels)
            return
        }
        // One heading row per municipality (value, rank) and one row per reference group under it: six columns fit
        // on A4 where ten did not.
        html.raw("<table>\n<thead><tr>")
        html.headerCells([labels.group])
        html.headerCells(
            [
                labels.groupRate, labels.averageMunicipality, labels.difference, "%",
                style.isMoney ? labels.gap : labels.gapCount,
            ], numeric: true)
        html.raw("</tr></thead>\n")
        for municipality in section.comparison.municipalities {
            html.raw("<tbody class=\"municipality\">\n")
            var value = section.valueText(municipality, style: style, labels)
            if let interval = municipality.interval {
                value += " (95%: \(style.value(interval.lower))–\(style.value(interval.upper)))"
            }
            html.raw(
                "<tr><th scope=\"rowgroup\" colspan=\"6\">\(HTMLText.escape(municipality.profile.name)): "
                    + "\(HTMLText.escape(value)) · \(HTMLText.escape(labels.rank.lowercased())) \(HTMLText.escape(municipality.rankText(format)))</th></tr>\n"
            )
            for reference in municipality.references {
                let summary = reference.summary
                html.raw("<tr>")
                html.cell(labels.summaryName(summary) + (summary.basis != nil || summary.missing.isEmpty ? "" : " *"))
                html.cell(style.value(summary.rate), numeric: true)
                html.cell(style.value(summary.distribution?.mean), numeric: true)
                html.cell(style.difference(reference.difference), numeric: true)
                html.cell(reference.differencePercent.map { format.percent($0) } ?? "–", numeric: true)
                html.cell(style.gap(reference.gap), numeric: true)
                html.raw("</tr>\n")
            }
            html.raw("</tbody>\n")
        }
        html.raw("</table>\n")
        // The open-data legend is the same under every such indicator: marked, so paper shows it once.
        html.element("p", section.legend(labels), class: section.indicator.usesOwnFigures ? "note" : "note table-legend")
        if section.comparison.municipalities.contains(where: {
            $0.references.contains { $0.summary.basis == nil && !$0.summary.missing.isEmpty }
        }) {
            html.element(
                "p",
                locale == .nl
                    ? "* Groep met gemeenten zonder waarde; die tellen niet mee (nooit als 0)."
                    : "* Group with municipalities without a value; they are left out (never counted as 0).",
                class: "note")
        }
    }

    /// The map of every municipality of the year, with its legend; nothing when the store has no boundaries.
    private func renderMap(
        _ section: IndicatorSection, style: ValueStyle, into html: inout HTMLDocument, _ labels: ReportLabels
    ) {
        html.raw(
            Self.mapFigure(
                section.comparison.data, chosen: section.comparison.municipalities.map(\.profile.code), shapes: shapes,
                names: names, locale: locale, link: mapLink))
    }

    /// A figure with the map of every municipality of the data's year (the boundaries of that year, else of the
    /// nearest year with boundaries), its legend and note; empty without boundaries. `link` makes each municipality
    /// a link (the dashboard's click to add).
    public static func mapFigure(
        _ data: IndicatorData, chosen: [String], shapes: [Int: MapShapes], names: [String: String],
        locale: ReportLocale, link: (@Sendable (String) -> String)? = nil
    ) -> String {
        guard let parts = mapParts(data, chosen: chosen, shapes: shapes, names: names, locale: locale, link: link, width: 360)
        else { return "" }
        // The caption says what the map shows and of which period and document: on the dashboard's start page it
        // stands alone.
        let period = data.document.map { NoteWording(locale: locale).document($0, data.year) } ?? String(data.year)
        let caption = "\(ReportLabels(locale: locale).map): \(data.indicator.title.text(locale)), \(period)"
        return "<figure class=\"map\">\n<figcaption>\(HTMLText.escape(caption))</figcaption>\n"
            + "<div class=\"map-body\">\n\(parts.drawing)\n\(parts.legend)</div>\n\(parts.note)</figure>\n"
    }

    /// The map's drawing, its legend (a list) and its note, apart: a report of many municipalities sets the map
    /// beside the bars and the legend under both, at full width.
    static func mapParts(
        _ data: IndicatorData, chosen: [String], shapes: [Int: MapShapes], names: [String: String],
        locale: ReportLocale, link: (@Sendable (String) -> String)?, width: Double
    ) -> (drawing: String, legend: String, note: String)? {
        let labels = ReportLabels(locale: locale)
        let style = ValueStyle(indicator: data.indicator, locale: locale)
        let year = data.classificationYear
        guard let shapeYear = shapes.keys.min(by: { (abs($0 - year), -$0) < (abs($1 - year), -$1) }),
            let yearShapes = shapes[shapeYear]
        else { return nil }
        let wording = NoteWording(locale: locale)
        var values: [String: Double] = [:]
        var missing: [String: String] = [:]
        var withoutOwnFigure = 0
        for (code, observation) in data.observations where yearShapes.paths[code] != nil {
            if let value = observation.okValue {
                values[code] = value
            } else if case .missing(.noOwnFigure) = observation.status {
                withoutOwnFigure += 1  // most of the country: counted in the legend, not named
            } else {
                missing[code] = wording.status(observation.status)
            }
        }
        // Own figures: a map of fewer municipalities than a group needs would show one municipality's classes
        // ("2,83–2,83" five times), or a partner's figure on its own.
        if data.indicator.usesOwnFigures, values.count < GroupSummary.minimumSharers { return nil }
        var map = ChoroplethMap(
            shapes: yearShapes, names: names, values: values, missing: missing, withoutOwnFigure: withoutOwnFigure,
            chosen: chosen, style: style, labels: labels, link: link,
            title: "\(labels.map): \(data.indicator.title.text(locale)), \(data.year)", displayWidth: width)
        // Spending ÷ the fund's allocation and the need index mean something at 1.00: coloured around it.
        switch (data.indicator.numerator, data.indicator.denominator) {
        case (_, .fund), (.fundNeed, _): map.centre = 1
        default: break
        }
        let drawing = map.render()
        guard !drawing.isEmpty else { return nil }
        var legend = HTMLDocument()
        legend.raw("<ul class=\"legend\">\n")
        for item in map.legend() {
            let swatch =
                item.colour == "hatch"
                ? "<span class=\"swatch hatch\"></span>"
                : "<span class=\"swatch\" style=\"background:\(item.colour ?? "#fff")\"></span>"
            legend.raw("<li>\(swatch)\(HTMLText.escape(item.text))</li>\n")
        }
        legend.raw("</ul>\n")
        var note = HTMLDocument()
        note.element(
            "p",
            (map.centre == nil
                ? labels.mapNote
                : locale == .nl
                    ? "Vaste klassen rond 1,00: paars is minder dan het gemeentefonds toekent (of een lagere behoefte dan gemiddeld), oranje meer; wit binnen 5 %."
                    : "Fixed classes around 1.00: purple is less than the municipal fund allocates (or a need below average), orange more; white within 5 %.")
                + (shapeYear == year ? "" : (locale == .nl ? " Grenzen van \(shapeYear)." : " Boundaries of \(shapeYear).")),
            class: "note")
        return (drawing, legend.text, note.text)
    }

    /// Many municipalities: one row each — value, rank, and the difference with each group's rate in % — so twenty
    /// take a page, not four. The group rates and gaps are in the CSV and xlsx outputs.
    private func renderCompactNumbers(
        _ section: IndicatorSection, style: ValueStyle, format: NumberFormat, into html: inout HTMLDocument,
        _ labels: ReportLabels
    ) {
        let kinds = section.comparison.municipalities.first?.references.map(\.summary.group.group) ?? []
        html.raw("<table>\n<thead><tr>")
        html.headerCells([labels.municipality])
        html.headerCells([labels.value, labels.rank] + kinds.map { "Δ " + labels.groupKind($0) }, numeric: true)
        let sparklines = trendInTable(section)
        let years = section.trend.map(\.year)
        if sparklines, let first = years.min(), let last = years.max() {
            html.headerCells(["\(labels.trendHeading) \(first)–\(last)"])
        }
        html.raw("</tr></thead>\n<tbody>\n")
        let range = TrendChart.range(section.trend)
        for municipality in section.comparison.municipalities {
            html.raw("<tr>")
            html.cell(municipality.profile.name)
            html.cell(section.valueText(municipality, style: style, labels), numeric: true)
            html.cell(municipality.rankText(format), numeric: true)
            for reference in municipality.references {
                html.cell(reference.differencePercent.map { format.percent($0) } ?? "–", numeric: true)
            }
            if sparklines {
                html.raw(
                    "<td class=\"spark\">"
                        + Sparkline(
                            name: municipality.profile.name, points: section.trend, code: municipality.profile.code,
                            scale: range, style: style, labels: labels
                        ).render() + "</td>")
            }
            html.raw("</tr>\n")
        }
        html.raw("</tbody>\n</table>\n")
        if sparklines {
            html.element(
                "p",
                ([labels.sparklineNote] + TrendBreak.breaks(in: section.trend).map(labels.trendBreak)).joined(
                    separator: " "),
                class: "note")
        }
        html.element(
            "p",
            locale == .nl
                ? "Δ: verschil met het groepscijfer van elke groep van de gemeente, in % van dat groepscijfer. Met zoveel gemeenten staan de groepscijfers en het gat in euro's niet hier maar in de CSV- en xlsx-uitvoer van de vergelijking."
                : "Δ: difference with the rate of each of the municipality's groups, as % of that rate. With this many municipalities the group rates and the gap in euros are not shown here but in the comparison's CSV and xlsx outputs.",
            class: "note")
    }

    private func renderDefinition(_ section: IndicatorSection, into html: inout HTMLDocument, _ labels: ReportLabels) {
        let indicator = section.indicator
        let data = section.comparison.data
        let nl = locale == .nl
        html.element("h3", labels.definition)
        var lines: [String] = []
        switch indicator.numerator {
        case .iv3(let measure, _):
            let what =
                switch measure {
                case .lasten: nl ? "lasten (bruto uitgaven)" : "lasten (gross spending)"
                case .baten: nl ? "baten (inkomsten)" : "baten (income)"
                case .netto: nl ? "lasten − baten" : "lasten − baten (net)"
                }
            lines.append(
                (nl ? "Teller: Iv3 \(what) op taakveld " : "Numerator: Iv3 \(what) on taakveld ")
                    + data.taakvelden.joined(separator: ", ") + (nl ? " (× € 1.000)." : " (× €1,000)."))
        case .cbs(let table, let topics, let selection):
            lines.append(
                (nl ? "Teller: CBS-tabel " : "Numerator: CBS table ") + "\(table), \(topics.joined(separator: " + "))"
                    + IndicatorDescription.describe(selection, locale) + ".")
        case .own(let measure):
            lines.append(
                (nl ? "Teller: eigen cijfers van de gemeente, " : "Numerator: the municipality's own figures, ") + measure + ".")
        case .fund(let cluster):
            lines.append(
                (nl
                    ? "Teller: uitkering uit het gemeentefonds, cluster "
                    : "Numerator: allocation from the municipal fund, cluster ")
                    + cluster + ".")
        case .fundNeed(let cluster):
            lines.append(
                (nl
                    ? "Teller: uitkering uit het gemeentefonds, cluster \(cluster), gedeeld door de landelijke uitkering per inwoner (behoefte in inwoners)."
                    : "Numerator: allocation from the municipal fund, cluster \(cluster), divided by the national allocation per inhabitant (need in inhabitants).")
            )
        }
        if indicator.overhead == .salaries {
            lines.append(
                nl
                    ? "Plus een deel van de overhead (taakveld 0.4): de overhead × de salarissen (L1.1) op deze taakvelden ÷ de salarissen op alle taakvelden behalve 0.4."
                    : "Plus a share of the overhead (taakveld 0.4): the overhead × the salaries (L1.1) on these taakvelden ÷ the salaries on every taakveld but 0.4."
            )
        }
        switch indicator.denominator {
        case .population:
            lines.append(
                nl
                    ? "Noemer: inwoners op 1 januari (CBS, gemeenteklassen)."
                    : "Denominator: inhabitants on 1 January (CBS, municipality classes).")
        case .cbs(let table, let topics, let selection):
            lines.append(
                (nl ? "Noemer: CBS-tabel " : "Denominator: CBS table ") + "\(table), \(topics.joined(separator: " + "))"
                    + IndicatorDescription.describe(selection, locale) + ".")
        case .own(let measure):
            lines.append(
                (nl ? "Noemer: eigen cijfers van de gemeente, " : "Denominator: the municipality's own figures, ") + measure + "."
            )
        case .fund(let cluster):
            lines.append(
                (nl
                    ? "Noemer: uitkering uit het gemeentefonds, cluster "
                    : "Denominator: allocation from the municipal fund, cluster ") + cluster + ".")
        case .none:
            lines.append(
                nl
                    ? "Geen noemer: het cijfer zoals de gemeente het meldt."
                    : "No denominator: the figure as the municipality reports it.")
        }
        if indicator.multiplier != 1 {
            lines.append((nl ? "Vermenigvuldigd met " : "Multiplied by ") + "\(indicator.multiplier).")
        }
        if !indicator.notes.text(locale).isEmpty { lines.append(indicator.notes.text(locale)) }
        // Many municipalities: one paragraph, so the section keeps to two pages.
        if section.comparison.municipalities.count > 6 {
            html.element("p", lines.joined(separator: " "), class: "note")
        } else {
            for line in lines { html.element("p", line, class: "note") }
        }
        html.raw("<ul class=\"sources\">\n")
        for line in section.sourceLines(locale) { html.element("li", line) }
        html.raw("</ul>\n")
        let many = section.comparison.municipalities.count > 6
        if many { renderCoverage(section, into: &html, labels) }
        let footnotes = section.footnotes(labels, groupsInTable: many, names: names)
        if !footnotes.isEmpty {
            html.element("h3", labels.footnotes)
            html.raw("<ol class=\"footnotes\">\n")
            for note in footnotes { html.element("li", note) }
            html.raw("</ol>\n")
        }
    }

    /// Who counts in each reference group — a row per group that leaves someone out or counts a 0, a column per
    /// reason — and the nearest-neighbour method once: for many municipalities, where a footnote per group (twenty
    /// groups of nearest neighbours) filled a page. More than eight rows go in two tables side by side.
    private func renderCoverage(_ section: IndicatorSection, into html: inout HTMLDocument, _ labels: ReportLabels) {
        let format = NumberFormat(locale: locale)
        let rows = section.referenceGroups.filter { !$0.excluded.isEmpty || !$0.zeros.isEmpty }
        let methods = Set(section.referenceGroups.compactMap { labels.peersMethod($0.group) })
        guard !rows.isEmpty || !methods.isEmpty else { return }
        html.element("h3", labels.coverageHeading)
        let reasons = Exclusion.allCases.filter { reason in rows.contains { $0.excluded[reason] != nil } }
        let zeros = rows.contains { !$0.zeros.isEmpty }
        func number(_ value: Int) -> String { format.number(Double(value), decimals: 0) }
        // A reason that leaves no one out is an empty cell; "counted" always shows its number, 0 included.
        func count(_ value: Int) -> String { value == 0 ? "" : number(value) }
        let halves =
            rows.count > 8 ? [Array(rows.prefix((rows.count + 1) / 2)), Array(rows.dropFirst((rows.count + 1) / 2))] : [rows]
        html.raw("<div class=\"coverage\">\n")
        for half in halves where !half.isEmpty {
            html.raw("<table>\n<thead><tr>")
            html.headerCells([labels.group])
            html.headerCells(
                [labels.countedOf] + reasons.map(labels.exclusionHeader) + (zeros ? [labels.countedWithZero] : []),
                numeric: true)
            html.raw("</tr></thead>\n<tbody>\n")
            for summary in half {
                html.raw("<tr>")
                html.cell(labels.coverageName(summary.group))
                let counted = summary.group.members.count - summary.missing.count
                html.cell("\(number(counted))/\(number(summary.group.members.count))", numeric: true)
                for reason in reasons { html.cell(count(summary.excluded[reason]?.count ?? 0), numeric: true) }
                if zeros { html.cell(count(summary.zeros.count), numeric: true) }
                html.raw("</tr>\n")
            }
            html.raw("</tbody>\n</table>\n")
        }
        html.raw("</div>\n")
        html.element("p", ([labels.coverageNote(reasons)] + methods.sorted()).joined(separator: " "), class: "note")
    }

    private func renderSources(_ html: inout HTMLDocument, _ labels: ReportLabels) {
        html.raw("<footer>\n")
        if !unavailable.isEmpty {
            html.element("h3", labels.unavailableHeading)
            html.raw("<ul class=\"sources\">\n")
            for item in unavailable {
                html.element(
                    "li",
                    "\(item.indicator.title.text(locale)) (\(item.indicator.id)): \(item.reason(locale))."
                        + (remedy(item).isEmpty ? "" : " \(locale == .nl ? "Oplossing" : "To include it"): \(remedy(item))"))
            }
            html.raw("</ul>\n")
        }
        html.element("p", labels.credit(ownOnly: ownOnly))
        html.raw("</footer>\n")
    }
}

extension IndicatorSection {
    /// The section's anchor in the document.
    var anchor: String { "indicator-" + HTMLText.identifier(indicator.id) }

    /// The kinds of reference group in this section, national first.
    var referenceGroupKinds: [PeerGroup] {
        comparison.municipalities.first?.references.map(\.summary.group.group) ?? [.builtIn(.national)]
    }
}
