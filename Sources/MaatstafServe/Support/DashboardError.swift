import MaatstafCore

/// Why a dashboard request cannot be answered: a page that says so in the reader's language, with the HTTP status
/// a browser and a script can tell apart (404 for a name that names nothing, 400 for a malformed parameter). The
/// cases are private, so a new one is worded here, in both languages, or not at all.
struct DashboardError: Error, Sendable {
    private enum Kind: Sendable {
        case unknownMunicipality(String, suggestions: [String])
        case ambiguousMunicipality(String, candidates: [String])
        case unknownIndicator(String)
        case unknownGroup(String)
        case badParameter(name: String, value: String)
        case tooMany(name: String, limit: Int)
        case queryTooLong(limit: Int)
        case notFound(path: String)
        case methodNotAllowed
        case noMunicipality
        case notInYear(name: String, year: Int, lastYear: Int?)
        case cannotCompare(LocalizedText)
    }

    private let kind: Kind

    static func unknownMunicipality(_ text: String, suggestions: [String]) -> Self {
        Self(kind: .unknownMunicipality(text, suggestions: suggestions))
    }
    static func ambiguousMunicipality(_ text: String, candidates: [String]) -> Self {
        Self(kind: .ambiguousMunicipality(text, candidates: candidates))
    }
    static func unknownIndicator(_ id: String) -> Self { Self(kind: .unknownIndicator(id)) }
    static func unknownGroup(_ id: String) -> Self { Self(kind: .unknownGroup(id)) }
    static func badParameter(_ name: String, _ value: String) -> Self { Self(kind: .badParameter(name: name, value: value)) }
    static func tooMany(_ name: String, limit: Int) -> Self { Self(kind: .tooMany(name: name, limit: limit)) }
    static func queryTooLong(limit: Int) -> Self { Self(kind: .queryTooLong(limit: limit)) }
    static func notFound(_ path: String) -> Self { Self(kind: .notFound(path: path)) }
    /// Anything but GET (the dashboard only shows and downloads).
    static let methodNotAllowed = Self(kind: .methodNotAllowed)
    /// A download asked for without a municipality in the view.
    static let noMunicipality = Self(kind: .noMunicipality)
    /// A chosen municipality did not exist in the year shown (dissolved before it, or formed after it).
    static func notInYear(_ name: String, year: Int, lastYear: Int?) -> Self {
        Self(kind: .notInYear(name: name, year: year, lastYear: lastYear))
    }
    /// The engine refused the comparison; `message` is its own one-line message.
    static func cannotCompare(_ message: LocalizedText) -> Self { Self(kind: .cannotCompare(message)) }

    /// 404 when the address or a name in it names nothing; 400 when a parameter is malformed or out of bounds;
    /// 422 when the names are right but the comparison cannot be made.
    var status: Int {
        switch kind {
        case .unknownMunicipality, .ambiguousMunicipality, .unknownIndicator, .unknownGroup, .notFound: 404
        case .badParameter, .tooMany, .queryTooLong, .noMunicipality: 400
        case .methodNotAllowed: 405
        case .cannotCompare, .notInYear: 422
        }
    }

    /// The heading of the page.
    func title(_ locale: ReportLocale) -> String {
        let nl = locale == .nl
        return switch kind {
        case .unknownMunicipality, .ambiguousMunicipality: nl ? "Onbekende gemeente" : "Unknown municipality"
        case .unknownIndicator: nl ? "Onbekende indicator" : "Unknown indicator"
        case .unknownGroup: nl ? "Onbekende vergelijkingsgroep" : "Unknown reference group"
        case .badParameter, .tooMany, .queryTooLong: nl ? "Ongeldig adres" : "Invalid address"
        case .noMunicipality: nl ? "Geen gemeente gekozen" : "No municipality chosen"
        case .notFound: nl ? "Pagina niet gevonden" : "Page not found"
        case .methodNotAllowed: nl ? "Niet toegestaan" : "Not allowed"
        case .cannotCompare, .notInYear: nl ? "Vergelijking niet mogelijk" : "Comparison not possible"
        }
    }

    /// The names the page offers instead of what was typed for a municipality (`typed`, the value of an `m`
    /// parameter): each becomes a link to the same view with that name. Nil when there are none.
    var alternatives: (typed: String, names: [String])? {
        switch kind {
        case .unknownMunicipality(let text, let suggestions) where !suggestions.isEmpty: (text, suggestions)
        case .ambiguousMunicipality(let text, let candidates) where !candidates.isEmpty: (text, candidates)
        default: nil
        }
    }

