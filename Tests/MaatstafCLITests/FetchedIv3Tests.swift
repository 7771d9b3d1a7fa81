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
