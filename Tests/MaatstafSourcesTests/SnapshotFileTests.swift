import Foundation
import MaatstafCore
import MaatstafSources
import MaatstafTestServer
import Testing

/// The parsers against the real files of the embedded snapshot (cache/snapshot, Bron: CBS).
@Suite("Parsing the real snapshot files")
struct SnapshotFileTests {
    @Test("Iv3 accounts 2023: every row read, amounts as in the file")
    func iv3Accounts2023() throws {
        let data = try RepositoryFixtures.snapshotFile("iv3/2023_jaarrekening.csv")
        let file = try Iv3SpendingFile(data: data, source: "iv3/2023_jaarrekening.csv")
        let raw = try RepositoryFixtures.simpleRows("iv3/2023_jaarrekening.csv", separator: ";")
        #expect(file.rows.count == raw.count - 1)
        // The line of iv3/2023_jaarrekening.csv:
        // Westervoort;6.71a Huishoudelijke hulp (WMO);;127.0;2017.0;Gelderland;10000tot20000inwoners;Matigstedelijk;15114;Zonder;Matig
        let row = try #require(file.rows.first { $0.name == "Westervoort" && $0.taakveld == "6.71a" })
        #expect(row.title == "Huishoudelijke hulp (WMO)")
        #expect(row.baten == 127)
        #expect(row.lasten == 2017)
        #expect(row.salaries == nil)
        #expect(row.population == 15114)
        #expect(row.sizeClass == "10000tot20000inwoners")
        // Every amount equals the raw field read independently.
        for (parsed, fields) in zip(file.rows, raw.dropFirst()) {
            #expect(parsed.lasten == Int(Double(fields[4])!))
            #expect(parsed.baten == Int(Double(fields[3])!))
        }
    }

    @Test("a malformed amount names file and line")
    func malformedAmount() {
        let text =
            "Gemeenten;Taakveld;L1.1 Salarissen en sociale lasten;Baten;Lasten;Provincie;Gemeentegrootte;Stedelijkheid;Inwonertal\n"
            + "Westervoort;6.71a Huishoudelijke hulp (WMO);;127.0;twee;Gelderland;x;y;15114\n"
        let error = #expect(throws: SourceError.self) { try Iv3SpendingFile(data: Data(text.utf8), source: "bad.csv") }
        #expect(error?.description.hasPrefix("bad.csv:2: Lasten \"twee\" is not a whole number") == true)
    }

    @Test("municipalities.csv: 342 current municipalities and the dissolved ones")
    func regionsFile() throws {
        let file = try MunicipalityRegionsFile(
            data: try RepositoryFixtures.snapshotFile("regions/municipalities.csv"),
            source: "municipalities.csv")
        #expect(file.rows.count == 469)
        #expect(file.rows.filter { $0.lastYear == 2026 }.count == 342)  // as SOURCES.md of the collection states
        let westervoort = try #require(file.rows.first { $0.code == "GM0293" })
        #expect(westervoort.corop == "Arnhem/Nijmegen")
        #expect(westervoort.labourMarketRegion == "Midden-Gelderland")
        #expect(file.rows.contains { $0.name == "Nuenen, Gerwen en Nederwetten" })
    }

    @Test("CBS Iv3 code lists: the 2025 layout has 6.711, the 2023 layout 6.71a")
    func definitions() throws {
        let y2023 = try Iv3DefinitionsFile(
            data: try RepositoryFixtures.snapshotFile("iv3-definitions/iv3_definities_Gemeente_2023.json"), source: "2023")
        let y2025 = try Iv3DefinitionsFile(
            data: try RepositoryFixtures.snapshotFile("iv3-definitions/iv3_definities_Gemeente_2025.json"), source: "2025")
        #expect(y2023.year == 2023)
        #expect(y2023.taakvelden.first { $0.code == "6.71a" }?.title == "Huishoudelijke hulp (WMO)")
        #expect(y2025.taakvelden.first { $0.code == "6.711" }?.title == "Huishoudelijke hulp (WMO)")
        #expect(y2025.taakvelden.first { $0.code == "6.71a" } == nil)
    }
}
