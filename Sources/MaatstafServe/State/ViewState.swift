import MaatstafCore

/// One view of the dashboard: municipalities, indicator, period, reference groups and language. The view's address
/// says all of it (`query`), so a link a colleague opens in their own maatstaf shows the same view.
struct ViewState: Sendable {
    var municipalities: [Municipality]
    var indicator: Indicator
    /// nil: the indicator's latest year.
    var year: Int?
    /// The Iv3 document; nil: the accounts where the year has them.
    var kind: Iv3DocumentKind?
    /// Besides the Netherlands, which every view shows.
    var groups: [PeerGroup]
    var locale: ReportLocale

    /// The groups a first visit compares with, as `maatstaf report` does.
    static let defaultGroups: [PeerGroup] = [.builtIn(.province), .builtIn(.sizeClass)]

    /// The canonical address of the view: codes, not names, in the order chosen.
    var query: QueryString {
        var pairs: [(name: String, value: String)] = municipalities.map { ("m", $0.code) }
        pairs.append(("i", indicator.id))
        if let year { pairs.append(("y", String(year))) }
        if let kind { pairs.append(("kind", kind.rawValue)) }
        pairs += groups.map { ("g", $0.description) }
        if groups.isEmpty { pairs.append(("g", "none")) }
        pairs.append(("lang", locale.rawValue))
        return QueryString(pairs: pairs)
    }

    func adding(_ municipality: Municipality) -> ViewState {
        var copy = self
        if !copy.municipalities.contains(municipality) { copy.municipalities.append(municipality) }
        return copy
    }

    func removing(_ code: String) -> ViewState {
        var copy = self
        copy.municipalities.removeAll { $0.code == code }
        return copy
    }

    func with(locale: ReportLocale) -> ViewState {
        var copy = self
        copy.locale = locale
        return copy
    }
}
