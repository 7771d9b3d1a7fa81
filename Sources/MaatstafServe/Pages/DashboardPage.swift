import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafReport
import Mustache

/// One view as a page: the form that chooses it, the values with their ranks, the report's charts for the
/// indicator (bars, map, distribution, trend, numbers table with gaps and ranks, definition) and the downloads.
/// Without a municipality chosen, the map of every municipality invites a click.
struct DashboardPage {
    let data: DashboardData
    let state: ViewState

    private var labels: DashboardLabels { DashboardLabels(locale: state.locale) }

    /// The page's address for another state of the view, under the dashboard's base path.
    static func address(_ state: ViewState, path: String = "/", base: String) -> String {
        base + path + "?" + state.query.encoded
    }

    func address(_ state: ViewState, path: String = "/") -> String {
        Self.address(state, path: path, base: data.basePath)
    }

    func render() throws(DashboardError) -> String {
        var context = formContext()
        let report = try buildReport()
        if let report, let section = report.sections.first {
            context["hasResult"] = true
            context["sections"] = report.renderSectionsHTML()
            context["indicatorTitle"] = state.indicator.title.text(state.locale)
            context["periodText"] = periodText(section.comparison.data)
            let national = section.national.rate
            context["rows"] = section.comparison.municipalities.map { municipality -> [String: Any] in
                let value = municipality.observation.okValue
                let rank =
                    municipality.rank.map { labels.rankText($0, of: municipality.rankedCount) } ?? labels.noRank
                return [
                    "code": municipality.profile.code, "name": municipality.profile.name,
                    "raw": value.map { String($0) } ?? "",
                    "value": valueText(municipality.observation),
                    "national": ReportWording.value(national, indicator: state.indicator, locale: state.locale),
                    "rank": rank,
                ]
            }
            let stem = "maatstaf-\(state.indicator.id)-\(section.comparison.year)"
            context["csvURL"] = address(state, path: "/download/compare.csv")
            context["csvName"] = stem + ".csv"
            context["xlsxURL"] = address(state, path: "/download/compare.xlsx")
            context["xlsxName"] = stem + ".xlsx"
            context["reportURL"] = address(state, path: "/download/report.html")
            context["reportName"] = stem + ".html"
            context["jsonURL"] = address(state, path: "/download/compare.json")
        } else {
            context["hasResult"] = false
            context["nothingChosen"] = state.municipalities.isEmpty
            context["overviewMap"] = try overviewMap()
        }
        if let report {
            context["unavailable"] = report.unavailable.map { item -> String in
                let remedy = item.fetch.isEmpty ? "" : " — " + item.fetch.map(data.fetchText).joined(separator: "; ")
                return "\(item.indicator.title.text(state.locale)): \(item.reason(state.locale))\(remedy)"
            }
        }
        return PageTemplate.view.render(context)
    }

    /// The report for the view (one indicator); nil when no municipality is chosen.
    private func buildReport() throws(DashboardError) -> BenchmarkReport? {
        guard !state.municipalities.isEmpty else { return nil }
        do {
            var report = try data.report(state)
            let state = self.state
            report.mapLink = { code in
                guard let municipality = state.municipalities.first(where: { $0.code == code }) else {
                    return address(state, path: "/") + "&add=" + QueryString.encode(code)
                }
                return address(state.removing(municipality.code))
            }
            return report
        } catch {
            throw Self.problem(error, state, data)
        }
    }

    /// An engine error as the dashboard words it: a municipality that did not exist in the year with what to choose
    /// instead; anything else with the engine's own message, in the reader's language.
    static func problem(_ error: any Error, _ state: ViewState, _ data: DashboardData) -> DashboardError {
        if let error = error as? DashboardError { return error }
        if let compare = error as? CompareError, compare.kind == .municipalityNotAvailable,
            let year = DashboardPage(data: data, state: state).chosenPeriod?.year,
            let profiles = try? data.atlas.profiles(year: year),
            let missing = state.municipalities.first(where: { profiles[$0.code] == nil })
        {
            return .notInYear(missing.name, year: year, lastYear: missing.isCurrent ? nil : missing.lastYear)
        }
        return .cannotCompare(message(error, data))
    }

    /// Every municipality on the map for the indicator's period, each a link that adds it.
    private func overviewMap() throws(DashboardError) -> String {
        guard let period = chosenPeriod else { return "" }
        do {
            let indicatorData = try data.engine.data(state.indicator, year: period.year, kind: period.kind)
            let state = self.state
            return BenchmarkReport.mapFigure(
                indicatorData, chosen: [], shapes: data.shapes, names: data.names, locale: state.locale,
                link: { code in address(state, path: "/") + "&add=" + QueryString.encode(code) })
        } catch {
            throw .cannotCompare(Self.message(error, data))
        }
    }

