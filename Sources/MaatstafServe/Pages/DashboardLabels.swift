import MaatstafCore

/// The dashboard's own words, Dutch and English side by side, so one cannot be added without the other.
struct DashboardLabels: Sendable {
    let locale: ReportLocale

    private func t(_ nl: String, _ en: String) -> String { locale == .nl ? nl : en }

    var title: String { t("maatstaf — dashboard", "maatstaf — dashboard") }
    var subtitle: String {
        t(
            "Waar staat uw gemeente? Kies gemeenten, een indicator en vergelijkingsgroepen; klik op de kaart om een gemeente toe te voegen.",
            "Where does your municipality stand? Choose municipalities, an indicator and reference groups; click the map to add a municipality."
        )
    }
    var municipalities: String { t("Gemeenten", "Municipalities") }
    var add: String { t("Gemeente toevoegen (naam of code)", "Add a municipality (name or code)") }
    func remove(_ name: String) -> String { t("\(name) weghalen", "Remove \(name)") }
    var indicator: String { t("Indicator", "Indicator") }
    var year: String { t("Jaar", "Year") }
    var latest: String { t("laatste jaar", "latest year") }
    var document: String { t("Document", "Document") }
    var accountsFirst: String { t("jaarrekening waar die er is", "accounts where available") }
    var accounts: String { t("jaarrekening", "accounts") }
    var budget: String { t("begroting", "budget") }
    var groups: String { t("Vergelijken met (naast Nederland)", "Compare with (besides the Netherlands)") }
    var show: String { t("Toon", "Show") }
    var otherLanguage: String { t("English", "Nederlands") }
    var notFetched: String { t("niet opgehaald", "not fetched") }
    var values: String { t("Waarden", "Values") }
    var municipality: String { t("Gemeente", "Municipality") }
    var value: String { t("Waarde", "Value") }
    var rank: String { t("Positie", "Rank") }
    var netherlands: String { t("Nederland", "Netherlands") }
    func rankText(_ rank: Int, of count: Int) -> String { t("\(rank) van \(count)", "\(rank) of \(count)") }
    var noRank: String { t("geen positie (geen waarde)", "no rank (no value)") }
    var downloads: String { t("Downloaden", "Download") }
    var csv: String { t("CSV (Excel, Nederlands)", "CSV") }
    var xlsx: String { t("Excel-werkmap", "Excel workbook") }
    var report: String { t("HTML-rapport", "HTML report") }
    var json: String { t("JSON", "JSON") }
    var chooseFirst: String {
        t(
            "Kies hierboven een gemeente, of klik op de kaart op een gemeente, om haar cijfers te zien naast Nederland en haar vergelijkingsgroepen.",
            "Choose a municipality above, or click one on the map, to see its figures beside the Netherlands and its reference groups."
        )
    }
    var notAvailable: String { t("Niet beschikbaar", "Not available") }
    var offline: String {
        t(
            "Lokaal dashboard van maatstaf: alles komt uit de eigen opslag, niets van internet.",
            "maatstaf's local dashboard: everything comes from the local store, nothing from the internet.")
    }
    var back: String { t("Naar het dashboard", "To the dashboard") }
}
