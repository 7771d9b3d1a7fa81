import Foundation
import MaatstafCore
import MaatstafStore
import MaatstafTestServer
import Testing

/// Iv3 fetched from CBS's third-party catalog: a table of the Iv3 shape (served locally, built from the real CSVs)
/// becomes Iv3 documents every Iv3 indicator reads, to the cent as the snapshot's; bad tables are refused with
/// nothing stored.
@Suite("Iv3 fetched from CBS (dataderden), end to end")
struct FetchedIv3Tests {
    static let accounts2023 = Iv3TableServer.Document(csv: "iv3/2023_jaarrekening.csv", code: "2023X005")

    func runner(_ server: TestHTTPServer) -> CLIRunner {
        var runner = CLIRunner()
        runner.environment["MAATSTAF_CBS_BASE"] = server.baseURL
        return runner
    }

    /// `compare` as JSON, with the value of each municipality and the national rate.
    func compare(_ runner: CLIRunner, cache: String, _ extra: [String] = []) async throws -> (
        values: [String: Double], national: Double, notes: [String], sources: [String]
    ) {
        let result = try await runner.run(
            [
                "compare", "--indicator", "wmo.huishoudelijke-hulp", "--year", "2023", "--against", "national",
                "--format", "json", "--cache-dir", cache, "Westervoort", "Duiven", "Rotterdam",
            ] + extra)
        #expect(result.status == 0 || result.status == 66, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let entries = try #require(object["municipalities"] as? [[String: Any]])
        var values: [String: Double] = [:]
        for entry in entries { values[entry["name"] as! String] = entry["value"] as? Double }
        let national = try #require(((entries[0]["references"] as? [[String: Any]])?.first?["value"]) as? Double)
        let sources = (object["sources"] as? [[String: Any]] ?? []).compactMap { $0["table"] as? String }
        return (values, national, object["notes"] as? [String] ?? [], sources)
    }

    @Test("a fetched 2023 accounts table: every Iv3 indicator reads it, to the cent as the snapshot; the output says which")
    func sameAsSnapshot() async throws {
        let server = try Iv3TableServer(id: "45063NED", documents: [Self.accounts2023]).start()
        let runner = runner(server)
        let cache = CLIRunner.freshLoadedCache()
        let fetch = try await runner.run(["fetch", "--catalog", "dataderden", "45063NED", "--cache-dir", cache])
        #expect(fetch.status == 0, "\(fetch.stderr)")
        // Counted from the raw file: who delivered, and who has only zeros (no delivery, SOURCES.md §11).
        let raw2023 = try RawIv3("iv3/2023_jaarrekening.csv")
        let undelivered = raw2023.municipalities.filter { !$0.value.delivered }.keys.sorted()
        #expect(
            fetch.stdout.contains(
                "Iv3 2023 accounts: \(raw2023.municipalities.count - undelivered.count) municipalities, no delivery from \(undelivered.joined(separator: ", "))."
            ), "\(fetch.stdout)")

