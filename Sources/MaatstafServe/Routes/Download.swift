import Foundation
import MaatstafCompare
import MaatstafCore
import MaatstafReport

/// A view as a file: the comparison as `maatstaf compare` writes it (CSV, an Excel workbook, JSON), or the
/// self-contained HTML report `maatstaf report` writes — the same numbers, so what a colleague downloads can be
/// traced back to the same command.
enum Download: String, CaseIterable, Sendable {
    case csv = "compare.csv"
    case xlsx = "compare.xlsx"
    case json = "compare.json"
    case report = "report.html"

    var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .json: "application/json; charset=utf-8"
        case .report: "text/html; charset=utf-8"
        }
    }

    /// The format the comparison is written in, by the same writer as `maatstaf compare --format`.
    var format: OutputFormat {
        switch self {
        case .csv: .csv
        case .xlsx: .xlsx
        case .json: .json
        case .report: .html
        }
    }

    /// The file name a browser saves it under: `maatstaf-wmo.huishoudelijke-hulp-2023.csv`.
    func fileName(_ state: ViewState, year: Int) -> String {
        let ext = rawValue.split(separator: ".").last.map(String.init) ?? "txt"
        return "maatstaf-\(state.indicator.id)-\(year).\(ext)"
    }

    /// The file's bytes and the year it is about.
    func make(_ state: ViewState, data: DashboardData) throws(DashboardError) -> (bytes: [UInt8], year: Int) {
        guard !state.municipalities.isEmpty else { throw .noMunicipality }
        do {
            if self == .report {
                let report = try data.report(state)
                let year = report.sections.first?.comparison.year ?? state.year ?? 0
                return (Array(report.renderHTML().utf8), year)
            }
            let page = DashboardPage(data: data, state: state)
            guard let period = page.chosenPeriod else {
                throw DashboardError.cannotCompare(.en(state.indicator.id, nl: state.indicator.id))
            }
            let comparison = try data.engine.compare(
                state.indicator, year: period.year, kind: state.kind, municipalities: state.municipalities,
                against: PeerGroup.withNationalFirst(state.groups))
            let report = CompareReport(comparison, locale: state.locale)
            return (try ResultWriter.bytes(report, as: format), period.year)
        } catch {
            throw DashboardPage.problem(error, state, data)
        }
    }
}