    /// What happened, without the names offered instead (the page makes links of those); the whole `message` for
    /// every other failure.
    func statement(_ locale: ReportLocale) -> String {
        let nl = locale == .nl
        switch kind {
        case .unknownMunicipality(let text, let suggestions) where !suggestions.isEmpty:
            return nl ? "Geen gemeente heet ‘\(text)’. Bedoelt u:" : "No municipality is called ‘\(text)’. Did you mean:"
        case .ambiguousMunicipality(let text, let candidates) where !candidates.isEmpty:
            return nl
                ? "‘\(text)’ kan meer gemeenten zijn. Kies er een:" : "‘\(text)’ can mean more than one municipality. Choose one:"
        default:
            return message(locale)
        }
    }

    /// What happened and what to do, in one or two sentences.
    func message(_ locale: ReportLocale) -> String {
        let nl = locale == .nl
        switch kind {
        case .unknownMunicipality(let text, let suggestions):
            let what = nl ? "Geen gemeente heet ‘\(text)’." : "No municipality is called ‘\(text)’."
            guard !suggestions.isEmpty else {
                return what
                    + (nl ? " Typ een deel van de naam of de code (GM0299)." : " Type part of the name or the code (GM0299).")
            }
            return what + (nl ? " Bedoelt u: " : " Did you mean: ") + suggestions.joined(separator: ", ") + "?"
        case .ambiguousMunicipality(let text, let candidates):
            return (nl ? "‘\(text)’ kan meer gemeenten zijn: " : "‘\(text)’ can mean more than one municipality: ")
                + candidates.joined(separator: ", ")
                + (nl ? ". Kies de volledige naam of de code." : ". Choose the full name or the code.")
        case .unknownIndicator(let id):
            return nl
                ? "Geen indicator heet ‘\(id)’. Kies er een uit de lijst."
                : "No indicator is called ‘\(id)’. Choose one from the list."
        case .unknownGroup(let id):
            return nl
                ? "‘\(id)’ is geen vergelijkingsgroep of regio van deze installatie. Kies uit de groepen op de pagina."
                : "‘\(id)’ is not a reference group or region of this installation. Choose from the groups on the page."
        case .badParameter(let name, let value):
            return nl
                ? "De waarde ‘\(value)’ van ‘\(name)’ in het adres is ongeldig. Begin opnieuw vanaf de startpagina."
                : "The value ‘\(value)’ of ‘\(name)’ in the address is not valid. Start again from the first page."
        case .tooMany(let name, let limit):
            return nl
                ? "Het adres noemt te veel ‘\(name)’ (hoogstens \(limit)). Maak de keuze kleiner."
                : "The address names too many ‘\(name)’ (at most \(limit)). Choose fewer."
        case .queryTooLong(let limit):
            return nl
                ? "Het adres is langer dan \(limit) tekens. Maak de keuze kleiner."
                : "The address is longer than \(limit) characters. Choose fewer."
        case .notFound(let path):
            return nl
                ? "Op ‘\(path)’ staat niets. Het dashboard begint op /."
                : "There is nothing at ‘\(path)’. The dashboard starts at /."
        case .methodNotAllowed:
            return nl
                ? "Het dashboard toont en downloadt alleen; het neemt niets aan."
                : "The dashboard only shows and downloads; it accepts nothing."
        case .noMunicipality:
            return nl
                ? "Een download bevat de gekozen gemeenten; kies er eerst een op het dashboard."
                : "A download holds the chosen municipalities; choose one on the dashboard first."
        case .notInYear(let name, let year, let lastYear):
            if let lastYear, lastYear < year {
                return nl
                    ? "\(name) was in \(year) geen gemeente meer (opgeheven na \(lastYear)). Kies een jaar tot en met \(lastYear), of de gemeente waarin zij opging."
                    : "\(name) was no longer a municipality in \(year) (dissolved after \(lastYear)). Choose a year up to \(lastYear), or the municipality it merged into."
            }
            return nl
                ? "\(name) was in \(year) geen gemeente. Kies een ander jaar."
                : "\(name) was not a municipality in \(year). Choose another year."
        case .cannotCompare(let message):
            return (nl ? "maatstaf kan deze keuze niet vergelijken: " : "maatstaf cannot compare this choice: ")
                + message.text(nl ? .nl : .en)
        }
    }
}