        let fetched = try await compare(runner, cache: cache)
        let snapshot = try await compare(runner, cache: cache, ["--iv3-source", "snapshot"])
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        for name in ["Westervoort", "Duiven"] {
            #expect(sameCent(fetched.values[name], raw.rate(name, ["6.71a"])))
            #expect(sameCent(fetched.values[name], snapshot.values[name]!))
        }
        // Rotterdam books nothing on 6.71a in the 2023 accounts: no value from either copy.
        #expect(fetched.values["Rotterdam"] == nil && snapshot.values["Rotterdam"] == nil)
        #expect(sameCent(fetched.national, snapshot.national))
        #expect(fetched.sources.contains("Iv3 jaarrekening 2023 (CBS 45063NED)"))
        #expect(snapshot.sources.contains("Iv3 jaarrekening 2023"))
        #expect(
            fetched.notes.contains {
                $0.hasPrefix("The 2023 accounts is in the fetched CBS table 45063NED and in the embedded snapshot")
            })
        #expect(
            snapshot.notes.contains {
                $0.hasPrefix("The 2023 accounts is in the embedded snapshot and in the fetched CBS table 45063NED")
            })

        // The trend reads the fetched copy too, and still has three periods (one per document, not per copy).
        let trend = try await runner.run(["trend", "--indicator", "wmo.huishoudelijke-hulp", "--cache-dir", cache, "Duiven"])
        #expect(trend.stdout.contains("Iv3 jaarrekening 2023 (CBS 45063NED)"))
        #expect(trend.stdout.split(separator: "\n").filter { $0.hasPrefix("Duiven ") }.count == 3)
    }

    @Test("a table that contradicts the snapshot is refused with nothing stored; --accept-revision keeps it and it is read")
    func revision() async throws {
        let server = try Iv3TableServer(
            id: "45063NED", documents: [Self.accounts2023], damage: .lasten(code: "GM0293", taakveld: "6.71a", delta: 1),
            only: ["Westervoort", "Duiven", "Rotterdam", "Zevenaar"]
        ).start()
        let runner = runner(server)
        let cache = CLIRunner.freshLoadedCache()
        let refused = try await runner.run(["fetch", "--catalog", "dataderden", "45063NED", "--cache-dir", cache])
        #expect(refused.status == 65)
        #expect(
            refused.stderr.contains(
                "45063NED: the 2023 accounts differs from the embedded snapshot in 1 figure(s), e.g. GM0293 6.71a: lasten 2017 and baten 127 in the snapshot, 2018 and 127 in 45063NED"
            ), "\(refused.stderr)")
        #expect(try Store(path: cache + "/maatstaf.sqlite").cbsTables().isEmpty)

        let kept = try await runner.run([
            "fetch", "--catalog", "dataderden", "45063NED", "--accept-revision", "--cache-dir", cache,
        ])
        #expect(kept.status == 0, "\(kept.stderr)")
        let revised = try await compare(runner, cache: cache)
        #expect(sameCent(revised.values["Westervoort"], 2_018_000.0 / 15_114))  // the table's figure, not the file's 2017
    }

    @Test(
        "bad tables: a dimension missing, an unknown document code, a taakveld not in the year's code list — refused, nothing stored",
        arguments: [
            (Iv3TableServer.Damage.withoutDimension("Verslagsoort"), "looks like a CBS Iv3 table but has no Verslagsoort"),
            (.documentCode("2023X009"), "has the code \"2023X009\", which is not a budget (YYYYX000) or accounts (YYYYX005)"),
            (.unknownTaakveld("6.99z"), "has 1 taakveld code(s) not in CBS's Iv3 code list for 2023: 6.99z"),
        ])
    func badTables(_ damage: Iv3TableServer.Damage, _ message: String) async throws {
        let server = try Iv3TableServer(
            id: "45063NED", documents: [Self.accounts2023], damage: damage, limitMunicipalities: 3
        ).start()
        let cache = CLIRunner.freshLoadedCache()
        let result = try await runner(server).run(["fetch", "--catalog", "dataderden", "45063NED", "--cache-dir", cache])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was stored"))
        #expect(try Store(path: cache + "/maatstaf.sqlite").cbsTables().isEmpty)
    }

    @Test("fetch iv3 YEAR finds the year's table in the catalog by its title and says which; none or several is an error")
    func byYear() async throws {
        let server = try Iv3TableServer(id: "45063NED", documents: [Self.accounts2023], limitMunicipalities: 3).start(
            catalog: [
                ("45063NED", "Iv3 gemeenten; begroting en rekening 2023 (synthetic listing)", "2023"),
                ("45067NED", "Iv3 gemeenten; begroting en rekening 2024 (synthetic listing)", "2024"),
                ("45099NED", "Iv3 gemeenten 2024, tweede versie (synthetic listing)", "2024"),
                ("80137ned", "Arbeidsrekeningen 2023", "2023"),
            ])
        let cache = CLIRunner.freshLoadedCache()
        let found = try await runner(server).run(["fetch", "iv3", "2023", "--accept-revision", "--cache-dir", cache])
        #expect(found.status == 0, "\(found.stderr)")
        #expect(
            found.stdout.hasPrefix(
                "Iv3 2023: 45063NED — Iv3 gemeenten; begroting en rekening 2023 (synthetic listing) (CBS third-party catalog).\n")
        )
        #expect(try Store(path: cache + "/maatstaf.sqlite").cbsTables().map(\.catalog) == ["dataderden"])

        let several = try await runner(server).run(["fetch", "iv3", "2024", "--cache-dir", cache])
        #expect(several.status == 65)
        #expect(several.stderr.contains("the third-party catalog lists 2 Iv3 tables for 2024: 45067NED"))
        let none = try await runner(server).run(["fetch", "iv3", "2019", "--cache-dir", cache])
        #expect(none.status == 65)
        #expect(
            none.stderr.contains(
                "the third-party catalog lists no Iv3 table for 2019. Look with `maatstaf tables --catalog dataderden --search iv3`"
            ))
        let bad = try await runner(server).run(["fetch", "iv3", "twenty", "--cache-dir", cache])
        #expect(bad.status == 64)
    }

    @Test("part of an Iv3 table is refused: a sum over some categories or regions would look complete")
    func filtered() async throws {
        let server = try Iv3TableServer(id: "45063NED", documents: [Self.accounts2023], limitMunicipalities: 3).start()
        let cache = CLIRunner.freshLoadedCache()
        let result = try await runner(server).run([
            "fetch", "--catalog", "dataderden", "45063NED", "--region", "GM0518", "--cache-dir", cache,
        ])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("is a CBS Iv3 table, which is read whole per document"))
    }
}

