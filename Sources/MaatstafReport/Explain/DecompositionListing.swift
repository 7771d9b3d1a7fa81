public import MaatstafCore

/// `maatstaf explain --list`: every decomposition, its indicator and factors, and where it is defined.
public struct DecompositionListing: TabularResult, Sendable {
    public var decompositions: [Decomposition]
    public var locale: ReportLocale

    public init(_ decompositions: [Decomposition], locale: ReportLocale) {
        self.decompositions = decompositions
        self.locale = locale
    }

    private func formula(_ decomposition: Decomposition) -> String { Self.formula(decomposition, locale: locale) }

    /// `fonds.wmo.uitgaven = fonds.wmo.behoefte × fonds.wmo.verhouding × fonds.wmo.uitkering (landelijk)`, and a
    /// scale as `÷ 1.000` when it is one over a whole number.
    /// `ingebouwd:431` / `built in:431`, or the user's file and line.
    static func place(_ decomposition: Decomposition, locale: ReportLocale) -> String {
        ReportWording.origin(decomposition.source, locale: locale) + (decomposition.line.map { ":\($0)" } ?? "")
    }

    static func formula(_ decomposition: Decomposition, locale: ReportLocale) -> String {
        let format = NumberFormat(locale: locale)
        let factors = decomposition.factors.map {
            $0.indicator + ($0.national ? (locale == .nl ? " (landelijk)" : " (national)") : "")
        }
        var scale = ""
        if decomposition.scale != 1 {
            let inverse = 1 / decomposition.scale
            scale =
                inverse == inverse.rounded() && inverse > 1
                ? " ÷ " + format.number(inverse, decimals: 0) : " × " + format.number(decomposition.scale, decimals: 6)
        }
        return "\(decomposition.indicator) = \(factors.joined(separator: " × "))\(scale)"
    }

    var table: Table {
        let nl = locale == .nl
        var table = Table(columns: [
            .init("id"), .init(nl ? "titel" : "title"), .init(nl ? "formule" : "formula"),
            .init(nl ? "vastgelegd in" : "defined in"),
        ])
        for decomposition in decompositions {
            table.rows.append([
                decomposition.id, decomposition.title.text(locale), formula(decomposition),
                Self.place(decomposition, locale: locale),
            ])
        }
        return table
    }

    public var dataTables: [DataTable] {
        var data = DataTable(
            name: locale == .nl ? "Ontledingen" : "Decompositions",
            columns: [.init("id"), .init("title"), .init("indicator"), .init("formula"), .init("origin")])
        for decomposition in decompositions {
            data.rows.append([
                .text(decomposition.id), .text(decomposition.title.text(locale)), .text(decomposition.indicator),
                .text(formula(decomposition)), .text(decomposition.origin),
            ])
        }
        return [data]
    }

    public var sheetNotes: [String] { [] }
    public func renderText() -> String { table.renderText() }
    public func renderMarkdown() -> String { table.renderMarkdown() }

    struct Entry: Encodable {
        var id: String
        var title: String
        var indicator: String
        var factors: [String]
        var national: [String]
        var scale: Double
        var origin: String
    }

    public func renderJSON() throws -> String {
        try JSONOutput.encode(
            decompositions.map {
                Entry(
                    id: $0.id, title: $0.title.text(locale), indicator: $0.indicator, factors: $0.factors.map(\.indicator),
                    national: $0.factors.filter(\.national).map(\.indicator), scale: $0.scale, origin: $0.origin)
            })
    }
}
