import Foundation
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafTestServer
import Testing

@testable import MaatstafReport

/// Every fact the engine passes up is worded in Dutch and in English; a Dutch output carries no English note.
@Suite("Notes and reasons in the reader's language")
struct NoteWordingTests {
    /// One value of every case (the switch in `NoteWording` is exhaustive, so a new case must be added there; add it
    /// here too and this test checks its Dutch).
    static let notes: [IndicatorNote] = [
        .classesFromEarlierYear(year: 2024, used: 2023), .populationDenominator(year: 2025),
        .taakveldenNotInDocument(taakvelden: ["6.71"], kind: .jaarrekening, year: 2023), .budget(year: 2025),
        .definitionDiffers(year: 2025, here: ["6.711"], otherYear: 2023, there: ["6.71a"]),
        .definitionDiffers(year: 2025, here: ["6.711"], otherYear: 2023, there: nil),
        .notBooked(names: ["Arnhem", "Breda"], taakvelden: ["6.711"], broader: "wmo.maatwerk"),
        .notBooked(names: ["Arnhem"], taakvelden: ["6.711"], broader: nil),
        .noDelivery(names: ["Vijfheerenlanden"], kind: .begroting, year: 2025), .reportedZero(names: ["Rotterdam"]),
        .missingIsNotZero, .ownFigures(true), .ownFigures(false),
        .iv3DocumentChoice(kind: .jaarrekening, year: 2023, usedTable: "45063NED", otherTable: nil),
        .iv3DocumentChoice(kind: .jaarrekening, year: 2023, usedTable: nil, otherTable: "45063NED"),
        .populationFetched(year: 2024, table: "03759ned", regionsTable: nil, classesFrom: 2023),
        .populationFetched(year: 2024, table: "85755NED", regionsTable: "85755NED", classesFrom: 2023),
        .regionsFetched(year: 2025, table: "86059NED"),
    ]
    static let reasons: [MissingReason] = [
        .noDelivery(kind: .jaarrekening, year: 2023), .notInIv3File(kind: .begroting, year: 2025), .incompleteIv3,
        .notBooked(taakvelden: ["6.711"], broader: "wmo.maatwerk"), .notInCBSTable(table: "85984NED"),
        .suppressedByCBS(table: "85984NED"), .noDenominator, .negativeDenominator, .noData,
        .noOwnFigure(measure: "hh-uren-per-client", period: "2021MM02"),
    ]
    /// Words that give English away in a Dutch sentence (none of them is a Dutch word).
    static let english = [
        "the ", "The ", " are ", " not ", " no ", " and ", " with ", " has ", " which ", "without", "municipal",
        "delivery", "accounts", "booked", "missing", "figures", "denominator", "left out", "value",
    ]