/// A year the snapshot has no Iv3 for, fetched: every Iv3 indicator — generic and named — has values for it.
///
/// The served table is the real 2023 accounts relabelled as the 2024 accounts (`2024X005`; the 2023–2024 layout is the
/// same, and CBS's 2024 code list is in the snapshot), and the served 2024 population is the 1 January 2023
/// population of the same file, relabelled: the figures are real, their year is not. Expected values are computed
/// from the raw file.
@Suite("A fetched Iv3 year: generic and named indicators in compare, trend, export-all and indicators show")
struct FetchedIv3YearTests {
    static let relabelled = Iv3TableServer.Document(csv: "iv3/2023_jaarrekening.csv", code: "2024X005")

    /// A cache with the relabelled 2024 accounts and the 2024 population fetched.
    static func cacheWith2024() async throws -> (CLIRunner, String) {
        let cache = CLIRunner.freshLoadedCache()
        let iv3 = try Iv3TableServer(id: "45067NED", documents: [relabelled]).start()
        var runner = CLIRunner()
        runner.environment["MAATSTAF_CBS_BASE"] = iv3.baseURL
        let fetched = try await runner.run(["fetch", "--catalog", "dataderden", "45067NED", "--cache-dir", cache])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let population = Dictionary(
            uniqueKeysWithValues: raw.municipalities.map { (Iv3TableServer.codes[$0.key]!, Int($0.value.population)) })
        try await fetchPopulation(year: 2024, population, title: "the 2023 Iv3 file's, as 2024", &runner, cache: cache)
        return (runner, cache)
    }

    @Test("generic iv3.6.3.netto and named wmo.huishoudelijke-hulp compare for the fetched year, to the cent")
    func compareFetchedYear() async throws {
        let (runner, cache) = try await Self.cacheWith2024()
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        for (indicator, taakvelden, netto) in [
            ("iv3.6.3.netto", ["6.3"], true), ("wmo.huishoudelijke-hulp", ["6.71a"], false),
        ] {
            let result = try await runner.run([
                "compare", "--indicator", indicator, "--year", "2024", "--against", "national", "--format", "json",
                "--cache-dir", cache, "Westervoort", "Duiven",
            ])
            #expect(result.status == 0, "\(indicator): \(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let entries = try #require(object["municipalities"] as? [[String: Any]])
            for (index, name) in ["Westervoort", "Duiven"].enumerated() {
                #expect(sameCent(entries[index]["value"] as? Double, raw.rate(name, taakvelden, netto: netto)), "\(indicator)")
            }
        }
    }

