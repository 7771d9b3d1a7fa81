import Foundation
public import MaatstafCompare
public import MaatstafCore
import MaatstafModel

/// `maatstaf indicators show`: an indicator's definition in full, each taakveld checked against CBS's own Iv3 code
/// list of a year in its layout.
public struct IndicatorDescription: Sendable {
    public struct LayoutLine: Sendable, Equatable {
        public var fromYear: Int
        public var untilYear: Int?
        /// The years of CBS code lists this layout's taakvelden were checked against: every year of the layout the
        /// snapshot has a list of.
        public var checkedAgainst: [Int]
        /// Each taakveld, its title in the latest list checked, and the years whose list lacks it.
        public var taakvelden: [(code: String, title: String?, missingIn: [Int])]

        public static func == (a: LayoutLine, b: LayoutLine) -> Bool {
            a.fromYear == b.fromYear && a.untilYear == b.untilYear && a.checkedAgainst == b.checkedAgainst
                && a.taakvelden.map(\.code) == b.taakvelden.map(\.code) && a.taakvelden.map(\.title) == b.taakvelden.map(\.title)
                && a.taakvelden.map(\.missingIn) == b.taakvelden.map(\.missingIn)
        }
    }

    public let indicator: Indicator
    public let layouts: [LayoutLine]
    /// Years in the store and whether the indicator has a definition for them.
    public let storeYears: [(year: Int, defined: Bool)]
    /// For an indicator over CBS tables not yet fetched: what brings them in.
    public let fetch: [FetchRequest]

    /// `codeLists`: CBS's Iv3 code list of each year the store holds one of (taakveld → title); `documentYears`:
    /// the years of the Iv3 documents in the store. The application layer reads both from the store.
    public init(
        indicator: Indicator, codeLists titles: [Int: [String: String]], documentYears: [Int], engine: ComparisonEngine
    ) throws {
        self.indicator = indicator
        let definitionYears = titles.keys.sorted()
        if case .iv3(_, let layouts) = indicator.numerator {
            self.layouts = layouts.map { layout in
                let until = indicator.iv3LayoutYears(layout).last
                // Every year of the layout with a CBS code list: a taakveld must be in each, not only in the last.
                // A generic indicator's layout holds only the years its taakveld exists in (`onlyYears`).
                let covering = definitionYears.filter { year in
                    year >= layout.fromYear && (until.map { year <= $0 } ?? true) && (layout.onlyYears?.contains(year) ?? true)
                }
                let latest = covering.last.flatMap { titles[$0] } ?? [:]
                return LayoutLine(
                    fromYear: layout.fromYear, untilYear: layout.onlyYears?.max() ?? until, checkedAgainst: covering,
                    taakvelden: layout.taakvelden.map { code in
                        (code, latest[code], covering.filter { titles[$0]?[code] == nil })
                    })
            }
        } else {
            self.layouts = []
        }
        if case .cbs = indicator.numerator {
            storeYears = try engine.years(for: indicator).map { ($0, true) }
            fetch = try engine.fetchRequests(for: indicator, year: nil)
        } else {
            storeYears = Set(documentYears).sorted().map { ($0, indicator.iv3Layout(for: $0) != nil) }
            fetch = []
        }
    }