    /// The period the view shows: the year (and document) asked for, else the latest with data.
    var chosenPeriod: IndicatorPeriod? {
        let periods = (data.periods[state.indicator.id] ?? []).filter { state.kind == nil || $0.kind == state.kind }
        if let year = state.year {
            return periods.filter { $0.year == year }.min() ?? IndicatorPeriod(year: year, kind: state.kind)
        }
        guard let latest = periods.map(\.year).max() else { return nil }
        return periods.filter { $0.year == latest }.min()
    }

    private func periodText(_ indicatorData: IndicatorData) -> String {
        guard let kind = indicatorData.document else { return String(indicatorData.year) }
        return NoteWording(locale: state.locale).document(kind, indicatorData.year)
    }

    private func valueText(_ observation: Observation) -> String {
        if let value = observation.okValue {
            return ReportWording.value(value, indicator: state.indicator, locale: state.locale)
        }
        return NoteWording(locale: state.locale).status(observation.status)
    }

    /// The form: the chosen municipalities, the indicators by theme, the periods, the groups.
    private func formContext() -> [String: Any] {
        let locale = state.locale
        let other: ReportLocale = locale == .nl ? .en : .nl
        var context: [String: Any] = [
            "base": data.basePath, "lang": locale.rawValue, "otherLang": other.rawValue, "title": labels.title,
            "subtitle": labels.subtitle,
            "otherLanguage": labels.otherLanguage, "otherLanguageURL": address(state.with(locale: other)),
            "municipalitiesLabel": labels.municipalities, "addLabel": labels.add, "indicatorLabel": labels.indicator,
            "yearLabel": labels.year, "documentLabel": labels.document, "groupsLabel": labels.groups,
            "showLabel": labels.show, "valuesLabel": labels.values, "municipalityLabel": labels.municipality,
            "valueLabel": labels.value, "netherlandsLabel": labels.netherlands, "rankLabel": labels.rank,
            "downloadsLabel": labels.downloads, "csvLabel": labels.csv, "xlsxLabel": labels.xlsx,
            "reportLabel": labels.report, "jsonLabel": labels.json, "chooseFirst": labels.chooseFirst,
            "notAvailableLabel": labels.notAvailable, "credit": ReportWording.credit(locale: locale, indicator: state.indicator),
            "offline": labels.offline,
        ]
        context["chosen"] = state.municipalities.map { municipality -> [String: Any] in
            [
                "code": municipality.code, "name": municipality.name,
                "removeURL": address(state.removing(municipality.code)),
                "removeLabel": labels.remove(municipality.name),
            ]
        }
        context["names"] = data.atlas.directory.current.map(\.name).sorted()
        // Indicators by theme: the part of the id before the first dot (wmo, jeugd, iv3, …).
        var themes: [(String, [[String: Any]])] = []
        for indicator in data.indicators {
            let theme = String(indicator.id.split(separator: ".").first ?? "")
            let fetched = !(data.periods[indicator.id] ?? []).isEmpty
            let option: [String: Any] = [
                "id": indicator.id,
                "title": indicator.title.text(locale) + (fetched ? "" : " (\(labels.notFetched))"),
                "selected": indicator.id == state.indicator.id,
            ]
            if let index = themes.firstIndex(where: { $0.0 == theme }) {
                themes[index].1.append(option)
            } else {
                themes.append((theme, [option]))
            }
        }
        context["indicatorGroups"] = themes.map { ["label": $0.0, "options": $0.1] as [String: Any] }
        let periods = data.periods[state.indicator.id] ?? []
        let years = Set(periods.map(\.year)).sorted(by: >)
        context["years"] =
            [["value": "", "label": labels.latest, "selected": state.year == nil] as [String: Any]]
            + years.map { ["value": String($0), "label": String($0), "selected": $0 == state.year] as [String: Any] }
        if case .iv3 = state.indicator.numerator {
            context["hasKinds"] = true
            context["kinds"] =
                [
                    ["value": "", "label": labels.accountsFirst, "selected": state.kind == nil],
                    ["value": "jaarrekening", "label": labels.accounts, "selected": state.kind == .jaarrekening],
                    ["value": "begroting", "label": labels.budget, "selected": state.kind == .begroting],
                ] as [[String: Any]]
        }
        context["groups"] = data.groupChoices.map { group -> [String: Any] in
            let label: String
            if case .userRegion(let id) = group, let region = data.regions.first(where: { $0.id == id }) {
                label = region.name
            } else {
                label = ReportWording.groupKind(group, locale: locale)
            }
            return ["id": group.description, "label": label, "checked": state.groups.contains(group)]
        }
        return context
    }

    /// An engine error as one line in both languages: the error's own message, with advice spelt by the edge that
    /// started us; the problem page picks the reader's.
    static func message(_ error: any Error, _ data: DashboardData) -> LocalizedText {
        if let error = error as? any MaatstafError {
            return .en(
                error.message(.en, hint: data.adviceText(error.hint, .en)),
                nl: error.message(.nl, hint: data.adviceText(error.hint, .nl)))
        }
        return .en(String(describing: error), nl: "onverwachte fout")
    }
}