    func dutch(_ text: String, _ what: String) {
        for word in Self.english { #expect(!text.contains(word), "\(what): \"\(word)\" in \(text)") }
    }

    @Test("every note and every reason has a Dutch text of its own, without English words")
    func everyCase() {
        let nl = NoteWording(locale: .nl)
        let en = NoteWording(locale: .en)
        for note in Self.notes {
            #expect(nl.note(note) != en.note(note))
            dutch(nl.note(note), "\(note)")
        }
        for reason in Self.reasons {
            #expect(nl.reason(reason) != en.reason(reason))
            dutch(nl.reason(reason), "\(reason)")
        }
        for exclusion in Exclusion.allCases { dutch(nl.exclusion(exclusion, count: 3), "\(exclusion)") }
        dutch(nl.status(.zeroDenominator), "zero denominator")
    }

    @Test("every built-in indicator explains itself in Dutch too")
    func definitionNotes() {
        for indicator in ReportFixtures.catalog.indicators {
            #expect(!indicator.notes.nl.isEmpty && indicator.notes.nl != indicator.notes.en, "\(indicator.id)")
            dutch(indicator.notes.nl, indicator.id)
        }
    }

    @Test("compare and report in Dutch on the real 2025 budget carry no English note")
    func dutchOutputs() throws {
        let engine = try ReportFixtures.engine()
        let chosen = try ReportFixtures.municipalities(["Westervoort", "Arnhem", "De Bilt"])
        let comparison = try engine.compare(
            try ReportFixtures.catalog.indicator("wmo.huishoudelijke-hulp"), year: 2025,
            municipalities: chosen, against: [.builtIn(.national), .builtIn(.province)])
        let notes = CompareReport(comparison, locale: .nl).notes
        #expect(notes.contains { $0.hasPrefix("Geen Iv3-levering voor de begroting 2025: De Bilt,") })
        #expect(notes.contains { $0.contains("boeken niets op 6.711") && $0.contains("wmo.maatwerk omvat") })
        // The notes without the source lines (file paths and table names are not language).
        for note in notes where !note.hasPrefix("Bron") { dutch(note, "compare --locale nl") }
        let section = IndicatorSection(
            comparison: comparison, national: comparison.municipalities[0].references[0].summary, trend: [])
        for note in section.footnotes(ReportLabels(locale: .nl)) { dutch(note, "report footnote") }
    }

    @Test("a trend is never one line across a change of definition or from a budget to accounts")
    func trendBreaks() throws {
        let points = [
            TrendPoint(year: 2022, isBudget: false, national: 80, values: [:], taakvelden: ["6.71a"]),
            TrendPoint(year: 2023, isBudget: true, national: 86, values: [:], taakvelden: ["6.71a"]),
            TrendPoint(year: 2023, isBudget: false, national: 89, values: [:], taakvelden: ["6.71a"]),
            TrendPoint(year: 2024, isBudget: true, national: 95, values: [:], taakvelden: ["6.71a"]),
            TrendPoint(year: 2025, isBudget: true, national: 107, values: [:], taakvelden: ["6.711"]),
        ]
        // Accounts 2022–2023 are one series; budgets 2023–2024 another, broken before 2025 by the layout change.
        let breaks = TrendBreak.breaks(in: points)
        #expect(breaks == [TrendBreak(from: 2024, to: 2025, isBudget: true)])
        #expect(
            TrendBreak.segments(of: points).map { $0.map { "\($0.year)\($0.isBudget ? "B" : "")" } }
                == [["2022", "2023"], ["2023B", "2024B"], ["2025B"]])
        #expect(
            ReportLabels(locale: .nl).trendBreak(breaks[0])
                == "Lijn van de begrotingen onderbroken tussen 2024 en 2025: andere definitie (andere Iv3-taakvelden); de punten zijn niet één reeks."
        )
        // In the real report: the 2023 budget and the 2025 budget sum other taakvelden, so no line joins them, and the
        // 2023 accounts stand alone: no line at all in Westervoort's panel, and the break is said.
        let report = try BenchmarkReportBuilder(engine: try ReportFixtures.engine()).build(
            indicators: [try ReportFixtures.catalog.indicator("wmo.huishoudelijke-hulp")], year: 2025,
            municipalities: try ReportFixtures.municipalities(["Westervoort"]), against: [], targets: [], locale: .nl)
        #expect(report.sections[0].trend.map { "\($0.year)\($0.isBudget ? "B" : "")" } == ["2023B", "2023", "2025B"])
        let html = report.renderHTML()
        #expect(
            html.contains(
                "Lijn van de begrotingen onderbroken tussen 2023 en 2025: andere definitie (andere Iv3-taakvelden)"))
        let trend = try #require(
            html.components(separatedBy: "Westervoort: ontwikkeling").dropFirst().first?.components(separatedBy: "</svg>").first)
        #expect(!trend.contains("<polyline"))
    }

    @Test("trend, budget and check in Dutch: no English words, no English group names")
    func dutchNewOutputs() throws {
        let engine = try ReportFixtures.engine()
        let chosen = try ReportFixtures.municipalities(["Westervoort", "Duiven"])
        let indicator = try ReportFixtures.catalog.indicator("wmo.huishoudelijke-hulp")
        let groups: [PeerGroup] = [.builtIn(.province), .builtIn(.sizeClass), .userRegion("1stroom")]
        let trend = TrendReport(try engine.series(indicator, municipalities: chosen, against: groups), locale: .nl)
        let budget = BudgetExecutionReport(
            try engine.budgetExecution(indicator, year: 2023, municipalities: chosen, against: groups), locale: .nl)
        let target = Target(
            municipalityCode: chosen[0].code, indicatorID: indicator.id, year: 2025, value: 0, bound: .atMost,
            marginPercent: 5, relative: .group(.sizeClass))
        let check = CheckReport(
            try engine.check(targets: [target], norms: [], indicator: { _ in indicator }), locale: .nl)
        for (what, text) in [
            ("trend", trend.renderText()), ("budget", budget.renderText()), ("check", check.renderText(alertsOnly: false)),
        ] {
            let body = text.components(separatedBy: "\n").filter { !$0.hasPrefix("Bron") }.joined(separator: "\n")
            dutch(body, what)
            for word in ["province", "size-class", "national", "region)"] {
                #expect(!body.contains(word), "\(what): \"\(word)\"")
            }
        }
    }
}
