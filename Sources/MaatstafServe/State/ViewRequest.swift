import Foundation
import MaatstafCore
import MaatstafModel

/// Reads a view from an address: every parameter validated and bounded, names matched as the command line matches
/// them. `add` (the type-ahead field) and `remove` change the view; the page then moves to the view's canonical
/// address, so what is in the address bar is always a link that can be shared.
struct ViewRequest: Sendable {
    var state: ViewState
    /// True when the address was not the view's canonical one (a name instead of a code, `add`, `remove`).
    var needsRedirect: Bool

    static let maxQueryLength = 4000
    static let maxMunicipalities = 25
    static let maxGroups = 12
    static let maxValueLength = 120

    static func parse(_ raw: String?, data: DashboardData) throws(DashboardError) -> ViewRequest {
        let raw = raw ?? ""
        guard raw.utf8.count <= maxQueryLength else { throw .queryTooLong(limit: maxQueryLength) }
        guard let query = QueryString(parsing: raw) else { throw .badParameter("?", String(raw.prefix(60))) }
        for pair in query.pairs where pair.value.count > maxValueLength {
            throw .badParameter(pair.name, String(pair.value.prefix(60)) + "…")
        }

        let locale: ReportLocale
        switch query.first("lang") {
        case nil, "": locale = data.defaultLocale
        case let text?:
            guard let chosen = ReportLocale(rawValue: text) else { throw .badParameter("lang", text) }
            locale = chosen
        }

        let named = query.all("m").filter { !$0.isEmpty }
        guard named.count <= maxMunicipalities else { throw .tooMany("m", limit: maxMunicipalities) }
        var municipalities: [Municipality] = []
        var redirect = false
        for text in named {
            let municipality = try resolve(text, data.atlas.directory)
            if municipality.code != text { redirect = true }
            if !municipalities.contains(municipality) { municipalities.append(municipality) } else { redirect = true }
        }

        let indicator: Indicator
        if let id = query.first("i"), !id.isEmpty {
            guard let found = try? data.catalog.indicator(id) else { throw .unknownIndicator(id) }
            indicator = found
        } else {
            guard let first = data.defaultIndicator else { throw .unknownIndicator("") }
            indicator = first
            redirect = true
        }

        var year: Int?
        if let text = query.first("y"), !text.isEmpty {
            guard text.count == 4, let value = Int(text), (1900...2100).contains(value) else { throw .badParameter("y", text) }
            year = value
        }
        var kind: Iv3DocumentKind?
        if let text = query.first("kind"), !text.isEmpty {
            guard let value = Iv3DocumentKind(rawValue: text) else { throw .badParameter("kind", text) }
            // A document kind means something only for an indicator from Iv3: elsewhere it is dropped.
            if case .iv3 = indicator.numerator { kind = value } else { redirect = true }
        }

        let groupTexts = query.all("g").filter { !$0.isEmpty }
        guard groupTexts.count <= maxGroups else { throw .tooMany("g", limit: maxGroups) }
        var groups: [PeerGroup] = []
        if groupTexts.isEmpty {
            groups = ViewState.defaultGroups
            redirect = true
        } else {
            for text in groupTexts where text != "none" {
                let group = PeerGroup(parsing: text)
                guard data.groupChoices.contains(group) || group == .builtIn(.national) else { throw .unknownGroup(text) }
                if group != .builtIn(.national) && !groups.contains(group) { groups.append(group) }
            }
        }

        var state = ViewState(
            municipalities: municipalities, indicator: indicator, year: year, kind: kind, groups: groups, locale: locale)
        if let text = query.first("add") {
            redirect = true
            if !text.trimmingCharacters(in: .whitespaces).isEmpty {
                state = state.adding(try resolve(text, data.atlas.directory))
                guard state.municipalities.count <= maxMunicipalities else { throw .tooMany("m", limit: maxMunicipalities) }
            }
        }
        if let code = query.first("remove") {
            redirect = true
            state = state.removing(code)
        }
        return ViewRequest(state: state, needsRedirect: redirect || query.first("lang") == nil)
    }

    /// The municipality a name or code means, as `maatstaf compare` resolves it; the dashboard's own wording when
    /// it means none or several.
    static func resolve(_ text: String, _ directory: MunicipalityDirectory) throws(DashboardError) -> Municipality {
        do {
            return try directory.resolve(text)
        } catch let error as ModelError where error.kind == .ambiguousMunicipality {
            let candidates = directory.search(text).map { "\($0.name) (\($0.code))" }
            throw .ambiguousMunicipality(text, candidates: candidates)
        } catch {
            throw .unknownMunicipality(text, suggestions: directory.closest(to: text))
        }
    }
}
