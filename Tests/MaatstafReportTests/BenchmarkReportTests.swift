import Foundation
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafReport
import MaatstafTestServer
import Testing

/// The benchmark report on the real Iv3 snapshot, with expected numbers computed from the raw CSV in the test.
@Suite("Benchmark report (HTML and Markdown)")
struct BenchmarkReportTests {
    static let raw2025 = try! RawIv3("iv3/2025_begroting.csv")
    static let names = ["Westervoort", "Duiven", "Steenwijkerland"]

    func report(
        _ ids: [String] = ["wmo.huishoudelijke-hulp"], names: [String] = Self.names,
        against: [PeerGroup] = [.builtIn(.province), .builtIn(.sizeClass)], targets: [Target] = [],
        locale: ReportLocale = .nl, regions: URL = RepositoryFixtures.regions
    ) throws -> BenchmarkReport {
        let indicators = try ids.map { try ReportFixtures.catalog.indicator($0) }
        return try BenchmarkReportBuilder(engine: try ReportFixtures.engine(regions: regions)).build(
            indicators: indicators, year: nil, municipalities: try ReportFixtures.municipalities(names),
            against: against, targets: targets, locale: locale)
    }

    @Test("the HTML is one well-formed document; every chart is well-formed SVG; nothing is fetched or run")
    func wellFormed() throws {
        let set = try ReportFixtures.catalog.set("sociaal-domein")
        let html = try report(set.map(\.id)).renderHTML()
        #expect(ReportFixtures.xmlProblem(html) == nil, "\(ReportFixtures.xmlProblem(html) ?? "")")
        let charts = ReportFixtures.svgElements(html)
        // Per indicator: a bar chart, a strip plot and one trend panel per municipality; per row of the summary a gauge.
        #expect(set.count == 9)
        #expect(charts.count == set.count * (2 + 3) + set.count * 3)
        for chart in charts {
            #expect(ReportFixtures.xmlProblem(chart) == nil)
        }
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        #expect(!html.contains("<script"))
        #expect(
            !html.contains("http://")
                || html.components(separatedBy: "http://").dropFirst().allSatisfy { $0.hasPrefix("www.w3.org/2000/svg") })
        #expect(!html.contains("https://"))
        #expect(html.contains("Bron: CBS (CC BY 4.0)"))
    }

    @Test("household help 2025 (taakveld 6.711): values, national rate and gaps as the raw CSV gives them")
    func valuesMatchRawData() throws {
        let html = try report().renderHTML()
        let raw = Self.raw2025
        // Household help is a statutory service: no delivery and nothing booked on 6.711 are left out of groups.
        let national = raw.groupRate(["6.711"]) { $0.delivered && $0.books(["6.711"]) }
        #expect(html.contains(">\(ReportFixtures.dutchEuros(national))<"))
        for name in Self.names {
            let value = raw.rate(name, ["6.711"])
            let population = raw.municipalities[name]!.population
            // The value is written on its bar, in the summary and in the strip plot's label.
            #expect(html.contains(">\(ReportFixtures.dutchEuros(value))<"), "\(name)")
            #expect(html.contains(">\(name) \(ReportFixtures.dutchEuros(value))<"), "\(name)")
            // The gap against the Netherlands: (value − national rate) × inhabitants, whole euros.
            let gap = (value - national) * population
            #expect(html.contains(">\(ReportFixtures.dutchEuros(gap, decimals: 0, signed: true))<"), "\(name) gap")
            let province = raw.municipalities[name]!.province
            let provinceRate = raw.groupRate(["6.711"]) { $0.delivered && $0.books(["6.711"]) && $0.province == province }
            #expect(html.contains(">\(ReportFixtures.dutchEuros(provinceRate))<"), "\(province)")
        }
        // Where the definition differs between the years in the trend, a footnote says so.
        #expect(html.contains("2025 telt 6.711 op, 2023 telt 6.71a op"))
        #expect(html.contains("begroting"))
    }

    @Test("the trend has every period, budgets and accounts apart; the summary's change is budget on budget, marked †")
    func directionOfTravel() throws {
        let report = try BenchmarkReportBuilder(engine: try ReportFixtures.engine()).build(
            indicators: [try ReportFixtures.catalog.indicator("wmo.huishoudelijke-hulp")], year: nil,
            municipalities: try ReportFixtures.municipalities(Self.names), against: [], targets: [], locale: .en)
        let section = try #require(report.sections.first)
        #expect(section.trend.map { "\($0.year)\($0.isBudget ? " budget" : "")" } == ["2023 budget", "2023", "2025 budget"])
        let budget2023 = try RawIv3("iv3/2023_begroting.csv")
        for municipality in section.comparison.municipalities {
            let name = municipality.profile.name
            let change = try #require(section.change(municipality.profile.code))
            let expected = (Self.raw2025.rate(name, ["6.711"]) / budget2023.rate(name, ["6.71a"]) - 1) * 100
            #expect(sameCent(change.percent, expected))
            #expect(change.since == 2023 && change.acrossDefinitionChange)
        }
        let html = report.renderHTML()
        #expect(html.contains("Since 2023"))
        #expect(html.contains("† Change across a change of definition (other Iv3 taakvelden)"))
    }

    @Test("names from user files are escaped in HTML and Markdown, in text, attributes and SVG")
    func hostileNamesAreText() throws {
        let folder = RepositoryFixtures.temporaryFolder()
        try """
        id: evil
        name: "<script>alert('x')</script> & \\"Regio\\" | [link](http://x)"
        members: [Duiven, Westervoort]
        """.write(to: folder.appendingPathComponent("evil.yaml"), atomically: true, encoding: .utf8)
        let built = try report(against: [.userRegion("evil")], regions: folder)
        let html = built.renderHTML()
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Regio&quot;"))
        #expect(ReportFixtures.xmlProblem(html) == nil)
        let markdown = built.renderMarkdown()
        // Every < is escaped with a backslash, so a Markdown renderer shows it as text.
        #expect(!markdown.replacingOccurrences(of: "\\<", with: "").contains("<"))
        #expect(markdown.contains("\\<script\\>"))
        #expect(markdown.contains("\\| \\[link\\](http://x)"))
    }

    @Test("a missing value is shown as missing with a footnote, never as 0, and left out of the groups")
    func missingValueFootnote() throws {
        // Synthetic alteration of real data, for this test only: Duiven's 2025 value is removed as if CBS suppressed it.
        let engine = try ReportFixtures.engine()
        let indicator = try ReportFixtures.catalog.indicator("wmo.huishoudelijke-hulp")
        var data = try engine.data(indicator, year: 2025)
        let duiven = try ReportFixtures.atlas.directory.resolve("Duiven")
        data.observations[duiven.code] = Observation(code: duiven.code, missing: .suppressedByCBS(table: "TEST"))
        let chosen = try ReportFixtures.municipalities(Self.names)
        let comparison = try engine.compare(data, municipalities: chosen, against: [.builtIn(.national)])
        let section = IndicatorSection(
            comparison: comparison, national: comparison.municipalities[0].references[0].summary,
            trend: [])
        let built = BenchmarkReport(locale: .nl, municipalities: chosen, sections: [section])
        let html = built.renderHTML()
        #expect(html.contains("ontbreekt [1]"))
        #expect(
            html.contains(
                "<li>Duiven: geen waarde (CBS publiceert geen waarde (geheim, onbekend of te klein)); niet als 0 meegeteld.</li>")
        )
        // Duiven, and from the raw file every municipality without a delivery or with nothing booked on 6.711.
        let withoutValue = 1 + Self.raw2025.municipalities.values.filter { !$0.delivered || !$0.books(["6.711"]) }.count
        #expect(html.contains("\(withoutValue) gemeente(n) zonder waarde tellen nergens mee (nooit als 0)."))
        #expect(!html.contains(">Duiven € 0,00<"))
        // The national rate is computed without Duiven: Σ lasten ÷ Σ inhabitants of the other 341.
        let raw = Self.raw2025
        let national = raw.groupRate(["6.711"]) {
            $0.delivered && $0.books(["6.711"]) && $0.population != raw.municipalities["Duiven"]!.population
        }
        #expect(html.contains(">\(ReportFixtures.dutchEuros(national))<"))
        #expect(ReportFixtures.xmlProblem(html) == nil)
        let markdown = built.renderMarkdown()
        #expect(markdown.contains("ontbreekt \\[1\\]"))
        #expect(
            markdown.contains(
                "1. Duiven: geen waarde (CBS publiceert geen waarde (geheim, onbekend of te klein)); niet als 0 meegeteld."))
    }

    @Test(
        "twenty municipalities: the trend is a line in each table row, and those without a value for one reason share a footnote")
    func manyMunicipalities() throws {
        let twenty = [
            "Westervoort", "Duiven", "Steenwijkerland", "Arnhem", "Zevenaar", "Montferland", "Doesburg", "Rheden",
            "Renkum", "Wageningen", "Lingewaard", "Overbetuwe", "Buren", "Houten", "Oldenzaal", "Neder-Betuwe", "Ede",
            "Apeldoorn", "Zutphen", "Deventer",
        ]
        let html = try report(names: twenty).renderHTML()
        #expect(ReportFixtures.xmlProblem(html) == nil)
        // No panel per municipality; one line per row, its title carrying the numbers from the raw files.
        #expect(!html.contains("class=\"chart small\""))
        #expect(html.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"spark\"").count - 1 == 20)
        let accounts2023 = try RawIv3("iv3/2023_jaarrekening.csv")
        for name in twenty
        where Self.raw2025.municipalities[name]!.books(["6.711"]) && accounts2023.municipalities[name]!.books(["6.71a"]) {
            #expect(
                html.contains(
                    "2023 \(ReportFixtures.dutchEuros(accounts2023.rate(name, ["6.71a"]))) · 2025 B \(ReportFixtures.dutchEuros(Self.raw2025.rate(name, ["6.711"])))</title>"
                ), "\(name)")
        }
        // From the raw file: the chosen municipalities that book nothing on 6.711 share footnote 1, in the order chosen.
        let none = twenty.filter { !Self.raw2025.municipalities[$0]!.books(["6.711"]) }
        #expect(none.count > 1)
        #expect(html.contains("<li>\(none.joined(separator: ", ")): geen waarde ("))
        // Each is pointed at footnote 1 twice: in the summary and in the numbers table.
        #expect(html.components(separatedBy: ">ontbreekt [1]<").count - 1 == 2 * none.count)
        #expect(!html.contains("ontbreekt [2]"))
        // Who counts in each group is a table, not a footnote per group; the Netherlands' row from the raw file.
        let all = Self.raw2025.municipalities.values
        let counted = all.filter { $0.delivered && $0.books(["6.711"]) }.count
        let undelivered = all.filter { !$0.delivered }.count
        let unbooked = all.filter { $0.delivered && !$0.books(["6.711"]) }.count
        #expect(
            html.contains(
                "<tr><td>Nederland</td><td class=\"num\">\(counted)/\(all.count)</td><td class=\"num\">\(undelivered)</td><td class=\"num\">\(unbooked)</td></tr>"
            ))
        #expect(!html.contains("gemeenten tellen mee;"))

        // The bar chart reads as a ranking: highest value first by the raw file, those without a value last; the
        // groups after the Netherlands likewise, each name whole (no "…").
        let bars = try #require(
            html.components(separatedBy: "<figcaption>Vergelijking</figcaption>").dropFirst().first?
                .components(separatedBy: "</svg>").first)
        let labels = bars.matches(of: /text-anchor="end"[^>]*>([^<]+)</).map { String($0.1) }
        let withValue = twenty.filter { Self.raw2025.municipalities[$0]!.books(["6.711"]) }
        let expected =
            withValue.sorted { Self.raw2025.rate($0, ["6.711"]) > Self.raw2025.rate($1, ["6.711"]) }
            + twenty.filter { !withValue.contains($0) }
        #expect(Array(labels.prefix(20)) == expected)
        #expect(labels[20] == "Nederland")
        #expect(!labels.contains { $0.contains("…") }, "\(labels)")
        // The groups' bars after the Netherlands, highest rate first (their values as the chart writes them).
        let groupValues = bars.components(separatedBy: ">Nederland<").dropFirst().first!
            .matches(of: /text-anchor="start"[^>]*>€ ([0-9.]+,[0-9]{2})</).map {
                Double($0.1.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))!
            }
        #expect(groupValues.count > 3)
        #expect(Array(groupValues.dropFirst()) == groupValues.dropFirst().sorted(by: >), "\(groupValues)")
    }

    @Test("a group in which no municipality has a value says 0 counted, not an empty cell")
    func noneCounted() throws {
        // Synthetic alteration of real data, for this test only: every 2025 value removed as if CBS suppressed it.
        let engine = try ReportFixtures.engine()
        let indicator = try ReportFixtures.catalog.indicator("wmo.huishoudelijke-hulp")
        var data = try engine.data(indicator, year: 2025)
        data.observations = data.observations.mapValues { Observation(code: $0.code, missing: .suppressedByCBS(table: "TEST")) }
        let chosen = try ReportFixtures.municipalities([
            "Westervoort", "Duiven", "Zevenaar", "Montferland", "Doesburg", "Rheden", "Arnhem",
        ])
        let comparison = try engine.compare(data, municipalities: chosen, against: [.builtIn(.national)])
        let section = IndicatorSection(
            comparison: comparison, national: comparison.municipalities[0].references[0].summary, trend: [])
        let html = BenchmarkReport(locale: .nl, municipalities: chosen, sections: [section]).renderHTML()
        let members = try ReportFixtures.atlas.profiles(year: 2025).count
        #expect(html.contains("<tr><td>Nederland</td><td class=\"num\">0/\(members)</td>"))
        #expect(!html.contains(">/\(members)<"))
    }

    @Test("relative targets resolve in their year: the national rate; −10 % on 2023, budget on budget")
    func relativeTargets() throws {
        func code(_ name: String) throws -> String { try ReportFixtures.atlas.directory.resolve(name).code }
        let id = "wmo.huishoudelijke-hulp"
        let targets = [
            Target(
                municipalityCode: try code("Duiven"), indicatorID: id, year: 2025, value: 0, bound: .atMost, marginPercent: 5,
                relative: .group(.national)),
            Target(
                municipalityCode: try code("Westervoort"), indicatorID: id, year: 2025, value: 0, bound: .atMost,
                marginPercent: 5, relative: .change(percent: -10, from: 2023)),
        ]
        let built = try report(targets: targets, locale: .en)
        let raw = Self.raw2025
        let national = raw.groupRate(["6.711"]) { $0.delivered && $0.books(["6.711"]) }
        let duiven = try #require(built.targets.first { $0.target.municipalityCode == (try? code("Duiven")) })
        #expect(sameCent(duiven.target.value, national))
        #expect(duiven.status == .missed)
        let budget2023 = try RawIv3("iv3/2023_begroting.csv")
        let westervoort = try #require(built.targets.first { $0.target.municipalityCode == (try? code("Westervoort")) })
        #expect(sameCent(westervoort.target.value, budget2023.rate("Westervoort", ["6.71a"]) * 0.9))
        #expect(built.renderMarkdown().contains("at most the national rate (€"))
    }

    @Test("targets: met, within the margin, missed, each with a word beside its colour")
    func targets() throws {
        let raw = Self.raw2025
        func code(_ name: String) throws -> String { try ReportFixtures.atlas.directory.resolve(name).code }
        let id = "wmo.huishoudelijke-hulp"
        let westervoort = raw.rate("Westervoort", ["6.711"])
        let duiven = raw.rate("Duiven", ["6.711"])
        let steenwijkerland = raw.rate("Steenwijkerland", ["6.711"])
        let targets = [
            Target(
                municipalityCode: try code("Westervoort"), indicatorID: id, year: 2025, value: westervoort + 1, bound: .atMost,
                marginPercent: 5),
            Target(
                municipalityCode: try code("Duiven"), indicatorID: id, year: 2025, value: duiven / 1.03, bound: .atMost,
                marginPercent: 5),
            Target(
                municipalityCode: try code("Steenwijkerland"), indicatorID: id, year: 2025, value: steenwijkerland * 2,
                bound: .atLeast, marginPercent: 10),
            Target(
                municipalityCode: try code("Zevenaar"), indicatorID: id, year: 2025, value: 1, bound: .atMost, marginPercent: 5),
        ]
        let built = try report(targets: targets)
        let statuses = Dictionary(uniqueKeysWithValues: built.targets.map { ($0.target.municipalityCode, $0.status) })
        #expect(
            statuses == [
                try code("Westervoort"): .met, try code("Duiven"): .withinMargin, try code("Steenwijkerland"): .missed,
            ])
        #expect(built.targetsNotShown == 1)
        let html = built.renderHTML()
        #expect(html.contains("<span class=\"status met\">✓ gehaald</span>"))
        #expect(html.contains("<span class=\"status within-margin\">≈ binnen marge</span>"))
        #expect(html.contains("<span class=\"status missed\">✗ niet gehaald</span>"))
        #expect(html.contains("1 doel(en) uit het doelenbestand"))
        let markdown = try report(targets: targets, locale: .en).renderMarkdown()
        #expect(markdown.contains("✓ met: at most"))
        #expect(markdown.contains("✗ not met: at least"))
    }

    @Test("Markdown carries the same numbers as tables, and the footnotes")
    func markdown() throws {
        let markdown = try report().renderMarkdown()
        let raw = Self.raw2025
        #expect(markdown.hasPrefix("# Maatstaf: waar staat de gemeente?"))
        for name in Self.names {
            #expect(markdown.contains("| \(name) | \(ReportFixtures.dutchEuros(raw.rate(name, ["6.711"]))) |"))
        }
        #expect(
            markdown.contains(
                "| Nederland | \(ReportFixtures.dutchEuros(raw.groupRate(["6.711"]) { $0.delivered && $0.books(["6.711"]) })) |"))
        #expect(markdown.contains("### Voetnoten"))
        #expect(markdown.contains("| 2023 |"))
        #expect(markdown.contains("| 2025 (B) |"))
        #expect(markdown.contains("Bron: CBS (CC BY 4.0)"))
    }

    @Test("an indicator whose CBS table is not fetched is listed with the fetch to run, not silently dropped")
    func unavailableIndicator() throws {
        let built = try report(["wmo.huishoudelijke-hulp", "bijstand.per-1000-15-65"], locale: .en)
        #expect(built.sections.count == 1)
        #expect(built.unavailable.map(\.indicator.id) == ["bijstand.per-1000-15-65"])
        // KWB is taken whole: the request is the whole table. Without the CLI's renderer the report says it in words.
        #expect(built.unavailable[0].fetch == [FetchRequest(table: "85984NED")])
        #expect(built.renderHTML().contains("To include it: fetch CBS table 85984NED"))
        var withCommands = built
        withCommands.fetchText = { "maatstaf fetch \($0.table)" }
        #expect(withCommands.renderHTML().contains("To include it: maatstaf fetch 85984NED"))
    }

    @Test("English reports write English labels and €1,234.56")
    func english() throws {
        let html = try report(locale: .en).renderHTML()
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("Summary"))
        let value = Self.raw2025.rate("Westervoort", ["6.711"])
        #expect(html.contains(">€" + String(format: "%.2f", value) + "<"))
    }
}
