import MaatstafCompare
import MaatstafCore
import MaatstafModel

extension BenchmarkReport {
    /// A region's view of one indicator: stacked bars of each member's share of the amount beside its share of the
    /// population (and use), then the members, the cost-split keys and the what-if as tables.
    func renderRegion(_ view: RegionBreakdown, number: Int, into html: inout HTMLDocument) {
        let report = RegionReport([view], locale: locale)
        let nl = locale == .nl
        html.raw("<section class=\"indicator region\" id=\"region-\(number)\">\n")
        html.element(
            "h2",
            "\(number). " + (nl ? "Regionaal beeld: " : "Regional view: ") + view.region.label + " — "
                + view.indicator.title.text(locale))
        html.element("p", report.heading(view), class: "meta")
        let format = NumberFormat(locale: locale)
        var rows = [
            ShareChart.Row(label: nl ? "aandeel bedrag" : "share of amount", shares: view.members.map(\.amountShare)),
            ShareChart.Row(label: nl ? "aandeel inwoners" : "share of population", shares: view.members.map(\.populationShare)),
        ]
        if view.volumeIndicator != nil {
            rows.append(ShareChart.Row(label: nl ? "aandeel gebruik" : "share of use", shares: view.members.map(\.volumeShare)))
        }
        let chart = ShareChart(
            members: view.members.map(\.municipality.name), rows: rows,
            title: (nl ? "Aandelen per lid: " : "Shares per member: ") + view.region.label, format: format)
        html.figure(
            nl
                ? "Elk lid zijn aandeel in het bedrag van de regio naast zijn aandeel in de inwoners"
                : "Each member's share of the region's amount beside its share of the population", chart.render())
        html.element("h3", nl ? "Leden" : "Members")
        renderTable(report.membersTable(view), into: &html)
        if let keys = report.keysTable(view) {
            html.element("h3", nl ? "Kostenverdeelsleutels" : "Cost-split keys")
            renderTable(keys, into: &html)
        }
        if let scenarios = report.scenarioTable(view) {
            html.element(
                "h3",
                nl
                    ? "Wat als elk lid per inwoner uitgaf wat een ander cijfer zegt"
                    : "What if every member spent at another figure per inhabitant")
            renderTable(scenarios, into: &html)
        }
        html.raw("<ul class=\"notes\">\n")
        for note in report.notes(view) { html.element("li", note) }
        html.raw("</ul>\n</section>\n")
    }

    private func renderTable(_ table: Table, into html: inout HTMLDocument) {
        html.raw("<table>\n<thead><tr>")
        for column in table.columns { html.headerCells([column.title], numeric: column.alignment == .right) }
        html.raw("</tr></thead>\n<tbody>\n")
        for row in table.rows {
            html.raw("<tr>")
            for (index, cell) in row.enumerated() {
                html.cell(cell, numeric: table.columns[index].alignment == .right)
            }
            html.raw("</tr>\n")
        }
        html.raw("</tbody>\n</table>\n")
    }
}
