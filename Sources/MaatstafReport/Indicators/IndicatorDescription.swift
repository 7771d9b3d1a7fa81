import Foundation
public import MaatstafCompare
public import MaatstafCore
import MaatstafModel
public import MaatstafStore

/// `maatstaf indicators show`: an indicator's definition in full, each taakveld checked against CBS's own Iv3 code
/// list of a year in its layout.
public struct IndicatorDescription: Sendable {
    public struct LayoutLine: Sendable, Equatable {
        public var fromYear: Int
        public var untilYear: Int?
        /// The CBS code list year the taakvelden were checked against, if one covers this layout.
        public var checkedAgainst: Int?
        public var taakvelden: [(code: String, title: String?)]

        public static func == (a: LayoutLine, b: LayoutLine) -> Bool {
            a.fromYear == b.fromYear && a.untilYear == b.untilYear && a.checkedAgainst == b.checkedAgainst
                && a.taakvelden.map(\.code) == b.taakvelden.map(\.code) && a.taakvelden.map(\.title) == b.taakvelden.map(\.title)
        }
    }

    public let indicator: Indicator
    public let layouts: [LayoutLine]
    /// Years in the store and whether the indicator has a definition for them.
    public let storeYears: [(year: Int, defined: Bool)]
    /// For an indicator over CBS tables not yet fetched: what brings them in.
    public let fetch: [FetchRequest]

    public init(indicator: Indicator, store: Store, engine: ComparisonEngine) throws {
        self.indicator = indicator
        let definitionYears = try store.iv3DefinitionYears()
        var titles: [Int: [String: String]] = [:]
        for year in definitionYears {
            titles[year] = Dictionary(
                try store.iv3Definitions(year: year).map { ($0.taakveld, $0.title) }, uniquingKeysWith: { a, _ in a })
        }
        if case .iv3(_, let layouts) = indicator.numerator {
            self.layouts = layouts.enumerated().map { index, layout in
                let until = index + 1 < layouts.count ? layouts[index + 1].fromYear - 1 : nil
                let covering = definitionYears.filter { year in year >= layout.fromYear && (until.map { year <= $0 } ?? true) }
                let checked = covering.last
                let list = checked.flatMap { titles[$0] } ?? [:]
                return LayoutLine(
                    fromYear: layout.fromYear, untilYear: until, checkedAgainst: checked,
                    taakvelden: layout.taakvelden.map { code in (code, list[code]) })
            }
        } else {
            self.layouts = []
        }
        if case .cbs = indicator.numerator {
            storeYears = try engine.years(for: indicator).map { ($0, true) }
            fetch = try engine.fetchRequests(for: indicator, year: nil)
        } else {
            let years = Set(try store.iv3Documents().map(\.year)).sorted()
            storeYears = years.map { ($0, indicator.iv3Layout(for: $0) != nil) }
            fetch = []
        }
    }

    /// `commandLine` writes a fetch as the command that makes it (the CLI knows its syntax; this module does not).
    public func render(commandLine: (FetchRequest) -> String) -> String {
        var lines = ["\(indicator.id)", "  \(indicator.title.en) / \(indicator.title.nl)", "  unit: \(indicator.unit.en)"]
        switch indicator.numerator {
        case .iv3(let measure, _):
            lines.append(
                "  numerator: Iv3 \(measure.rawValue)\(measure == .netto ? " (lasten − baten)" : ""), summed over the taakvelden below, × €1,000"
            )
        case .cbs(let table, let topics, let selection):
            lines.append(
                "  numerator: CBS table \(table), topics \(topics.joined(separator: " + ")) (resolved through the table's DataProperties)"
                    + Self.describe(selection))
        case .own(let measure):
            lines.append(
                "  numerator: own figures, measure \(measure)"
                    + (indicator.ownPeriod.map { ", period \($0.kind.rawValue)\($0.number < 10 ? "0" : "")\($0.number) of each year" } ?? ", each year"))
        }
        switch indicator.denominator {
        case .population: lines.append("  denominator: inhabitants on 1 January of the year (CBS, gemeenteklassen)")
        case .cbs(let table, let topics, let selection):
            lines.append(
                "  denominator: CBS table \(table), topics \(topics.joined(separator: " + "))" + Self.describe(selection))
        case .own(let measure): lines.append("  denominator: own figures, measure \(measure)")
        case .none: lines.append("  denominator: none (the figure as the municipality reports it)")
        }
        lines.append(
            "  multiplier: \(indicator.multiplier); direction: \(indicator.direction.rawValue); defined in: \(indicator.origin)")
        for layout in layouts {
            let span = layout.untilYear.map { "\(layout.fromYear)–\($0)" } ?? "\(layout.fromYear) onwards"
            let check =
                layout.checkedAgainst.map { "checked against CBS Iv3 code list \($0)" }
                ?? "no CBS code list in the snapshot for this layout"
            lines.append("  layout \(span) (\(check)):")
            for taakveld in layout.taakvelden {
                let title = taakveld.title.map { "\($0)  ✓" } ?? (layout.checkedAgainst == nil ? "" : "NOT IN THE CBS CODE LIST")
                lines.append("    \(taakveld.code.padding(toLength: 7, withPad: " ", startingAt: 0)) \(title)")
            }
        }
        if !fetch.isEmpty {
            lines.append("  not in the store yet; fetch while connected with:")
            lines += fetch.map { "    \(commandLine($0))" }
        } else if !storeYears.isEmpty {
            lines.append(
                "  years in the store: "
                    + storeYears.map { "\($0.year)\($0.defined ? "" : " (not defined)")" }.joined(separator: ", "))
        }
        lines.append("  values: \(indicator.valueKind.rawValue)")
        switch indicator.zero {
        case .value: lines.append("  a reported 0: a value like any other")
        case .notBooked(let broader):
            lines.append(
                "  a reported 0: nothing booked on these lines (booked elsewhere): left out of every group and rank"
                    + (broader.map { "; \($0) includes it" } ?? ""))
        }
        if !indicator.notes.en.isEmpty { lines.append("  notes: \(indicator.notes.en)") }
        lines.append("  \(Attribution.cbs)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `, where Leeftijd in 70100, 70200 and Geslacht = T001038`: the cells summed over other dimensions.
    static func describe(_ selection: [String: [String]]) -> String {
        guard !selection.isEmpty else { return "" }
        return ", where "
            + selection.sorted { $0.key < $1.key }
            .map { $0.value.count == 1 ? "\($0.key) = \($0.value[0])" : "\($0.key) in \($0.value.joined(separator: ", "))" }
            .joined(separator: " and ")
    }
}