    @Test("trend, export-all and indicators show cover the fetched year")
    func everyOutputCoversIt() async throws {
        let (runner, cache) = try await Self.cacheWith2024()
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let expected = raw.rate("Westervoort", ["6.3"], netto: true)
        let trend = try await runner.run([
            "trend", "--indicator", "iv3.6.3.netto", "--format", "csv", "--locale", "en", "--cache-dir", cache, "Westervoort",
        ])
        #expect(trend.status == 0, "\(trend.stderr)")
        let row = try #require(trend.stdout.split(separator: "\r\n").first { $0.contains(",2024,jaarrekening,") })
        #expect(row.contains(",\(String(format: "%.2f", expected)),ok,"), "\(row)")

        let export = try await runner.run([
            "export-all", "--set", "iv3.6.3.netto", "--against", "national", "--locale", "en", "--cache-dir", cache,
        ])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.split(separator: "\r\n").contains { $0.contains("GM0293") && $0.contains(",2024,") })

        let show = try await runner.run(["indicators", "show", "iv3.6.3.lasten", "--locale", "en", "--cache-dir", cache])
        #expect(show.stdout.contains("2024"), "\(show.stdout)")
        #expect(!show.stdout.contains("2024 (not defined)"), "\(show.stdout)")
    }
}

/// A year of the first Iv3 layout (2017–2022), fetched: the table's taakvelden are checked against CBS's real code
/// list of the year (2019 and 2022, the first and last of the layout), the broad indicators compare, and the ones that layout cannot give say so and name the broader one.
///
/// No real 2019 or 2022 Iv3 table is here: the served table holds the REAL taakvelden of chapter 6 of CBS's code list
/// of the year (cache/snapshot/iv3-definitions) with SYNTHETIC amounts for the four Liemers municipalities, and the
/// served population is SYNTHETIC too. Expected values are computed here from the rows served.
@Suite("A fetched Iv3 year of the 2017–2022 layout")
struct FirstLayoutYearTests {
    static let liemers = ["Duiven", "Montferland", "Westervoort", "Zevenaar"]

    /// Chapter 6's taakvelden of CBS's list of `year`, read from the file here: (code, title).
    static func chapterSix2019() throws -> [(String, String)] { try chapterSix(2019) }

