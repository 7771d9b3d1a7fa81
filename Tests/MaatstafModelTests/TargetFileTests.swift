import Foundation
import MaatstafCore
import MaatstafModel
import MaatstafTestServer
import Testing

@Suite("Targets file (report --targets)")
struct TargetFileTests {
    static let catalog = try! IndicatorCatalog(store: ModelFixtures.store)

    func parse(_ text: String) throws -> [Target] {
        try TargetFile.parse(text, file: "doelen.yaml", directory: ModelFixtures.directory, indicators: Self.catalog)
    }

    @Test("bounds, margins (default and own), names or codes, notes")
    func valid() throws {
        let targets = try parse(
            """
            margin: 8
            targets:
              - municipality: Westervoort
                indicator: wmo.huishoudelijke-hulp
                year: 2025
                at-most: 95
                note: Coalitieakkoord
              - municipality: GM0226
                indicator: bijstand.per-1000-15-65
                year: 2024
                target: 30
                margin: 2.5
            """)
        #expect(targets.count == 2)
        #expect(targets[0].municipalityCode == "GM0293")
        #expect(targets[0].bound == .atMost && targets[0].value == 95 && targets[0].marginPercent == 8)
        #expect(targets[0].note == "Coalitieakkoord" && targets[0].location == "doelen.yaml:3")
        // `target:` takes the indicator's direction: bijstand is lower-is-better.
        #expect(targets[1].municipalityCode == "GM0226" && targets[1].bound == .atMost && targets[1].marginPercent == 2.5)
    }

    @Test("evaluation: met at the bound, amber within the margin, red beyond, for both bounds")
    func evaluation() {
        let most = Target(municipalityCode: "GM0293", indicatorID: "x", year: 2025, value: 100, bound: .atMost, marginPercent: 5)
        #expect(most.evaluate(100) == .met)
        #expect(most.evaluate(105) == .withinMargin)
        #expect(most.evaluate(105.01) == .missed)
        let least = Target(
            municipalityCode: "GM0293", indicatorID: "x", year: 2025, value: -200, bound: .atLeast, marginPercent: 10)
        #expect(least.evaluate(-150) == .met)
        #expect(least.evaluate(-220) == .withinMargin)
        #expect(least.evaluate(-220.5) == .missed)
    }

    @Test("every problem is listed with its line: unknown municipality, indicator, key, bad year, no bound, duplicates")
    func problems() throws {
        let text = """
            targets:
              - municipality: Westervoordt
                indicator: wmo.huishoudelijke-hulp
                year: 2025
                at-most: 95
              - municipality: Duiven
                indicator: wmo.huishoudleijke-hulp
                year: 25
                at-most: veel
              - municipality: Duiven
                indicator: jeugd.hulp
                year: 2025
                target: 400
                colour: red
              - municipality: Duiven
                indicator: wmo.begeleiding
                year: 2025
              - municipality: Duiven
                indicator: wmo.begeleiding
                year: 2025
                at-most: 1
                at-least: 2
            """
        do {
            _ = try parse(text)
            Issue.record("expected an error")
        } catch let error as ModelError {
            #expect(error.kind == .invalidTargetFile)
            let message = error.description
            #expect(message.contains("doelen.yaml:2: municipality \"Westervoordt\""))
            #expect(message.contains("Westervoort"))
            #expect(message.contains("doelen.yaml:7: indicator \"wmo.huishoudleijke-hulp\""))
            #expect(message.contains("doelen.yaml:8: \"year\" must be a year"))
            #expect(message.contains("doelen.yaml:9: \"at-most\" must be a number"))
            #expect(message.contains("doelen.yaml:14: unknown key \"colour\""))
            #expect(message.contains("jeugd.hulp has no better direction"))
            #expect(message.contains("give the target as at-most: VALUE or at-least: VALUE"))
            #expect(message.contains("give only one of at-most, at-least"))
        }
    }

    @Test("not YAML, or no list of targets: a clear error naming the file")
    func notATargetsFile() {
        #expect(throws: ModelError.self) { try parse("targets: [") }
        #expect(throws: ModelError.self) { try parse("- a\n- b\n") }
        #expect(throws: ModelError.self) { try parse("targets: []\n") }
    }

    @Test("an unquoted comma in an indicator title is an error, not a silently shortened title")
    func unquotedComma() {
        let text = """
            indicators:
              - id: eigen.test
                title: { nl: Sociaal domein, netto, en: Social domain, net }
                unit: { nl: euro, en: euro }
                numerator: { source: iv3, taakvelden: { "2017": ["6.1"] } }
                denominator: population
            """
        let file = RepositoryFixtures.temporaryFolder().appendingPathComponent("comma.yaml")
        try? text.write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: ModelError.self) { try IndicatorCatalog(store: ModelFixtures.store, userFile: file) }
        #expect(error?.description.contains("unknown key \"netto\" in a text") == true)
    }

    @Test("regions, targets and indicators read YAML one way: a syntax error names its file and line")
    func yamlSyntax() throws {
        let broken = "indicators:\n  - id: eigen.test\n    title: { nl: x, en: x\n    unit: { nl: x, en: x }\n"
        let folder = RepositoryFixtures.temporaryFolder()
        let indicators = folder.appendingPathComponent("eigen.yaml")
        try broken.write(to: indicators, atomically: true, encoding: .utf8)
        let error = #expect(throws: ModelError.self) { try IndicatorCatalog(store: ModelFixtures.store, userFile: indicators) }
        #expect(error?.subject.hasPrefix("\(indicators.path):") == true)
        #expect(error?.reason.en.hasPrefix("is not valid YAML") == true)
        let targets = #expect(throws: ModelError.self) { try parse("targets:\n  - municipality: [Westervoort\n") }
        #expect(targets?.reason.en.contains("doelen.yaml:") == true && targets?.reason.en.contains("is not valid YAML") == true)
    }
}
