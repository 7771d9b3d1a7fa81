import MaatstafReport

/// The dashboard's style sheet and script, compiled in and served from fixed addresses: nothing from elsewhere
/// (no fonts, scripts or styles from the internet), and no file of the disk can be asked for.
enum DashboardAssets {
    /// The report's style sheet, so charts look as in a report, and the form and the wider screen layout.
    static let css =
        BenchmarkReport.styleSheet + """

            body.dashboard { max-width: 1180px; }
            body.dashboard header h1 a { color: inherit; text-decoration: none; }
            nav.language { float: right; }
            form#view { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-start; margin: 6px 0 12px;
                        padding: 8px; background: #f5f7fa; border: 1px solid #d0d7e0; }
            form#view fieldset { border: 1px solid #d0d7e0; background: #fff; padding: 6px 8px; margin: 0; }
            form#view legend { font-weight: bold; }
            form#view label { display: inline-block; margin: 2px 8px 2px 0; }
            form#view select { max-width: 28em; }
            form#view button { align-self: center; font-size: 11pt; padding: 4px 16px; }
            ul.chips { list-style: none; padding: 0; margin: 0 0 4px; display: flex; flex-wrap: wrap; gap: 4px; }
            ul.chips li { background: #e8eef6; border-radius: 10px; padding: 1px 8px; }
            ul.chips a { text-decoration: none; font-weight: bold; margin-left: 4px; }
            p.problem { background: #fff4e5; border-left: 4px solid #E69F00; padding: 6px 8px; }
            p.hint { font-size: 11pt; }
            body.dashboard svg.map { width: 460px; height: auto; }
            svg.map a path:hover { stroke: #D55E00; stroke-width: 10; }
            svg.map a { cursor: pointer; }
            p.downloads a { margin: 0 2px; }
            @media print { form#view, nav.language, p.downloads { display: none; } }
            """

    /// A little help where scripts run: a changed choice shows at once, and the type-ahead suggests names the way
    /// the command line matches them (accents, "gemeente", codes). Every page works without it.
    static let javascript = String(decoding: PackageResources.dashboard_js, as: UTF8.self)
}