    static func chapterSix(_ year: Int) throws -> [(String, String)] {
        let url = RepositoryFixtures.root.appendingPathComponent(
            "cache/snapshot/iv3-definitions/iv3_definities_Gemeente_\(year).json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let lists = try #require(object["codelijsten"] as? [String: Any])
        let chapters = try #require((lists["taakveld"] as? [String: Any])?["codelijst"] as? [[String: Any]])
        // 2022's list nests the chapters under a total (`Tot_TV`); earlier lists have them at the top.
        let flat = chapters + chapters.flatMap { $0["subcodes"] as? [[String: Any]] ?? [] }
        let six = try #require(flat.first { $0["code"] as? String == "6." })
        return (six["subcodes"] as? [[String: Any]] ?? []).map { ($0["code"] as! String, $0["omschrijving"] as! String) }
    }

    /// Lasten in thousands of euros: synthetic, different per municipality and taakveld.
    static func lasten(_ municipality: Int, _ taakveld: Int) -> Int { 100 * (municipality + 1) + 7 * taakveld }

    @Test(
        "fetch iv3 YEAR stores the year; wmo.maatwerk compares from 6.71; household help says it needs wmo.maatwerk",
        arguments: [2019, 2022])
    func fetchAndCompare(year: Int) async throws {
        let taakvelden = try Self.chapterSix(year)
        #expect(taakvelden.map(\.0).contains("6.71") && !taakvelden.map(\.0).contains("6.71a"))
        var rows: [[String]] = []
        for (m, name) in Self.liemers.enumerated() {
            for (k, taakveld) in taakvelden.enumerated() {
                let lasten = Self.lasten(m, k)
                rows.append([name, "\(taakveld.0) \(taakveld.1)", "", String(lasten / 10), String(lasten)])
            }
        }
        let document = Iv3TableServer.Document(csv: "", code: "\(year)X005", rows: rows)
        let iv3 = try Iv3TableServer(id: "45999NED", documents: [document]).start(catalog: [
            ("45999NED", "Iv3 gemeenten; begroting en rekening \(year) (synthetic listing)", "\(year)")
        ])
        let cache = CLIRunner.freshLoadedCache()
        var runner = CLIRunner()
        runner.environment["MAATSTAF_CBS_BASE"] = iv3.baseURL
        let fetched = try await runner.run(["fetch", "iv3", String(year), "--cache-dir", cache, "--locale", "en"])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        #expect(fetched.stdout.contains("Iv3 \(year): 45999NED"))

        // The household-help line did not exist before 2023: no value, and the broader indicator named.
        let narrow = try await runner.run([
            "compare", "--indicator", "wmo.huishoudelijke-hulp", "--year", String(year), "--cache-dir", cache, "--locale", "en",
            "Westervoort",
        ])
        #expect(narrow.status == 65)
        #expect(narrow.stderr.contains("Use the broader indicator wmo.maatwerk"), "\(narrow.stderr)")

        // A synthetic population for every municipality of the year: not dissolved before, not formed after.
        let store = try Store(path: cache + "/maatstaf.sqlite")
        let formedLater = Set(MergerBoundariesTests.formations.filter { Int($0.2.suffix(4))! > year }.map(\.1))
        let existing = try store.municipalities().filter { $0.lastYear >= year && !formedLater.contains($0.code) }
            .map(\.code)
        let population = Dictionary(uniqueKeysWithValues: existing.enumerated().map { ($0.element, 10_000 + 13 * $0.offset) })
        try await fetchPopulation(year: year, population, title: "synthetic \(year) populations", &runner, cache: cache)
        // The municipalities dissolved since take the classes of those they went into: CBS's record of mergers.
        let mergers = try MergerBoundariesTests.mergersServer()
        runner.environment["MAATSTAF_CBS_BASE"] = mergers.baseURL
        #expect(try await runner.run(["fetch", "mergers", "--cache-dir", cache]).status == 0)
        let broad = try await runner.run([
            "compare", "--indicator", "wmo.maatwerk", "--year", String(year), "--against", "national", "--format", "json",
            "--cache-dir", cache, "Westervoort",
        ])
        #expect(broad.status == 0, "\(broad.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(broad.stdout.utf8)) as? [String: Any])
        let entry = try #require((object["municipalities"] as? [[String: Any]])?.first)
        let westervoort = try #require(Self.liemers.firstIndex(of: "Westervoort"))
        let line = try #require(taakvelden.firstIndex { $0.0 == "6.71" })
        let code = try #require(Iv3TableServer.codes["Westervoort"])
        let expected = Double(Self.lasten(westervoort, line)) * 1000 / Double(try #require(population[code]))
        #expect(sameCent(entry["value"] as? Double, expected), "\(entry)")

        // A series and the export say which years have no value and why, instead of skipping them.
        let trend = try await runner.run([
            "trend", "--indicator", "wmo.huishoudelijke-hulp", "--locale", "en", "--cache-dir", cache, "Westervoort",
        ])
        #expect(trend.status == 0, "\(trend.stderr)")
        #expect(
            trend.stdout.contains(
                "No value in \(year) (accounts): the Iv3 layout of those years has no taakveld of its own for it; wmo.maatwerk does run through those years."
            ), "\(trend.stdout)")
        let export = try await runner.run([
            "export-all", "--set", "wmo.huishoudelijke-hulp", "--locale", "en", "--cache-dir", cache,
        ])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(
            export.stderr.contains("wmo.huishoudelijke-hulp \(year) jaarrekening (no taakveld of its own"), "\(export.stderr)")
        #expect(!export.stdout.contains(",\(year),"))
    }
}

/// Serves a 03759ned of one year with these populations (by CBS code) and fetches it into `cache` as a user would;
/// the runner is left pointing at that server.
func fetchPopulation(
    year: Int, _ population: [String: Int], title: String, _ runner: inout CLIRunner, cache: String
) async throws {
    let server = try ODataReplayTable.serve {
        ["03759ned": PopulationYearTests.table(year: year, population: population, title: title)]
    }
    runner.environment["MAATSTAF_CBS_BASE"] = server.baseURL
    let fetched = try await runner.run([
        "fetch", "03759ned", "--period", String(year), "--topic", "BevolkingOp1Januari", "--where", "BurgerlijkeStaat=T001019",
        "--where", "Geslacht=T001038", "--where", "Leeftijd=10000", "--cache-dir", cache,
    ])
    #expect(fetched.status == 0, "\(fetched.stderr)")
}
