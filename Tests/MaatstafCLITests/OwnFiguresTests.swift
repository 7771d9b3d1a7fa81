import Foundation
import MaatstafCore
import MaatstafStore
import MaatstafTestServer
import Testing

/// A municipality's own figures end to end: the shipped example (real figures from Westervoort's and Steenwijkerland's
/// council documents) imports cleanly, its indicators compare and trend, and `check` sounds the alarm. Every expected
/// ratio is computed here from the example's rows.
@Suite("Own figures: import, indicators, targets and check")
struct OwnFiguresTests {
    static let folder = RepositoryFixtures.root.appendingPathComponent("examples/own-figures")
    static var files: [String] {
        ["westervoort-huishoudelijke-hulp.csv", "steenwijkerland-monitor.csv"].map { folder.appendingPathComponent($0).path }
    }
    static var indicators: String { folder.appendingPathComponent("indicators.yaml").path }
    static var targets: String { folder.appendingPathComponent("targets.yaml").path }

    /// The example's rows, split here independently of maatstaf's reader: (municipality, period text, measure) → value.
    static func rows() throws -> [String: Double] {
        var result: [String: Double] = [:]
        for file in files {
            for line in try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").dropFirst() {
                let fields = line.split(separator: ";").map(String.init)
                result["\(fields[0])|\(fields[1])|\(fields[2])"] = Double(fields[3].replacingOccurrences(of: ",", with: "."))!
            }
        }
        return result
    }

    func imported() async throws -> (CLIRunner, String) {
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        let result = try await runner.run(["import", "--cache-dir", cache] + Self.files)
        #expect(result.status == 0, "\(result.stderr)")
        return (runner, cache)
    }

    @Test("the example imports cleanly; again it is unchanged; a changed file replaces its import; imports lists and removes")
    func importing() async throws {
        let (runner, cache) = try await imported()
        let again = try await runner.run(["import", "--cache-dir", cache] + Self.files)
        #expect(again.stdout.contains("westervoort-huishoudelijke-hulp.csv: imported before, unchanged"))
        let store = try Store(path: cache + "/maatstaf.sqlite")
        #expect(try store.ownImports().map(\.rows) == [3, 17])

        // Next month's export of the Westervoort file (same name, one period more, 2021 again as before) adds its new
        // period as an import of its own and keeps the earlier ones: a same-named export never drops earlier periods.
        let westervoort = { try store.ownFigures(measure: "hh-uren-per-client").filter { $0.code == "GM0293" } }
        let later = RepositoryFixtures.temporaryFolder().appendingPathComponent("westervoort-huishoudelijke-hulp.csv")
        try
            "gemeente;periode;maat;waarde;eenheid\nWestervoort;2021;hh-uren-per-client;2,83;uur\nWestervoort;2022;hh-uren-per-client;2,6;uur\n"
            .write(to: later, atomically: true, encoding: .utf8)
        let added = try await runner.run(["import", "--locale", "en", "--cache-dir", cache, later.path])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(
            added.stdout.contains("1 new figure added as westervoort-huishoudelijke-hulp.csv #2; the 3 figures"),
            "\(added.stdout)")
        #expect(try westervoort().map(\.value).sorted() == [2.6, 2.83, 2.91, 3.07])
        // A figure whose value changed is refused with both values; nothing is stored.
        let changed = RepositoryFixtures.temporaryFolder().appendingPathComponent("westervoort-huishoudelijke-hulp.csv")
        try
            "gemeente;periode;maat;waarde;eenheid\nWestervoort;2021;hh-uren-per-client;2,9;uur\nWestervoort;2023;hh-uren-per-client;2,5;uur\n"
            .write(to: changed, atomically: true, encoding: .utf8)
        let refused = try await runner.run(["import", "--locale", "en", "--cache-dir", cache, changed.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("GM0293 2021JJ00 hh-uren-per-client is 2.9 here but 2.83 in"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--replace"))
        #expect(try westervoort().count == 4)
        // Asked for: --replace replaces every earlier import of the name.
        let replaced = try await runner.run(["import", "--replace", "--locale", "en", "--cache-dir", cache, changed.path])
        #expect(replaced.stdout.contains("replacing the earlier import(s) of that name (4 figures)"), "\(replaced.stdout)")
        #expect(try westervoort().map(\.value).sorted() == [2.5, 2.9])

        let list = try await runner.run(["imports", "--cache-dir", cache])
        #expect(list.stdout.contains("steenwijkerland-monitor.csv\t17 figures"))
        let removed = try await runner.run(["imports", "--cache-dir", cache, "--remove", "steenwijkerland-monitor.csv"])
        #expect(removed.status == 0)
        #expect(try store.ownFigures(measure: "jeugdigen-0-17").isEmpty)
        let unknown = try await runner.run(["imports", "--cache-dir", cache, "--remove", "nothing.csv"])
        #expect(unknown.status == 65)
    }

    @Test("a bad file: every problem with row and column, an unknown municipality with suggestions, nothing stored")
    func badFile() async throws {
        let file = RepositoryFixtures.temporaryFolder().appendingPathComponent("fout.csv")
        try """
        gemeente;periode;maat;waarde;eenheid
        Westervort;2019;clients;10;aantal
        Westervoort;2019;clients;x;aantal
        Westervoort;2020;clients;10;aantal
        """.write(to: file, atomically: true, encoding: .utf8)
        let cache = CLIRunner.freshLoadedCache()
        let result = try await CLIRunner().run(["import", "--cache-dir", cache, file.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("fout.csv: has 2 problems:"))
        #expect(result.stderr.contains("row 3, column value: \"x\" is not a number"))
        #expect(
            result.stderr.contains(
                "row 2, column municipality: \"Westervort\" is not a known municipality. Did you mean: Westervoort"))
        #expect(try Store(path: cache + "/maatstaf.sqlite").ownImports().isEmpty)
    }

    @Test("a NUL in an imported file is refused with row and column; the earlier imports and the store stay usable")
    func controlCharacter() async throws {
        let (runner, cache) = try await imported()
        let file = RepositoryFixtures.temporaryFolder().appendingPathComponent("duiven.csv")
        try Data("gemeente;periode;maat;waarde;eenheid;toelichting\nDuiven;2022;rt-m;3,07;uur;x\u{0}y\n".utf8).write(to: file)
        let refused = try await runner.run(["import", "--cache-dir", cache, "--locale", "en", file.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("row 2, column note: contains the control character U+0000"), "\(refused.stderr)")
        // Nothing of it was stored; what was imported before reads as before, twice (the reproduction failed on the
        // second read and rebuilt the store on the third).
        for _ in 0..<2 {
            let list = try await runner.run(["imports", "--cache-dir", cache, "--locale", "en"])
            #expect(list.status == 0, "\(list.stderr)")
            #expect(list.stdout.contains("westervoort-huishoudelijke-hulp.csv\t3 figures"))
            #expect(!list.stdout.contains("duiven.csv"))
        }
    }

    @Test("indicators over own figures: own ÷ own per 1,000 in February, an average as reported; to the cent")
    func indicators() async throws {
        let (runner, cache) = try await imported()
        let rows = try Self.rows()
        let trend = try await runner.run([
            "trend", "--indicator", "eigen.jeugd-met-voorziening-per-1000", "--indicator-file", Self.indicators, "--format",
            "csv",
            "--cache-dir", cache, "Steenwijkerland",
        ])
        #expect(trend.status == 0, "\(trend.stderr)")
        let lines = trend.stdout.split(separator: "\r\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        // One row per year and reference: the Netherlands and the municipalities that shared the figure.
        #expect(lines.count == 6)
        #expect(lines.map { $0[12] } == ["national", "sharing", "national", "sharing", "national", "sharing"])
        for (line, year) in zip(lines.enumerated().filter { $0.offset % 2 == 0 }.map(\.element), [2019, 2020, 2021]) {
            let expected =
                rows["Steenwijkerland|februari \(year)|jeugd-met-voorziening"]! / rows[
                    "Steenwijkerland|februari \(year)|jeugdigen-0-17"]! * 1000
            #expect(line[3] == "\(year)")
            #expect(Double(line[5]).map { ($0 * 100).rounded() } == (expected * 100).rounded())
        }
        let compare = try await runner.run([
            "compare", "--indicator", "eigen.hh-uren-per-client", "--indicator-file", Self.indicators, "--year", "2020",
            "--against", "national", "--format", "json", "--cache-dir", cache, "Westervoort",
        ])
        #expect(compare.status == 0, "\(compare.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(compare.stdout.utf8)) as? [String: Any])
        let entry = try #require((object["municipalities"] as? [[String: Any]])?.first)
        #expect(entry["value"] as? Double == rows["Westervoort|2020|hh-uren-per-client"])
        #expect((object["sources"] as? [[String: Any]])?.first?["table"] as? String == "Own figures: hh-uren-per-client")
    }

    @Test("check: the missed target is named, the near one and the fine norm too; exit 1; JSON for a scheduler")
    func check() async throws {
        let (runner, cache) = try await imported()
        let rows = try Self.rows()
        let arguments = ["check", "--targets", Self.targets, "--indicator-file", Self.indicators, "--cache-dir", cache]
        let result = try await runner.run(arguments)
        #expect(result.status == 1)
        #expect(result.stderr == "maatstaf: error: 1 target(s) missed or norm(s) breached\n")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines[0].hasPrefix("MISSED   Westervoort eigen.hh-uren-per-client 2021: 2.83; target at most 2.50 (the 2022 target)"))
        // Steenwijkerland 2021 against 2019 − 3 %, computed from the rows.
        let youth2019 =
            rows["Steenwijkerland|februari 2019|jeugd-met-voorziening"]! / rows["Steenwijkerland|februari 2019|jeugdigen-0-17"]!
            * 1000
        let bound = String(format: "%.2f", youth2019 * 0.97)
        #expect(lines[1].hasPrefix("NEAR     Steenwijkerland eigen.jeugd-met-voorziening-per-1000 2021:"))
        #expect(lines[1].contains("(\(bound))"))
        #expect(lines[2].hasPrefix("FINE     Steenwijkerland eigen.vervoer-70plus-per-1000 2021:"))
        #expect(lines[3] == "3 check(s): 1 missed or breached, 1 near, 1 fine, 0 without a value.")

        let alerts = try await runner.run(arguments + ["--alerts-only", "--locale", "nl"])
        #expect(alerts.stdout.split(separator: "\n").count == 3)
        #expect(alerts.stdout.hasPrefix("GEMIST"))
        let json = try await runner.run(arguments + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "maatstaf.check/1")
        #expect((object["summary"] as? [String: Int]) == ["missed": 1, "near": 1, "met": 1, "no-value": 0])
    }

    @Test("check exit codes: all met is 0; only near is 2; a target without a value is 3")
    func exitCodes() async throws {
        let (runner, cache) = try await imported()
        let folder = RepositoryFixtures.temporaryFolder()
        func check(_ yaml: String) async throws -> CLIRunner.Result {
            let file = folder.appendingPathComponent("t\(yaml.hashValue).yaml")
            try yaml.write(to: file, atomically: true, encoding: .utf8)
            return try await runner.run([
                "check", "--targets", file.path, "--indicator-file", Self.indicators, "--cache-dir", cache,
            ])
        }
        let target = "targets:\n  - { municipality: Westervoort, indicator: eigen.hh-uren-per-client, year: 2021, at-most: "
        #expect(try await check(target + "3.0 }\n").status == 0)
        #expect(try await check(target + "2.75 }\n").status == 2)  // 2.83 within 5 % of 2.75
        let other = "targets:\n  - { municipality: Duiven, indicator: eigen.hh-uren-per-client, year: 2021, at-most: 3 }\n"
        let none = try await check(other)
        #expect(none.status == 3)
        #expect(
            none.stdout.hasPrefix("NO VALUE Duiven eigen.hh-uren-per-client 2021: no own figure hh-uren-per-client for 2021;"))
    }

    @Test("--targets on trend and compare: the target that applies to each value is listed, saying when it is another year's")
    func targetsBesideValues() async throws {
        let (runner, cache) = try await imported()
        let trend = try await runner.run([
            "trend", "--indicator", "eigen.hh-uren-per-client", "--indicator-file", Self.indicators, "--targets", Self.targets,
            "--cache-dir", cache, "Westervoort",
        ])
        #expect(trend.status == 0, "\(trend.stderr)")
        let lines = trend.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains {
                $0.hasPrefix("MISSED   Westervoort eigen.hh-uren-per-client 2019: 3.07; target at most 2.90 (the 2020 target)")
            })
        #expect(
            lines.contains { $0.hasPrefix("NEAR     Westervoort eigen.hh-uren-per-client 2020: 2.91; target at most 2.90 —") })
        #expect(
            lines.contains {
                $0.hasPrefix("MISSED   Westervoort eigen.hh-uren-per-client 2021: 2.83; target at most 2.50 (the 2022 target)")
            })
        let compare = try await runner.run([
            "compare", "--indicator", "eigen.hh-uren-per-client", "--indicator-file", Self.indicators, "--targets", Self.targets,
            "--year", "2020", "--against", "national", "--cache-dir", cache, "Westervoort",
        ])
        #expect(compare.stdout.contains("NEAR     Westervoort eigen.hh-uren-per-client 2020: 2.91; target at most 2.90 —"))
    }

    @Test(
        "report --targets: the targeted own indicator joins the report, its panel draws the target path, the summary says which target"
    )
    func reportWithTargets() async throws {
        let (runner, cache) = try await imported()
        let output = RepositoryFixtures.temporaryFolder().appendingPathComponent("westervoort.html")
        let result = try await runner.run([
            "report", "--locale", "nl", "--targets", Self.targets, "--indicator-file", Self.indicators, "--cache-dir", cache,
            "--output", output.path, "Westervoort",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: output, encoding: .utf8)
        #expect(html.contains("Uren huishoudelijke hulp per cliënt"))
        let panel = try #require(
            html.components(separatedBy: "Westervoort: ontwikkeling").last?.components(separatedBy: "</svg>").first)
        #expect(panel.contains("≤ 2,90") && panel.contains("≤ 2,50"))
        // The 2021 value is checked against the 2022 target, and the summary says both years.
        #expect(html.contains("hoogstens 2,50 in 2022; waarde 2,83 (2021)"))
    }

    @Test("the norm 'latest month above the 12-month maximum' on a monthly monitor (SYNTHETIC counts, for the rule only)")
    func recentMaximum() async throws {
        let folder = RepositoryFixtures.temporaryFolder()
        // Thirteen months of made-up application counts: the highest of February 2020 – January 2021 is 15 (June).
        let counts = [11, 12, 13, 14, 15, 9, 10, 12, 11, 13, 12, 14, 16]
        var csv = "gemeente;periode;maat;waarde;eenheid\n"
        for (index, count) in counts.enumerated() {
            let month = (index + 1) % 12 + 1
            let year = index == 0 || index >= 11 ? (index == 0 ? 2020 : 2021) : 2020
            csv += "Westervoort;\(year)-\(month < 10 ? "0" : "")\(month);aanvragen;\(count);aantal\n"
        }
        try csv.write(to: folder.appendingPathComponent("aanvragen.csv"), atomically: true, encoding: .utf8)
        try """
        indicators:
          - id: test.aanvragen
            title: { nl: Nieuwe aanvragen, en: New applications }
            unit: { nl: aanvragen, en: applications }
            numerator: { source: own, measure: aanvragen }
            denominator: none
            period: MM01
        """.write(to: folder.appendingPathComponent("indicators.yaml"), atomically: true, encoding: .utf8)
        try """
        norms:
          - municipality: Westervoort
            indicator: test.aanvragen
            above-max-of-months: 12
        """.write(to: folder.appendingPathComponent("norms.yaml"), atomically: true, encoding: .utf8)
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        let imported = try await runner.run(["import", "--cache-dir", cache, folder.appendingPathComponent("aanvragen.csv").path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let result = try await runner.run([
            "check", "--targets", folder.appendingPathComponent("norms.yaml").path, "--indicator-file",
            folder.appendingPathComponent("indicators.yaml").path, "--cache-dir", cache,
        ])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stdout.hasPrefix(
                "BREACH   Westervoort test.aanvragen 2021: 16.00; alarm above the highest of the 12 months before (\(counts.dropLast().max()!).00)"
            ), "\(result.stdout)")
    }

    @Test("a national figure entered in the file (with its source) is the reference: in compare, and for 'at most national'")
    func nationalReference() async throws {
        let folder = RepositoryFixtures.temporaryFolder()
        // Westervoort's real 2021 figure; the national row is a TEST value with a made-up source, for the rule only.
        let file = folder.appendingPathComponent("uren.csv")
        try """
        gemeente;periode;maat;waarde;eenheid;toelichting
        Westervoort;2021;hh-uren-per-client;2,83;uur;
        Nederland;2021;hh-uren-per-client;2,5;uur;testbron (geen echte cijfers)
        """.write(to: file, atomically: true, encoding: .utf8)
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        #expect(try await runner.run(["import", "--cache-dir", cache, file.path]).status == 0)
        let compare = try await runner.run([
            "compare", "--indicator", "eigen.hh-uren-per-client", "--indicator-file", Self.indicators, "--year", "2021",
            "--against", "national", "--cache-dir", cache, "Westervoort",
        ])
        #expect(
            compare.stdout.contains(
                "Netherlands: the national figure 2.50 as entered with the own figures (source: testbron (geen echte cijfers))."))
        let row = try #require(compare.stdout.split(separator: "\n").first { $0.contains("Netherlands (entered figure)") })
        // 2.83 − 2.50 and its share of 2.50, computed here.
        #expect(row.contains("2.50") && row.contains("+0.33") && row.contains("+13.2%"), "\(compare.stdout)")
        let json = try await runner.run([
            "compare", "--indicator", "eigen.hh-uren-per-client", "--indicator-file", Self.indicators, "--year", "2021",
            "--format", "json", "--cache-dir", cache, "Westervoort",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let references = try #require((object["municipalities"] as? [[String: Any]])?.first?["references"] as? [[String: Any]])
        #expect(references.first?["value"] as? Double == 2.5)
        #expect((references.first?["basis"] as? [String: Any])?["kind"] as? String == "entered")
        #expect(abs((references.first?["difference"] as? Double ?? 0) - (2.83 - 2.5)) < 1e-9)
        let trend = try await runner.run([
            "trend", "--indicator", "eigen.hh-uren-per-client", "--indicator-file", Self.indicators, "--format", "csv",
            "--cache-dir", cache, "Westervoort",
        ])
        let rows = trend.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let national = try #require(rows.first { $0.count > 15 && $0[3] == "2021" && $0[12] == "national" })
        #expect(national[5] == "2.83" && national[15] == "2.50", "\(trend.stdout)")
        let targets = folder.appendingPathComponent("t.yaml")
        try "targets:\n  - { municipality: Westervoort, indicator: eigen.hh-uren-per-client, year: 2021, at-most: national }\n"
            .write(to: targets, atomically: true, encoding: .utf8)
        let check = try await runner.run([
            "check", "--targets", targets.path, "--indicator-file", Self.indicators, "--cache-dir", cache,
        ])
        #expect(
            check.stdout.hasPrefix(
                "MISSED   Westervoort eigen.hh-uren-per-client 2021: 2.83; target at most the national rate (2.50)"),
            "\(check.stdout)")
        // rank: the Netherlands is the entered figure; the municipalities without the figure are counted, not named.
        let rank = try await runner.run([
            "rank", "--indicator", "eigen.hh-uren-per-client", "--indicator-file", Self.indicators, "--year", "2021",
            "--locale", "en", "--cache-dir", cache,
        ])
        #expect(rank.stdout.contains("Netherlands: the national figure 2.50 as entered with the own figures"), "\(rank.stdout)")
        // 342 municipalities in 2023 (CBS, Gebieden in Nederland 2023), the classes used for 2021; less Westervoort.
        #expect(rank.stdout.contains("341 municipalities have no own figure for this period"))
        #expect(!rank.stdout.contains("Aa en Hunze") && !rank.stdout.contains("Bron: CBS"))
        // A norm on the entered national figure: 2.50 × 1.2 = 3.00 is the threshold; one sign before the percentage.
        let norm = folder.appendingPathComponent("n.yaml")
        try "norms:\n  - { municipality: Westervoort, indicator: eigen.hh-uren-per-client, above: national, by-percent: 20 }\n"
            .write(to: norm, atomically: true, encoding: .utf8)
        let normCheck = try await runner.run([
            "check", "--targets", norm.path, "--indicator-file", Self.indicators, "--locale", "nl", "--cache-dir", cache,
        ])
        #expect(normCheck.stdout.contains("alarm boven het landelijke cijfer +20,0% (3,00)"), "\(normCheck.stdout)")
        #expect(!normCheck.stdout.contains("+ +"))

        let unsourced = folder.appendingPathComponent("zonder-bron.csv")
        try "gemeente;periode;maat;waarde\nNederland;2021;hh-uren-per-client;2,5\n".write(
            to: unsourced, atomically: true, encoding: .utf8)
        let refused = try await runner.run(["import", "--cache-dir", cache, unsourced.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("row 2, column note: a national figure needs its source in the note"))
    }

    @Test("the report shows own figures period by period, with the target band and the latest value's colour")
    func reportOwnPeriods() async throws {
        let (runner, cache) = try await imported()
        let output = RepositoryFixtures.temporaryFolder().appendingPathComponent("steenwijkerland.html")
        let result = try await runner.run([
            "report", "--locale", "nl", "--indicators", "eigen.jeugd-met-voorziening-per-1000", "--indicator-file",
            Self.indicators,
            "--targets", Self.targets, "--cache-dir", cache, "--output", output.path, "Steenwijkerland",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: output, encoding: .utf8)
        let chart = try #require(
            html.components(separatedBy: "<figcaption>Eigen cijfers per periode</figcaption>").dropFirst().first?
                .components(separatedBy: "</figure>").first)
        for label in ["feb 2019", "feb 2020", "feb 2021"] { #expect(chart.contains(label)) }
        // The latest value (February 2021) against the 2021 target (−3 % on 2019): within the margin, so amber.
        #expect(chart.contains("r=\"5\" fill=\"#E69F00\""))
        // The relative target is drawn where it resolves: February 2019's youths with a provision per 1,000 youths,
        // from the example's rows, less 3 % — in the periods chart with what it is reckoned from, and in the trend
        // panel as a tick with a dotted line from 2019.
        let rows = try Self.rows()
        let base =
            rows["Steenwijkerland|februari 2019|jeugd-met-voorziening"]! / rows["Steenwijkerland|februari 2019|jeugdigen-0-17"]!
            * 1000
        let bound = String(format: "%.2f", base * 0.97).replacingOccurrences(of: ".", with: ",")
        #expect(chart.contains("≤ \(bound) (2021: -3,0% t.o.v. 2019)"), "\(bound)")
        let trend = try #require(
            html.components(separatedBy: "<figcaption>Ontwikkeling</figcaption>").dropFirst().first?
                .components(separatedBy: "</figure>").first)
        #expect(trend.contains("≤ \(bound)"))

        // A target years ahead (2026, no figures yet) of −10 % on 2019 is drawn too: the base is known.
        let ahead = RepositoryFixtures.temporaryFolder().appendingPathComponent("doelen.yaml")
        try """
        targets:
          - municipality: Steenwijkerland
            indicator: eigen.jeugd-met-voorziening-per-1000
            year: 2026
            at-most: -10% from 2019
        """.write(to: ahead, atomically: true, encoding: .utf8)
        let later = try await runner.run([
            "report", "--locale", "nl", "--indicators", "eigen.jeugd-met-voorziening-per-1000", "--indicator-file",
            Self.indicators, "--targets", ahead.path, "--cache-dir", cache, "--output", output.path, "Steenwijkerland",
        ])
        #expect(later.status == 0, "\(later.stderr)")
        let aheadBound = String(format: "%.2f", base * 0.9).replacingOccurrences(of: ".", with: ",")
        let laterHTML = try String(contentsOf: output, encoding: .utf8)
        #expect(laterHTML.contains("≤ \(aheadBound) (2026: -10,0% t.o.v. 2019)"), "\(aheadBound)")
    }

    @Test("a report for the issue's three municipalities shows no CBS period code to its readers, in Dutch or English")
    func noPeriodCodes() async throws {
        let (runner, cache) = try await imported()
        for locale in ["nl", "en"] {
            let output = RepositoryFixtures.temporaryFolder().appendingPathComponent("r.html")
            let result = try await runner.run([
                "report", "--locale", locale, "--year", "2021", "--indicator-file", Self.indicators, "--targets",
                Self.targets, "--cache-dir", cache, "--output", output.path, "Westervoort", "Duiven", "Steenwijkerland",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let html = try String(contentsOf: output, encoding: .utf8)
            let code = html.range(of: #"[0-9]{4}(JJ|MM|KW)[0-9]{2}"#, options: .regularExpression)
            var context = ""
            if let code { context = String(html[code.lowerBound...].prefix(40)) }
            #expect(code == nil, "\(context)")
            // Duiven has no February figure of Steenwijkerland's monitor: said as a reader says the month.
            #expect(html.contains(locale == "nl" ? "jeugd-met-voorziening voor feb 2021" : "jeugd-met-voorziening for Feb 2021"))
        }
    }

    @Test("any partner: Iv3 lasten ÷ own clients (cost per client), the Iv3 side from the raw CSV, the count SYNTHETIC")
    func iv3OverOwn() async throws {
        let folder = RepositoryFixtures.temporaryFolder()
        try "gemeente;periode;maat;waarde;eenheid;toelichting\nWestervoort;2023;hh-clienten;412;aantal;testwaarde\n".write(
            to: folder.appendingPathComponent("clienten.csv"), atomically: true, encoding: .utf8)
        try """
        indicators:
          - id: test.hh-kosten-per-client
            title: { nl: Kosten huishoudelijke hulp per cliënt, en: Cost of household help per client }
            unit: { nl: euro per cliënt, en: euros per client }
            numerator: { source: iv3, measure: lasten, taakvelden: { "2017": ["6.71a"], "2025": ["6.711"] } }
            denominator: { source: own, measure: hh-clienten }
        """.write(to: folder.appendingPathComponent("ind.yaml"), atomically: true, encoding: .utf8)
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        #expect(
            try await runner.run(["import", "--cache-dir", cache, folder.appendingPathComponent("clienten.csv").path]).status == 0
        )
        let result = try await runner.run([
            "compare", "--indicator", "test.hh-kosten-per-client", "--indicator-file",
            folder.appendingPathComponent("ind.yaml").path,
            "--year", "2023", "--against", "national", "--format", "json", "--cache-dir", cache, "Westervoort",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let value = try #require((object["municipalities"] as? [[String: Any]])?.first?["value"] as? Double)
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let lasten = raw.total(raw.municipalities["Westervoort"]!, ["6.71a"], netto: false)
        #expect(sameCent(value, lasten / 412))
    }

    @Test("an own figure is never compared with itself: no 'Nederland' of 2,83, no map of one, no CBS credit")
    func neverItself() async throws {
        let (runner, cache) = try await imported()
        let rows = try Self.rows()
        let arguments = [
            "compare", "--indicator", "eigen.hh-uren-per-client", "--indicator-file", Self.indicators, "--year", "2021",
            "--cache-dir", cache, "Westervoort",
        ]
        let text = try await runner.run(arguments + ["--locale", "nl"])
        #expect(text.status == 0, "\(text.stderr)")
        let westervoort = String(format: "%.2f", rows["Westervoort|2021|hh-uren-per-client"]!).replacingOccurrences(
            of: ".", with: ",")
        let national = try #require(text.stdout.split(separator: "\n").first { $0.contains("Nederland") })
        #expect(national.contains("Nederland: geen landelijk cijfer"))
        #expect(!national.contains(westervoort) || national.hasPrefix("Westervoort"), "\(national)")
        #expect(!national.contains("0,0%"))
        #expect(text.stdout.contains("1 gemeente die dit cijfer deelt"))
        #expect(text.stdout.contains("een groep is pas een maatstaf vanaf 3 gemeenten"))
        // Own-only output: the files are credited, not CBS; and no English in the Dutch output.
        #expect(!text.stdout.contains("Bron: CBS"))
        #expect(text.stdout.contains("Bron: eigen cijfers (hh-uren-per-client) — westervoort-huishoudelijke-hulp.csv, ingelezen"))
        for english in ["Own figures", "imported", "inhabitants", "× inwoners"] {
            #expect(!text.stdout.contains(english), "\(english)")
        }
        let json = try await runner.run(arguments + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let references = try #require((object["municipalities"] as? [[String: Any]])?.first?["references"] as? [[String: Any]])
        #expect(references.map { $0["kind"] as? String } == ["national", "sharing", "province", "size-class"])
        for reference in references {
            #expect(reference["value"] is NSNull, "\(reference)")
            #expect(reference["difference"] is NSNull)
            #expect(reference["gap"] is NSNull)
        }
        #expect((references[0]["basis"] as? [String: Any])?["kind"] as? String == "no-national-figure")
        #expect((references[1]["basis"] as? [String: Any])?["count"] as? Int == 1)

        let trend = try await runner.run([
            "trend", "--indicator", "eigen.hh-uren-per-client", "--indicator-file", Self.indicators, "--locale", "en",
            "--cache-dir", cache, "Westervoort",
        ])
        #expect(!trend.stdout.contains("(national"), "\(trend.stdout)")
        #expect(trend.stdout.contains("No national figure"))

        let output = RepositoryFixtures.temporaryFolder().appendingPathComponent("own.html")
        let report = try await runner.run([
            "report", "--indicators", "eigen.hh-uren-per-client", "--indicator-file", Self.indicators, "--year", "2021",
            "--locale", "nl", "--cache-dir", cache, "--output", output.path, "Westervoort",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOf: output, encoding: .utf8)
        #expect(!html.contains("Bron: CBS"))
        #expect(!html.contains("<figure class=\"map\""))  // one municipality's figure is no map
        #expect(html.contains("Nederland: geen landelijk cijfer"))
    }

    @Test("three municipalities that shared a figure are a pooled reference: n = 3, mean and median computed here")
    func pooled() async throws {
        let folder = RepositoryFixtures.temporaryFolder()
        // Westervoort's real 2021 figure; Duiven's and Zevenaar's are SYNTHETIC, for the rule only.
        let values = ["Westervoort": 2.83, "Duiven": 3.2, "Zevenaar": 2.4]
        for (name, value) in values {
            try "gemeente;periode;maat;waarde;eenheid\n\(name);2021;hh-uren-per-client;\(value);uur\n".write(
                to: folder.appendingPathComponent("\(name).csv"), atomically: true, encoding: .utf8)
        }
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        let files = values.keys.map { folder.appendingPathComponent("\($0).csv").path }
        #expect(try await runner.run(["import", "--cache-dir", cache] + files).status == 0)
        let json = try await runner.run([
            "compare", "--indicator", "eigen.hh-uren-per-client", "--indicator-file", Self.indicators, "--year", "2021",
            "--against", "province,corop", "--format", "json", "--cache-dir", cache, "Westervoort",
        ])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let references = try #require((object["municipalities"] as? [[String: Any]])?.first?["references"] as? [[String: Any]])
        let mean = values.values.reduce(0, +) / 3
        let median = values.values.sorted()[1]
        for kind in ["sharing", "province", "corop"] {  // all three are in Gelderland, in the COROP Arnhem/Nijmegen
            let reference = try #require(references.first { $0["kind"] as? String == kind })
            #expect(reference["count"] as? Int == 3, "\(kind)")
            #expect(abs((reference["value"] as? Double ?? 0) - mean) < 1e-9, "\(kind)")
            #expect(reference["median"] as? Double == median, "\(kind)")
            #expect((reference["basis"] as? [String: Any])?["kind"] as? String == "sharers")
        }
        #expect(references.first?["value"] is NSNull)  // still no national figure
        let text = try await runner.run([
            "compare", "--indicator", "eigen.hh-uren-per-client", "--indicator-file", Self.indicators, "--year", "2021",
            "--locale", "en", "--cache-dir", cache, "Westervoort",
        ])
        #expect(text.stdout.contains("3 municipalities that shared this figure"))
    }

    @Test("the year's Iv3 spending over an own count of one month (period: MM04), the month said in the output")
    func iv3OverMonthlyCount() async throws {
        let folder = RepositoryFixtures.temporaryFolder()
        // The count is SYNTHETIC (for the rule only); the Iv3 side is the real 2023 accounts.
        try """
        gemeente;periode;maat;waarde;eenheid;toelichting
        Westervoort;april 2023;hh-clienten;412;aantal;testwaarde
        Westervoort;mei 2023;hh-clienten;430;aantal;testwaarde
        """.write(to: folder.appendingPathComponent("clienten.csv"), atomically: true, encoding: .utf8)
        let indicators = folder.appendingPathComponent("ind.yaml")
        try """
        indicators:
          - id: test.hh-kosten-per-client-april
            title: { nl: Kosten huishoudelijke hulp per cliënt in april, en: Cost of household help per client in April }
            unit: { nl: euro per cliënt, en: euros per client }
            numerator: { source: iv3, measure: lasten, taakvelden: { "2017": ["6.71a"], "2025": ["6.711"] } }
            denominator: { source: own, measure: hh-clienten }
            period: MM04
        """.write(to: indicators, atomically: true, encoding: .utf8)
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        #expect(
            try await runner.run(["import", "--cache-dir", cache, folder.appendingPathComponent("clienten.csv").path]).status == 0
        )
        let arguments = [
            "compare", "--indicator", "test.hh-kosten-per-client-april", "--indicator-file", indicators.path,
            "--year", "2023", "--cache-dir", cache, "Westervoort",
        ]
        let json = try await runner.run(arguments + ["--format", "json", "--locale", "nl"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let value = try #require((object["municipalities"] as? [[String: Any]])?.first?["value"] as? Double)
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let lasten = raw.total(raw.municipalities["Westervoort"]!, ["6.71a"], netto: false)
        #expect(sameCent(value, lasten / 412))  // April's count, not May's
        let notes = try #require(object["notes"] as? [String])
        #expect(notes.contains { $0.hasPrefix("De eigen cijfers zijn die van apr 2023") && $0.contains("heel 2023") }, "\(notes)")
        // Only Westervoort has the count: never its own reference, not even as 'Nederland'.
        let national = try #require(
            ((object["municipalities"] as? [[String: Any]])?.first?["references"] as? [[String: Any]])?.first)
        #expect(national["value"] is NSNull)
        let text = try await runner.run(arguments + ["--locale", "en"])
        #expect(text.stdout.contains("The own figures are those of Apr 2023"), "\(text.stdout)")

        try """
        indicators:
          - id: test.bad
            title: { nl: t, en: t }
            unit: { nl: u, en: u }
            numerator: { source: iv3, measure: lasten, taakvelden: { "2017": ["6.71a"], "2025": ["6.711"] } }
            denominator: population
            period: MM04
        """.write(to: indicators, atomically: true, encoding: .utf8)
        let refused = try await runner.run([
            "compare", "--indicator", "test.bad", "--indicator-file", indicators.path, "--year", "2023", "--cache-dir", cache,
            "Westervoort",
        ])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("period is for indicators over own figures (as numerator or denominator)"))
    }

    @Test("a monthly monitor in trend: previous month, same month last year, year to date and a projection, both languages")
    func monitorRhythm() async throws {
        let folder = RepositoryFixtures.temporaryFolder()
        // SYNTHETIC counts (for the rule only): applications per month, January 2019 to April 2021.
        var counts: [String: Double] = [:]
        var rows = ["gemeente;periode;maat;waarde;eenheid;toelichting"]
        for year in 2019...2021 {
            for month in 1...12 where year < 2021 || month <= 4 {
                let count = Double(20 + 3 * month + (year - 2019) * 5)
                counts["\(year)-\(month)"] = count
                rows.append("Westervoort;\(year)-\(month < 10 ? "0" : "")\(month);aanvragen;\(Int(count));aantal;synthetisch")
            }
        }
        try (rows.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("aanvragen.csv"), atomically: true, encoding: .utf8)
        let indicators = folder.appendingPathComponent("ind.yaml")
        try """
        indicators:
          - id: test.aanvragen
            title: { nl: Aanvragen Wmo, en: Wmo applications }
            unit: { nl: aanvragen, en: applications }
            numerator: { source: own, measure: aanvragen }
            denominator: none
            period: MM04
            accumulation: flow
        """.write(to: indicators, atomically: true, encoding: .utf8)
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        #expect(
            try await runner.run(["import", "--cache-dir", cache, folder.appendingPathComponent("aanvragen.csv").path]).status
                == 0)
        let trend = try await runner.run([
            "trend", "--indicator", "test.aanvragen", "--indicator-file", indicators.path, "--locale", "en",
            "--cache-dir", cache, "Westervoort",
        ])
        #expect(trend.status == 0, "\(trend.stderr)")
        func c(_ year: Int, _ month: Int) -> Double { counts["\(year)-\(month)"]! }
        let ytd = (1...4).map { c(2021, $0) }.reduce(0, +)
        let before = (1...4).map { c(2020, $0) }.reduce(0, +)
        let shares = [2019, 2020].map { year in
            (1...4).map { c(year, $0) }.reduce(0, +) / (1...12).map { c(year, $0) }.reduce(0, +)
        }
        let projection = ytd / (shares.reduce(0, +) / 2)
        func plain(_ value: Double) -> String { String(format: "%.2f", value) }
        let line = try #require(trend.stdout.split(separator: "\n").first { $0.hasPrefix("Westervoort — monitor Apr 2021") })
        #expect(line.contains("Westervoort — monitor Apr 2021: \(plain(c(2021, 4)))."), "\(line)")
        #expect(line.contains("Against the previous monitor (Mar 2021): +\(plain(c(2021, 4) - c(2021, 3)))"), "\(line)")
        #expect(line.contains("Against Apr 2020: +\(plain(c(2021, 4) - c(2020, 4)))"), "\(line)")
        #expect(line.contains("Year to date (Jan 2021–Apr 2021, summed): \(plain(ytd)); a year earlier \(plain(before))"))
        #expect(line.contains("Projection 2021: \(plain(projection))"), "\(line) \(projection)")
        #expect(line.contains("2019, 2020"))

        let dutch = try await runner.run([
            "trend", "--indicator", "test.aanvragen", "--indicator-file", indicators.path, "--locale", "nl",
            "--cache-dir", cache, "Westervoort",
        ])
        #expect(dutch.stdout.contains("T.o.v. vorige monitor (mrt 2021)"))
        #expect(dutch.stdout.contains("Jaar tot nu (jan 2021–apr 2021, opgeteld)"))
        #expect(dutch.stdout.contains("Prognose 2021"))
        #expect(!dutch.stdout.contains("Het cijfer is een gemiddelde"))  // a count that sums, not an average

        // check: under the line of a monitor's figure, where the monitor stands.
        let norms = folder.appendingPathComponent("norms.yaml")
        try "norms:\n  - { municipality: Westervoort, indicator: test.aanvragen, growth-percent: 50 }\n".write(
            to: norms, atomically: true, encoding: .utf8)
        let check = try await runner.run([
            "check", "--targets", norms.path, "--indicator-file", indicators.path, "--locale", "en", "--cache-dir", cache,
        ])
        #expect(check.stdout.contains("Westervoort — monitor Apr 2021: \(plain(c(2021, 4)))."), "\(check.stdout)")
        #expect(check.stdout.contains("Projection 2021: \(plain(projection))"))

        // compare --year 2020: the monitor as of April 2020; one complete earlier year is no season, so the pace.
        let compare = try await runner.run([
            "compare", "--indicator", "test.aanvragen", "--indicator-file", indicators.path, "--year", "2020", "--locale",
            "en", "--cache-dir", cache, "Westervoort",
        ])
        #expect(compare.stdout.contains("Westervoort — monitor Apr 2020: \(plain(c(2020, 4)))."), "\(compare.stdout)")
        #expect(compare.stdout.contains("Projection 2020: \(plain(before * 12 / 4)) (year to date × 12 ÷ 4"))
    }

    @Test("the norm 'worse and worsening': worse than the entered national figure and worse at every step is a breach")
    func worseAndWorsening() async throws {
        let folder = RepositoryFixtures.temporaryFolder()
        // SYNTHETIC monthly figures and a TEST national figure (made-up source), for the rule only.
        try """
        gemeente;periode;maat;waarde;eenheid;toelichting
        Westervoort;2021-02;wachttijd;3,0;weken;
        Westervoort;2021-03;wachttijd;3,1;weken;
        Westervoort;2021-04;wachttijd;3,3;weken;
        Duiven;2021-02;wachttijd;3,3;weken;
        Duiven;2021-03;wachttijd;3,1;weken;
        Duiven;2021-04;wachttijd;3,0;weken;
        Zevenaar;2021-02;wachttijd;2,0;weken;
        Zevenaar;2021-03;wachttijd;2,2;weken;
        Zevenaar;2021-04;wachttijd;2,4;weken;
        Nederland;2021-04;wachttijd;2,5;weken;testbron (geen echte cijfers)
        """.write(to: folder.appendingPathComponent("wachttijd.csv"), atomically: true, encoding: .utf8)
        let indicators = folder.appendingPathComponent("ind.yaml")
        try """
        indicators:
          - id: test.wachttijd
            title: { nl: Wachttijd Wmo, en: Wmo waiting time }
            unit: { nl: weken, en: weeks }
            numerator: { source: own, measure: wachttijd }
            denominator: none
            direction: lower-is-better
            period: MM04
            accumulation: stock
        """.write(to: indicators, atomically: true, encoding: .utf8)
        let norms = folder.appendingPathComponent("norms.yaml")
        try """
        norms:
          - { municipality: Westervoort, indicator: test.wachttijd, worse-and-worsening: national }
          - { municipality: Duiven, indicator: test.wachttijd, worse-and-worsening: national }
          - { municipality: Zevenaar, indicator: test.wachttijd, worse-and-worsening: national }
        """.write(to: norms, atomically: true, encoding: .utf8)
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        #expect(
            try await runner.run(["import", "--cache-dir", cache, folder.appendingPathComponent("wachttijd.csv").path]).status
                == 0)
        let check = try await runner.run([
            "check", "--targets", norms.path, "--indicator-file", indicators.path, "--locale", "en", "--cache-dir", cache,
        ])
        let lines = check.stdout.split(separator: "\n").map(String.init)
        // Westervoort: 3.3 > 2.5 and 3.0 → 3.1 → 3.3 worse at each step: both.
        #expect(
            lines.contains {
                $0.hasPrefix("BREACH   Westervoort test.wachttijd 2021: 3.30; alarm when worse than the national rate")
            })
        // Duiven: worse than 2.5 but better at each step: one of the two.
        #expect(lines.contains { $0.hasPrefix("NEAR     Duiven test.wachttijd 2021: 3.00") }, "\(check.stdout)")
        // Zevenaar: worsening, but still better than 2.5: one of the two.
        #expect(lines.contains { $0.hasPrefix("NEAR     Zevenaar test.wachttijd 2021: 2.40") }, "\(check.stdout)")
        #expect(check.status == 1)

        try "norms:\n  - { municipality: Westervoort, indicator: test.wachttijd, worse-and-worsening: national, periods: 1 }\n"
            .write(to: norms, atomically: true, encoding: .utf8)
        let refused = try await runner.run([
            "check", "--targets", norms.path, "--indicator-file", indicators.path, "--locale", "en", "--cache-dir", cache,
        ])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("\"periods\" must be a number of periods from 2 to 24"), "\(refused.stderr)")
    }

    @Test("a benchmark club: three municipalities share exchange files, pooled with n = 3; a changed definition is refused")
    func benchmarkClub() async throws {
        let folder = RepositoryFixtures.temporaryFolder()
        let runner = CLIRunner()
        // Westervoort's real 2021 figure; Duiven's and Zevenaar's are SYNTHETIC, for the rule only.
        let values = ["Westervoort": 2.83, "Duiven": 3.25, "Zevenaar": 2.4]
        let definition = "gemiddeld aantal uren huishoudelijke hulp per cliënt per week"
        var exchanges: [String] = []
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            // Each municipality in its own store: its monitor file, then `share`.
            let own = folder.appendingPathComponent("\(name)-monitor.csv")
            try "gemeente;periode;maat;waarde;eenheid;toelichting\n\(name);2021;hh-uren;\(value);uur;\(definition)\n".write(
                to: own, atomically: true, encoding: .utf8)
            let cache = CLIRunner.freshLoadedCache()
            #expect(try await runner.run(["import", "--cache-dir", cache, own.path]).status == 0)
            let exchange = folder.appendingPathComponent("\(name.lowercased())-uitwisseling.csv").path
            let shared = try await runner.run([
                "share", "--measures", "hh-uren", "--locale", "nl", "--cache-dir", cache, "--output", exchange, name,
            ])
            #expect(shared.status == 0, "\(shared.stderr)")
            exchanges.append(exchange)
        }
        let header = try String(contentsOfFile: exchanges[0], encoding: .utf8).split(separator: "\n").first ?? ""
        #expect(header.contains("code;gemeente;periode;maat;waarde;eenheid;definitie;bron"))

        // The club's store imports all three.
        let club = CLIRunner.freshLoadedCache()
        let imported = try await runner.run(["import", "--cache-dir", club] + exchanges)
        #expect(imported.status == 0, "\(imported.stderr)")
        let indicators = folder.appendingPathComponent("ind.yaml")
        try """
        indicators:
          - id: club.hh-uren
            title: { nl: Uren huishoudelijke hulp per cliënt, en: Hours of household help per client }
            unit: { nl: uur per cliënt, en: hours per client }
            numerator: { source: own, measure: hh-uren }
            denominator: none
        """.write(to: indicators, atomically: true, encoding: .utf8)
        let json = try await runner.run([
            "compare", "--indicator", "club.hh-uren", "--indicator-file", indicators.path, "--year", "2021", "--format",
            "json", "--cache-dir", club, "Westervoort",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let references = try #require((object["municipalities"] as? [[String: Any]])?.first?["references"] as? [[String: Any]])
        let sharing = try #require(references.first { $0["kind"] as? String == "sharing" })
        #expect(sharing["count"] as? Int == 3)
        let mean = values.values.reduce(0, +) / 3
        #expect(abs((sharing["value"] as? Double ?? 0) - mean) < 1e-9)
        #expect(sharing["median"] as? Double == values.values.sorted()[1])

        // A fourth partner defines the measure otherwise: refused, naming both definitions; nothing stored.
        let other = folder.appendingPathComponent("rheden-uitwisseling.csv")
        try """
        code;gemeente;periode;maat;waarde;eenheid;definitie;bron
        GM0275;Rheden;2021JJ00;hh-uren;3,1;uur;uren per cliënt per maand;test
        """.write(to: other, atomically: true, encoding: .utf8)
        let refused = try await runner.run(["import", "--locale", "en", "--cache-dir", club, other.path])
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("\"uren per cliënt per maand\" (uur)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("\"\(definition)\" (uur)"), "\(refused.stderr)")
        let imports = try await runner.run(["imports", "--cache-dir", club])
        #expect(!imports.stdout.contains("rheden"))

        // A partner's file named like an import of another municipality would replace it: refused.
        let clash = folder.appendingPathComponent("clash").appendingPathComponent("westervoort-uitwisseling.csv")
        try FileManager.default.createDirectory(at: clash.deletingLastPathComponent(), withIntermediateDirectories: true)
        try """
        code;gemeente;periode;maat;waarde;eenheid;definitie;bron
        GM0275;Rheden;2021JJ00;hh-uren;3,1;uur;\(definition);test
        """.write(to: clash, atomically: true, encoding: .utf8)
        let replaced = try await runner.run(["import", "--locale", "en", "--cache-dir", club, clash.path])
        #expect(replaced.status == 65, "\(replaced.stderr)")
        #expect(replaced.stderr.contains("holds figures of GM0293, none of which this file has"), "\(replaced.stderr)")

        // A measure without a definition cannot be shared.
        let bare = folder.appendingPathComponent("kaal.csv")
        try "gemeente;periode;maat;waarde\nDuiven;2021;zonder-definitie;4\n".write(to: bare, atomically: true, encoding: .utf8)
        #expect(try await runner.run(["import", "--cache-dir", club, bare.path]).status == 0)
        let undefined = try await runner.run([
            "share", "--measures", "zonder-definitie", "--locale", "en", "--cache-dir", club, "Duiven",
        ])
        #expect(undefined.status == 65)
        #expect(undefined.stderr.contains("has no definition"), "\(undefined.stderr)")
    }

    @Test("a pooled count of three sharers has a 95% Wilson interval, computed here from the summed counts")
    func pooledInterval() async throws {
        let folder = RepositoryFixtures.temporaryFolder()
        // Steenwijkerland's real February 2021 counts; Westervoort's and Duiven's are SYNTHETIC, for the rule only.
        let counts = ["Steenwijkerland": (745.0, 8398.0), "Westervoort": (260.0, 2900.0), "Duiven": (410.0, 5100.0)]
        var rows = ["gemeente;periode;maat;waarde;eenheid;toelichting"]
        for (name, count) in counts {
            rows.append("\(name);februari 2021;met-voorziening;\(Int(count.0));aantal;")
            rows.append("\(name);februari 2021;jeugdigen;\(Int(count.1));aantal;")
        }
        try (rows.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("jeugd.csv"), atomically: true, encoding: .utf8)
        let indicators = folder.appendingPathComponent("ind.yaml")
        try """
        indicators:
          - id: test.jeugd-per-1000
            title: { nl: Jeugdigen met voorziening per 1.000, en: Youths with a provision per 1000 }
            unit: { nl: per 1.000 jeugdigen, en: per 1000 youths }
            numerator: { source: own, measure: met-voorziening }
            denominator: { source: own, measure: jeugdigen }
            multiplier: 1000
            interval: wilson
            period: MM02
        """.write(to: indicators, atomically: true, encoding: .utf8)
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        #expect(
            try await runner.run(["import", "--cache-dir", cache, folder.appendingPathComponent("jeugd.csv").path]).status == 0)
        let json = try await runner.run([
            "compare", "--indicator", "test.jeugd-per-1000", "--indicator-file", indicators.path, "--year", "2021",
            "--format", "json", "--cache-dir", cache, "Westervoort",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let references = try #require((object["municipalities"] as? [[String: Any]])?.first?["references"] as? [[String: Any]])
        let sharing = try #require(references.first { $0["kind"] as? String == "sharing" })
        let interval = try #require(sharing["interval"] as? [String: Double])
        // Wilson (1927), z = 1.959964: centre (p + z²/2n) / (1 + z²/n), half-width z√(p(1−p)/n + z²/4n²) / (1 + z²/n).
        let n = counts.values.map(\.1).reduce(0, +)
        let p = counts.values.map(\.0).reduce(0, +) / n
        let z = 1.959964
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / (1 + z * z / n)
        #expect(abs(interval["lower"]! - (centre - half) * 1000) < 1e-3, "\(interval)")
        #expect(abs(interval["upper"]! - (centre + half) * 1000) < 1e-3, "\(interval)")
        #expect(abs((sharing["value"] as? Double ?? 0) - p * 1000) < 1e-9)
    }
}

extension OwnFiguresTests {
    @Test("a rebuilt store names the imports it lost, on every run until they are imported again")
    func importsSurviveARebuildByName() async throws {
        let (runner, cache) = try await imported()
        // A failed row check leaves this mark; the next run moves the store aside and builds a new one.
        try "a row failed its checksum (test)\neen rij klopte niet met zijn controlegetal (test)".write(
            toFile: cache + "/maatstaf.sqlite.damaged", atomically: true, encoding: .utf8)
        let westervoort = Self.folder.appendingPathComponent("westervoort-huishoudelijke-hulp.csv").path
        let rebuilt = try await runner.run(["imports", "--locale", "en", "--cache-dir", cache])
        #expect(rebuilt.stderr.contains("It was moved to"), "\(rebuilt.stderr)")
        #expect(
            rebuilt.stderr.contains("warning: the store was rebuilt without what had been imported, so results lack it"),
            "\(rebuilt.stderr)")
        #expect(rebuilt.stderr.contains("maatstaf import \(westervoort)"), "\(rebuilt.stderr)")
        // Still said on the next run, by any command that reads the store.
        let next = try await runner.run([
            "compare", "--indicator", "wmo.huishoudelijke-hulp", "--locale", "en", "--cache-dir", cache, "Westervoort",
        ])
        #expect(next.stderr.contains("westervoort-huishoudelijke-hulp.csv"), "\(next.stderr)")
        // Imported again: only what is still missing is named, and nothing once all are back.
        _ = try await runner.run(["import", "--cache-dir", cache, westervoort])
        let partly = try await runner.run(["imports", "--locale", "en", "--cache-dir", cache])
        #expect(!partly.stderr.contains("westervoort-huishoudelijke-hulp.csv"), "\(partly.stderr)")
        #expect(partly.stderr.contains("steenwijkerland-monitor.csv"), "\(partly.stderr)")
        _ = try await runner.run(["import", "--cache-dir", cache] + Self.files)
        let complete = try await runner.run(["imports", "--locale", "en", "--cache-dir", cache])
        #expect(!complete.stderr.contains("warning"), "\(complete.stderr)")
    }

    @Test("an export as Excel writes it imports: the title above the header and the empty cells are said, not stored")
    func exportAsWritten() async throws {
        let folder = RepositoryFixtures.temporaryFolder()
        let file = folder.appendingPathComponent("maandmonitor.csv")
        try """
        Maandmonitor Wmo Westervoort 2024;;;;
        gemeente;periode;maat;waarde;eenheid
        Westervoort;jan-24;kosten-hh;€ 1.234,50;euro
        Westervoort;feb-24;kosten-hh;;euro
        """.write(to: file, atomically: true, encoding: .utf8)
        let cache = CLIRunner.freshLoadedCache()
        let result = try await CLIRunner().run(["import", file.path, "--cache-dir", cache, "--locale", "nl"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 cijfer van 1 maat (kosten-hh) voor Westervoort, jan 2024"), "\(result.stdout)")
        #expect(result.stdout.contains("De kopregel staat op rij 2; de rij(en) erboven zijn een titel en overgeslagen."))
        #expect(result.stdout.contains("1 lege waarde(n) (rij 4): geen cijfer voor die periode, niet opgeslagen (nooit als 0)."))
    }
}