    /// `commandLine` writes a fetch as the command that makes it (the CLI knows its syntax; this module does not).
    public func render(_ locale: ReportLocale = .en, commandLine: (FetchRequest) -> String) -> String {
        let nl = locale == .nl
        func t(_ english: String, _ dutch: String) -> String { nl ? dutch : english }
        var lines = [
            "\(indicator.id)", "  \(indicator.title.text(locale))",
            t("  unit: ", "  eenheid: ") + indicator.unit.text(locale),
        ]
        switch indicator.numerator {
        case .iv3(let measure, _):
            lines.append(
                t("  numerator: Iv3 ", "  teller: Iv3 ") + measure.rawValue + (measure == .netto ? " (lasten − baten)" : "")
                    + t(", summed over the taakvelden below, × €1,000", ", opgeteld over de taakvelden hieronder, × € 1.000"))
        case .cbs(let table, let topics, let selection):
            lines.append(
                t("  numerator: CBS table ", "  teller: CBS-tabel ") + table
                    + t(", topics ", ", onderwerpen ") + topics.joined(separator: " + ")
                    + t(" (resolved through the table's DataProperties)", " (opgezocht via de DataProperties van de tabel)")
                    + Self.describe(selection, locale))
        case .own(let measure):
            let period = indicator.ownPeriod.map { "\($0.kind.rawValue)\($0.number < 10 ? "0" : "")\($0.number)" }
            lines.append(
                t("  numerator: own figures, measure ", "  teller: eigen cijfers, maat ") + measure
                    + (period.map { t(", period \($0) of each year", ", periode \($0) van elk jaar") }
                        ?? t(", each year", ", elk jaar")))
        case .fund(let cluster):
            lines.append(
                t("  numerator: municipal fund allocation, cluster ", "  teller: uitkering gemeentefonds, cluster ") + cluster
                    + t(
                        " (the May circular of the year before, docs/need.md)",
                        " (de meicirculaire van het jaar ervoor, docs/need.md)"))
        case .fundNeed(let cluster):
            lines.append(
                t("  numerator: municipal fund need, cluster ", "  teller: behoefte volgens het gemeentefonds, cluster ")
                    + cluster
                    + t(
                        " (the allocation ÷ the national allocation per inhabitant; over population the need index, docs/need.md)",
                        " (de uitkering ÷ de landelijke uitkering per inwoner; over population de behoefte-index, docs/need.md)"))
        }
        if indicator.overhead == .salaries {
            lines.append(
                t(
                    "  plus a share of the overhead (0.4): × salaries (L1.1) on these taakvelden ÷ salaries on all but 0.4",
                    "  plus een deel van de overhead (0.4): × salarissen (L1.1) op deze taakvelden ÷ salarissen op alle behalve 0.4"
                ))
        }
        switch indicator.denominator {
        case .population:
            lines.append(
                t(
                    "  denominator: inhabitants on 1 January of the year (CBS, gemeenteklassen)",
                    "  noemer: inwoners op 1 januari van het jaar (CBS, gemeenteklassen)"))
        case .cbs(let table, let topics, let selection):
            lines.append(
                t("  denominator: CBS table ", "  noemer: CBS-tabel ") + table + t(", topics ", ", onderwerpen ")
                    + topics.joined(separator: " + ") + Self.describe(selection, locale))
        case .own(let measure):
            lines.append(t("  denominator: own figures, measure ", "  noemer: eigen cijfers, maat ") + measure)
        case .fund(let cluster):
            lines.append(
                t("  denominator: municipal fund allocation, cluster ", "  noemer: uitkering gemeentefonds, cluster ") + cluster
                    + t(
                        " (the May circular of the year before, docs/need.md)",
                        " (de meicirculaire van het jaar ervoor, docs/need.md)"))
        case .none:
            lines.append(
                t(
                    "  denominator: none (the figure as the municipality reports it)",
                    "  noemer: geen (het cijfer zoals de gemeente het meldt)"))
        }
        let direction: String =
            switch indicator.direction {
            case .higherIsBetter: t("higher is better", "hoger is beter")
            case .lowerIsBetter: t("lower is better", "lager is beter")
            case .neither: t("neither higher nor lower is better", "hoger of lager is niet vanzelf beter")
            }
        let origin = ReportWording.origin(indicator.origin, locale: locale)
        lines.append(
            t("  multiplier: ", "  vermenigvuldiger: ") + "\(indicator.multiplier); "
                + t("direction: ", "richting: ") + direction + "; " + t("defined in: ", "vastgelegd in: ") + origin)
        for layout in layouts {
            let span =
                layout.untilYear.map { $0 == layout.fromYear ? "\($0)" : "\(layout.fromYear)–\($0)" }
                ?? t("\(layout.fromYear) onwards", "vanaf \(layout.fromYear)")
            if layout.taakvelden.isEmpty {
                let broader = indicator.acrossLayouts.map { t("; use \($0)", "; gebruik \($0)") } ?? ""
                lines.append(
                    t("  layout ", "  indeling ") + span
                        + t(
                            ": no taakveld of its own in this layout, so no value\(broader)",
                            ": geen eigen taakveld in deze indeling, dus geen waarde\(broader)"))
                continue
            }
            let lists = Self.years(layout.checkedAgainst)
            let check =
                layout.checkedAgainst.isEmpty
                ? t(
                    "no CBS code list in the snapshot for this layout", "geen codelijst van CBS in de snapshot voor deze indeling"
                )
                : layout.checkedAgainst.count == 1
                    ? t("checked against CBS Iv3 code list \(lists)", "getoetst aan de Iv3-codelijst \(lists) van CBS")
                    : t("checked against CBS Iv3 code lists \(lists)", "getoetst aan de Iv3-codelijsten \(lists) van CBS")
            lines.append(t("  layout ", "  indeling ") + "\(span) (\(check)):")
            for taakveld in layout.taakvelden {
                let title: String
                if layout.checkedAgainst.isEmpty {
                    title = ""
                } else if taakveld.missingIn.isEmpty {
                    title = (taakveld.title ?? "") + "  ✓"
                } else if taakveld.missingIn.count == layout.checkedAgainst.count {
                    title = t("NOT IN THE CBS CODE LIST", "NIET IN DE CODELIJST VAN CBS")
                } else {
                    let years = Self.years(taakveld.missingIn)
                    title =
                        (taakveld.title ?? "")
                        + t("  NOT IN THE CBS CODE LIST OF \(years)", "  NIET IN DE CODELIJST VAN CBS VAN \(years)")
                }
                lines.append("    \(taakveld.code.padding(toLength: 7, withPad: " ", startingAt: 0)) \(title)")
            }
        }
        if !fetch.isEmpty {
            lines.append(
                t(
                    "  not in the store yet; fetch while connected with:",
                    "  nog niet in de opslag; haal op terwijl u verbonden bent met:"))
            lines += fetch.map { "    \(commandLine($0))" }
        } else if !storeYears.isEmpty {
            lines.append(
                t("  years in the store: ", "  jaren in de opslag: ")
                    + storeYears.map { "\($0.year)\($0.defined ? "" : t(" (not defined)", " (niet gedefinieerd)"))" }
                    .joined(separator: ", "))
        }
        let kind: String =
            switch indicator.valueKind {
            case .money: t("money (euros)", "geld (euro's)")
            case .rate: t("a rate", "een verhouding")
            case .percentage: t("a percentage", "een percentage")
            }
        lines.append(t("  values: ", "  waarden: ") + kind)
        switch indicator.zero {
        case .value: lines.append(t("  a reported 0: a value like any other", "  een gemelde 0: een waarde als elke andere"))
        case .notBooked(let broader):
            lines.append(
                t(
                    "  a reported 0: nothing booked on these lines (booked elsewhere): left out of every group and rank",
                    "  een gemelde 0: niets geboekt op deze taakvelden (elders geboekt): buiten elke groep en rangorde")
                    + (broader.map { t("; \($0) includes it", "; \($0) telt het mee") } ?? ""))
        }
        if !indicator.notes.text(locale).isEmpty {
            lines.append(t("  notes: ", "  toelichting: ") + indicator.notes.text(locale))
        }
        lines.append("  \(Attribution.cbs)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `2017–2022`, or `2019, 2021` when the years do not follow each other.
    static func years(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "" }
        if years.count > 1, years == Array(first...last) { return "\(first)–\(last)" }
        return years.map(String.init).joined(separator: ", ")
    }

    /// `, where Leeftijd in 70100, 70200 and Geslacht = T001038`: the cells summed over other dimensions.
    static func describe(_ selection: [String: [String]], _ locale: ReportLocale = .en) -> String {
        guard !selection.isEmpty else { return "" }
        let nl = locale == .nl
        return (nl ? ", waarbij " : ", where ")
            + selection.sorted { $0.key < $1.key }
            .map {
                $0.value.count == 1
                    ? "\($0.key) = \($0.value[0])"
                    : "\($0.key) in \($0.value.joined(separator: ", "))"
            }
            .joined(separator: nl ? " en " : " and ")
    }
}
