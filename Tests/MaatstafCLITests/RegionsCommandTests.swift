import Foundation
import MaatstafCore
import MaatstafTestServer
import Testing

@Suite("maatstaf municipalities and regions, end to end on the embedded snapshot")
struct RegionsCommandTests {
    /// The regions commands only read: one store with the snapshot loaded serves them all.
    func runner() -> (CLIRunner, String) {
        (CLIRunner(), CLIRunner.loadedCache)
    }

    @Test("regions show Westervoort --year 2025: every group it belongs to")
    func showWestervoort() async throws {
        let (runner, cache) = runner()
        let result = try await runner.run([
            "regions", "show", "Westervoort", "--year", "2025", "--cache-dir", cache,
            "--regions", RepositoryFixtures.regions.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        #expect(lines.contains("national Nederland NL01 342"))
        #expect(lines.contains { $0.hasPrefix("province Gelderland PV25 ") })
        #expect(lines.contains { $0.hasPrefix("corop Arnhem/Nijmegen CR15 ") })
        #expect(lines.contains { $0.hasPrefix("labour-market-region Midden-Gelderland AM07 ") })
        // An English run names CBS's classes in English (CBS: "10 000 tot 20 000 inwoners", "matig stedelijk").
        #expect(lines.contains { $0.hasPrefix("size-class 10,000 to 20,000 inhabitants ") })
        #expect(lines.contains { $0.hasPrefix("urbanity moderately urban ") })
        #expect(lines.contains("1stroom 1Stroom (Duiven en Westervoort) 2"))
        #expect(lines.contains("liemers De Liemers 4"))
        // classes/gemeenteklassen_2025.tsv: Westervoort ... 15202
        #expect(result.stdout.contains("Westervoort (GM0293), 2025: 15202 inhabitants on 1 January 2025."))
        #expect(result.stdout.contains("Bron: CBS"))
    }

    @Test("regions show liemers lists its members with populations")
    func showRegion() async throws {
        let (runner, cache) = runner()
        let result = try await runner.run([
            "regions", "show", "liemers", "--year", "2025", "--cache-dir", cache, "--format", "csv",
            "--regions", RepositoryFixtures.regions.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let classes = try RepositoryFixtures.simpleRows("classes/gemeenteklassen_2025.tsv", separator: "\t")
        func population(_ name: String) -> String { classes.first { $0[0] == name }![4] }
        #expect(
            result.stdout == "code,name,population\r\n"
                + "GM0226,Duiven,\(population("Duiven"))\r\nGM0293,Westervoort,\(population("Westervoort"))\r\n"
                + "GM0299,Zevenaar,\(population("Zevenaar"))\r\nGM1955,Montferland,\(population("Montferland"))\r\n")
    }

    @Test("an unknown municipality: exit 65 and the closest names")
    func unknownMunicipality() async throws {
        let (runner, cache) = runner()
        let result = try await runner.run(["regions", "show", "Westervort", "--cache-dir", cache])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("maatstaf: error: Westervort: is not a known municipality. Did you mean: Westervoort"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("regions check: ok for the shipped files; exit 65 listing file and line for a broken one")
    func check() async throws {
        let (runner, cache) = runner()
        let good = try await runner.run(["regions", "check", "--cache-dir", cache, "--regions", RepositoryFixtures.regions.path])
        #expect(good.status == 0)
        #expect(good.stdout.contains("2 region(s) valid, 0 problem(s)"))

        let folder = RepositoryFixtures.temporaryFolder()
        try "id: x\nname: X\nmembers:\n  - Duivn\n".write(
            to: folder.appendingPathComponent("x.yaml"), atomically: true, encoding: .utf8)
        let bad = try await runner.run(["regions", "check", "--cache-dir", cache, "--regions", folder.path])
        #expect(bad.status == 65)
        #expect(
            bad.stdout.contains(
                "error   \(folder.path)/x.yaml:4: member \"Duivn\" is not a known municipality. Did you mean: Duiven"))

        // Any other command reading that folder stops with the same place.
        let show = try await runner.run(["regions", "show", "Duiven", "--cache-dir", cache, "--regions", folder.path])
        #expect(show.status == 65)
        #expect(show.stderr.hasPrefix("maatstaf: error: \(folder.path)/x.yaml:4: member \"Duivn\""))
    }

    @Test("municipalities --search, --format json and --dissolved")
    func municipalities() async throws {
        let (runner, cache) = runner()
        let table = try await runner.run(["municipalities", "--search", "den bosch", "--cache-dir", cache])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("GM0796  's-Hertogenbosch"))

        let json = try await runner.run([
            "municipalities", "--search", "GM0293", "--year", "2023", "--format", "json", "--cache-dir", cache,
        ])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(decoded?.count == 1)
        #expect(decoded?.first?["population"] as? Int == 15114)  // classes/gemeenteklassen_2023.tsv
        #expect(decoded?.first?["year"] as? Int == 2023)

        let all = try await runner.run(["municipalities", "--format", "csv", "--cache-dir", cache])
        #expect(all.stdout.split(separator: "\r\n").count == 343)

        let dissolved = try await runner.run(["municipalities", "--dissolved", "--search", "haaren", "--cache-dir", cache])
        #expect(dissolved.stdout.contains("GM0788  Haaren"))
    }

    @Test("a damaged snapshot: exit 65 naming the file; nothing else happens")
    func damagedSnapshot() async throws {
        let copy = try RepositoryFixtures.snapshotCopy()
        let file = copy.appendingPathComponent("regions/municipalities.csv")
        try Data("name,code\n".utf8).write(to: file)
        var runner = CLIRunner()
        runner.environment["MAATSTAF_SNAPSHOT_DIR"] = copy.path
        let result = try await runner.run(["municipalities", "--cache-dir", RepositoryFixtures.temporaryFolder().path])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("maatstaf: error: \(file.path): the file differs from the snapshot's checksum"))
    }
}

extension RegionsCommandTests {
    @Test("a user's region folder adds to the shipped regions, never hides them; an id in both is named")
    func userRegionsAdd() async throws {
        let (runner, cache) = runner()
        let folder = RepositoryFixtures.temporaryFolder()
        try "id: achterhoek-west\nname: Achterhoek-West\nmembers:\n  - Doesburg\n  - Bronckhorst\n".write(
            to: folder.appendingPathComponent("eigen.yaml"), atomically: true, encoding: .utf8)
        let list = try await runner.run(["regions", "list", "--locale", "en", "--cache-dir", cache, "--regions", folder.path])
        #expect(list.status == 0, "\(list.stderr)")
        for id in ["achterhoek-west", "liemers", "1stroom"] { #expect(list.stdout.contains(id), "\(id): \(list.stdout)") }
        let compared = try await runner.run([
            "compare", "--indicator", "wmo.huishoudelijke-hulp", "--against", "liemers,achterhoek-west", "--cache-dir",
            cache, "--regions", folder.path, "Doesburg",
        ])
        #expect(compared.status == 0, "\(compared.stderr)")
        // A copy of a shipped file (a checkout's regions/ beside the installed ones) is the same region, not a clash.
        try FileManager.default.copyItem(
            at: RepositoryFixtures.regions.appendingPathComponent("1stroom.yaml"),
            to: folder.appendingPathComponent("1stroom.yaml"))
        let copied = try await runner.run(["regions", "check", "--locale", "en", "--cache-dir", cache, "--regions", folder.path])
        #expect(copied.status == 0, "\(copied.stdout)")
        // The same id as a shipped region: named, with both files.
        try "id: liemers\nname: Mijn Liemers\nmembers:\n  - Duiven\n  - Zevenaar\n".write(
            to: folder.appendingPathComponent("liemers.yaml"), atomically: true, encoding: .utf8)
        let clash = try await runner.run(["regions", "check", "--locale", "en", "--cache-dir", cache, "--regions", folder.path])
        #expect(clash.status == 65)
        #expect(clash.stdout.contains("\(folder.path)/liemers.yaml: id \"liemers\" is already used by"), "\(clash.stdout)")
        // A folder named on purpose that is not there is an error, not silently no regions of one's own.
        let absent = try await runner.run([
            "regions", "list", "--locale", "en", "--cache-dir", cache, "--regions", folder.path + "/nonexistent",
        ])
        #expect(absent.status == 65)
        #expect(absent.stderr.contains("nonexistent: is no folder"), "\(absent.stderr)")
    }
}
