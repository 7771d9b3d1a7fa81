import MaatstafCore

/// The report's inline CSS: readable on screen, printable on A4 with no chart or table row cut across pages.
enum ReportStyleSheet {
    static let css = """
        @page { size: A4; margin: 14mm 12mm; }
        body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 10pt; line-height: 1.4;
               color: #1a1a1a; background: #fff; max-width: 186mm; margin: 0 auto; padding: 10px;
               hyphens: auto; overflow-wrap: break-word; }
        code { overflow-wrap: anywhere; word-break: break-all; }
        li, p { overflow-wrap: anywhere; }
        h1 { font-size: 18pt; margin: 0 0 4px; }
        h2 { font-size: 14pt; margin: 18px 0 4px; border-bottom: 2px solid #0072B2; padding-bottom: 2px; }
        h3 { font-size: 11pt; margin: 14px 0 4px; }
        p.lead { color: #444; margin: 0 0 10px; }
        p.meta { color: #444; font-size: 9pt; margin: 0 0 6px; }
        table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 6px 0; }
        th, td { border-bottom: 1px solid #d0d0d0; padding: 3px 3px; text-align: left; vertical-align: middle; }
        th { background: #f2f2f2; font-weight: bold; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        th.num { white-space: normal; overflow-wrap: normal; hyphens: manual; }
        td.num.missing { white-space: normal; }
        tr { break-inside: avoid; }
        tbody.municipality { border-top: 2px solid #999; break-inside: avoid; }
        svg { display: block; }
        svg.chart { max-width: 100%; height: auto; }
        svg.gauge { display: inline-block; vertical-align: middle; width: 76px; height: auto; }
        figure { margin: 8px 0 12px; break-inside: avoid; }
        figcaption { font-size: 9pt; color: #444; margin-bottom: 2px; font-weight: bold; }
        .trend { display: flex; flex-wrap: wrap; gap: 4px 10px; }
        .trend svg { border: 1px solid #e0e0e0; }
        .map-body { display: flex; gap: 12px; align-items: flex-start; }
        .map-body svg { flex: 0 0 auto; }
        ul.legend { list-style: none; padding: 0; margin: 0; font-size: 8.5pt; overflow-wrap: anywhere; }
        ul.legend li { margin: 0 0 3px; }
        .swatch { display: inline-block; width: 14px; height: 10px; border: 1px solid #999; margin-right: 6px; vertical-align: middle; }
        .swatch.hatch { background: repeating-linear-gradient(45deg, #fff 0 3px, #999 3px 5px); }
        /* Twenty panels in rows of five, each row a block a printed page may break before. */
        .trend.many { gap: 3px 6px; margin-bottom: 3px; break-inside: avoid; }
        .trend.many svg { width: 132px; height: auto; }
        figure.trends { break-inside: auto; }
        figure.trends figcaption { break-after: avoid; }
        .pair { display: flex; gap: 10px; align-items: flex-start; }
        h4 { font-size: 10pt; margin: 10px 0 4px; break-after: avoid; }
        /* Many municipalities: their waterfalls and need charts two to a row. */
        .waterfalls { display: flex; flex-wrap: wrap; gap: 0 12px; }
        .waterfalls > figure { flex: 0 0 335px; margin: 4px 0 6px; }
        .waterfalls figcaption { font-size: 8pt; }
        .pair > figure { margin: 4px 0 8px; }
        .pair > figure:first-child { flex: 0 0 auto; }
        .map-legend { break-inside: avoid; margin: 0 0 8px; }
        .map-legend ul.legend { display: flex; flex-wrap: wrap; gap: 2px 14px; font-size: 7.5pt; }
        .map-legend ul.legend li { margin: 0; }
        .map-legend ul.legend li:has(.hatch) { flex-basis: 100%; }
        .map-legend p.note { font-size: 7.5pt; margin: 2px 0; }
        table.matrix { font-size: 7.5pt; table-layout: fixed; }
        table.matrix th { font-size: 7pt; vertical-align: bottom; hyphens: auto; overflow-wrap: break-word;
                          white-space: normal; }
        table.matrix thead th:first-child { width: 92px; }
        table.matrix th .note { font-size: 6.5pt; font-weight: normal; }
        table.matrix td, table.matrix th { padding: 1.5px 3px; }
        table.matrix tbody th { font-size: 7.5pt; background: none; vertical-align: middle; }
        table.matrix tr.national th, table.matrix tr.national td { background: #e8e8e8; font-weight: bold; }
        table.matrix span.delta { color: #555; font-size: 6.5pt; }
        section.many ol.footnotes { columns: 2; column-gap: 18px; }
        section.many ol.footnotes li { break-inside: avoid; }
        section.many table td, section.many table th { padding: 1.5px 4px; line-height: 1.2; }
        section.many ol.footnotes, section.many ul.sources { font-size: 7.5pt; }
        section.many .note { font-size: 7.5pt; }
        section.many table td.spark { padding: 0 4px; width: 110px; }
        svg.spark { display: block; }
        .coverage { display: flex; gap: 12px; align-items: flex-start; }
        .coverage table { flex: 1 1 0; min-width: 0; font-size: 7.5pt; margin: 2px 0; }
        .coverage th.num { white-space: normal; vertical-align: bottom; }
        .note { font-size: 8.5pt; color: #444; overflow-wrap: anywhere; }
        ol.footnotes, ul.sources { font-size: 8.5pt; color: #333; padding-left: 20px; overflow-wrap: anywhere; }
        /* On paper the footnotes and sources are the reference part of an indicator's two pages: smaller, and the
           footnotes in two columns, so that an indicator does not spill a few lines onto a third page. */
        @media print {
          ol.footnotes, ul.sources { font-size: 7.5pt; }
          ol.footnotes { columns: 2; column-gap: 18px; }
          ol.footnotes li { break-inside: avoid; }
          /* The numbers table's legend is the same words under every indicator of open data: on paper, once (the
             first that has it). */
          section.indicator:has(p.table-legend) ~ section.indicator p.table-legend { display: none; }
          footer { margin-top: 6px; padding-top: 2px; }
          footer p { margin: 0; }
          p.note { font-size: 7.5pt; }
        }
        .status { font-weight: bold; white-space: nowrap; padding: 1px 4px; border-radius: 3px; }
        td.target { min-width: 88px; }
        .region table { font-size: 7.5pt; }
        .region th.num { white-space: normal; }
        .region td, .region th { padding: 2px 3px; }
        th[scope=rowgroup] { width: 132px; overflow-wrap: normal; hyphens: manual; }
        .status.met { background: #c8ecdf; border: 1px solid #009E73; }
        .status.within-margin { background: #fbe3b0; border: 1px solid #E69F00; }
        .status.missed { background: #f6cdb8; border: 1px solid #D55E00; }
        .status.none { background: #eee; border: 1px solid #999; }
        .missing { color: #666; font-style: italic; }
        /* An indicator follows on from the one before (a page of its own each left two municipalities' report at 24
           pages, most indicators spilling a few lines onto a near-empty third); a heading stays with what follows it,
           and a figure, a row and a municipality's block are never split. */
        section.indicator { break-before: auto; }
        h2, h3, figcaption { break-after: avoid; }
        nav ol { columns: 2; font-size: 9pt; }
        footer { margin-top: 24px; font-size: 8.5pt; color: #444; border-top: 1px solid #ccc; padding-top: 6px; }
        @media print {
          body { padding: 0; }
          a { color: inherit; text-decoration: none; }
          nav { display: none; }
        }
        """
}
