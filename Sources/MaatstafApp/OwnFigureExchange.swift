public import MaatstafCore
public import MaatstafStore

/// A benchmark club's exchange: the chosen measures of chosen municipalities, each figure with the measure's unit and
/// definition and the file it came from, so a partner who imports the file knows whose figure it is and what it
/// measures (`maatstaf share`; the format in docs/own-data.md).
public struct OwnFigureExchange: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// The rows for `measures` of `municipalities`, oldest period first. A measure's definition is `given`, else the
    /// one an exchange file gave it, else the note its figures share; a measure without one is refused, since a
    /// partner cannot pool a figure whose meaning it is not told.
    public func rows(measures: [String], municipalities: [Municipality], given: [String: String]) throws -> [OwnExchangeRow] {
        let imported = Set(try store.ownMeasures().map(\.measure))
        let stored = try store.ownDefinitions()
        var rows: [OwnExchangeRow] = []
        for measure in measures {
            guard imported.contains(measure) else {
                throw ExchangeRefused(
                    subject: measure, reason: .en("is not an imported measure", nl: "is geen ingelezen maat"),
                    hint: imported.isEmpty
                        ? .en(
                            "Import figures first: \(action: .importFile(placeholder: "FILE"))",
                            nl: "Lees eerst cijfers in: \(action: .importFile(placeholder: "BESTAND"))")
                        : .en(
                            "Imported measures: \(imported.sorted().joined(separator: ", "))",
                            nl: "Ingelezen maten: \(imported.sorted().joined(separator: ", "))"))
            }
            let codes = Set(municipalities.map(\.code))
            let figures = try store.ownFigures(measure: measure).filter { codes.contains($0.code) }
            guard !figures.isEmpty else {
                throw ExchangeRefused(
                    subject: measure,
                    reason: .en(
                        "has no figures of \(municipalities.map(\.name).joined(separator: ", "))",
                        nl: "heeft geen cijfers van \(municipalities.map(\.name).joined(separator: ", "))"),
                    hint: .en(
                        "See what is imported: \(action: .listImports)", nl: "Zie wat er is ingelezen: \(action: .listImports)"))
            }
            let notes = Set(figures.map(\.note).filter { !$0.isEmpty })
            guard
                let definition = given[measure] ?? stored.first(where: { $0.measure == measure })?.definition
                    ?? (notes.count == 1 ? notes.first : nil)
            else {
                throw ExchangeRefused(
                    subject: measure,
                    reason: notes.isEmpty
                        ? .en(
                            "has no definition: its figures have no note",
                            nl: "heeft geen definitie: de cijfers hebben geen toelichting")
                        : .en(
                            "has no single definition: its notes differ (\(notes.sorted().joined(separator: "; ")))",
                            nl:
                                "heeft geen eenduidige definitie: de toelichtingen verschillen (\(notes.sorted().joined(separator: "; ")))"
                        ),
                    hint: .en(
                        "Give it with \(option: .definition(measure: measure)): what is counted, how and when",
                        nl: "Geef haar op met \(option: .definition(measure: measure)): wat er geteld wordt, hoe en wanneer"))
            }
            let files = try store.ownFigureFiles(measure: measure)
            let names = Dictionary(municipalities.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
            for figure in figures {
                let file = files["\(figure.code)|\(figure.period.code)"]
                rows.append(
                    OwnExchangeRow(
                        code: figure.code, name: names[figure.code] ?? figure.code, period: figure.period,
                        measure: measure, value: figure.value, unit: figure.unit, definition: definition,
                        source: file.map { "\($0.file) (sha256 \($0.sha256.prefix(12)))" } ?? ""))
            }
        }
        return rows.sorted { ($0.measure, $0.code, $0.period) < ($1.measure, $1.code, $1.period) }
    }
}

/// An exchange file that cannot be made as asked (exit 65).
public struct ExchangeRefused: MaatstafError {
    public var subject: String
    public var reason: LocalizedText
    public var hint: Advice
    public var category: ErrorCategory { .badInput }
}
