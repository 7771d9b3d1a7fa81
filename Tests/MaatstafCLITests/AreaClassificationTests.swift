import Foundation
import MaatstafStore
import MaatstafTestServer
import Testing

/// A year's own memberships from a fetched "Gebieden in Nederland" table. The served table (86059NED, 2025) is
/// BUILT FROM REAL FILES in the shape public code describes (Code_N/Naam_N+1 text pairs, Inwonertal): provinces and
/// populations from the 2025 class file, COROP and labour-market regions from the municipality list — with ONE
/// membership changed on purpose (Westervoort placed in COROP Achterhoek), so the test can see the year's table
/// is the one used.
@Suite("Memberships per year from CBS Gebieden in Nederland")
struct AreaClassificationTests {
    static func padded(_ code: String, _ width: Int) -> String {
        code.padding(toLength: max(width, code.count), withPad: " ", startingAt: 0)
    }

    static func table() throws -> ODataReplayTable {
        // municipalities.csv quotes one name ("Nuenen, Gerwen en Nederwetten"): split the quoted field off first.
        let text = String(decoding: try RepositoryFixtures.snapshotFile("regions/municipalities.csv"), as: UTF8.self)
        let list = text.split(separator: "\n").dropFirst().map { line -> [String] in
            guard line.hasPrefix("\""), let end = line.dropFirst().firstIndex(of: "\"") else {
                return line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
            let name = String(line[line.index(after: line.startIndex)..<end])
            return [name]
                + line[line.index(end, offsetBy: 2)...].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }.filter { $0[2] == "2026" }
        let mapping = Dictionary(list.map { ($0[1], $0) }, uniquingKeysWith: { a, _ in a })
        let codes = Iv3TableServer.codes
        var rows: [[String: Any]] = []
        for fields in try RepositoryFixtures.simpleRows("classes/gemeenteklassen_2025.tsv", separator: "\t").dropFirst() {
            let code = codes[fields[0]]!
            let m = mapping[code]!
            let corop = code == "GM0293" ? ("CR14", "Achterhoek") : (m[3], m[4])  // the one change, on purpose
            rows.append([
                "RegioS": padded(code, 10), "Code_1": padded(code, 10), "Naam_2": m[0],
                "Code_3": padded(m[7], 10), "Naam_4": fields[1], "Code_5": padded(corop.0, 10), "Naam_6": corop.1,
                "Code_7": padded(m[5], 10), "Naam_8": m[6], "Inwonertal_9": Int(fields[4])!,
            ])
        }
        let topics = [
            ("Code_1", "Gemeente code"), ("Naam_2", "Gemeentenaam"), ("Code_3", "Provincie code"),
            ("Naam_4", "Provincienaam"), ("Code_5", "COROP-gebied code"), ("Naam_6", "COROP-gebied naam"),
            ("Code_7", "Arbeidsmarktregio code"), ("Naam_8", "Arbeidsmarktregio naam"),
        ]
        let properties =
            #"[{"ID":0,"Type":"GeoDimension","Key":"RegioS","Title":"Regio's"},"#
            + topics.enumerated().map { index, topic in
                #"{"ID":\#(index + 1),"Type":"Topic","Key":"\#(topic.0)","Title":"\#(topic.1)","Datatype":"String"}"#
            }.joined(separator: ",")
            + #",{"ID":9,"Type":"Topic","Key":"Inwonertal_9","Title":"Inwonertal","Unit":"aantal","Decimals":0}]"#
        return ODataReplayTable(
            title: "Gebieden in Nederland 2025 (built from the real class file and municipality list)",
            properties: properties,
            lists: ["RegioS": rows.map { ($0["RegioS"] as! String, $0["Naam_2"] as! String) }], rows: rows)
    }

    func run(_ arguments: [String], runner: CLIRunner) async throws -> [String: Any] {
        let result = try await runner.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func corop(_ object: [String: Any]) -> String? {
        let references = (object["municipalities"] as? [[String: Any]])?.first?["references"] as? [[String: Any]]
        return references?.first { $0["kind"] as? String == "corop" }?["name"] as? String
    }

    @Test("fetched for a year with a class file: that year's COROP regions are used, other years keep the list's")
    func regionsOfTheYear() async throws {
        let server = try ODataReplayTable.serve { ["86059NED": try! Self.table()] }
        var runner = CLIRunner()
        runner.environment["MAATSTAF_CBS_BASE"] = server.baseURL
        let cache = CLIRunner.freshLoadedCache()
        let fetch = try await runner.run(["fetch", "86059NED", "--cache-dir", cache])
        #expect(fetch.status == 0, "\(fetch.stderr)")
        let compare = [
            "compare", "--indicator", "wmo.huishoudelijke-hulp", "--against", "corop", "--format", "json",
            "--cache-dir", cache, "Westervoort",
        ]
        let in2025 = try await run(compare + ["--year", "2025"], runner: runner)
        let in2023 = try await run(compare + ["--year", "2023"], runner: runner)
        #expect(Self.corop(in2025) == "Achterhoek")
        #expect(Self.corop(in2023) == "Arnhem/Nijmegen")
        #expect(
            (in2025["notes"] as? [String] ?? []).contains(
                "The COROP and labour-market regions of 2025 are from CBS table 86059NED (Gebieden in Nederland)."))
        // The Achterhoek of 2025: its municipalities in the list, and Westervoort.
        let listed = String(decoding: try RepositoryFixtures.snapshotFile("regions/municipalities.csv"), as: UTF8.self)
            .split(separator: "\n").filter { $0.contains(",2026,CR14,") }.count
        let references = try #require(
            (in2025["municipalities"] as? [[String: Any]])?.first?["references"] as? [[String: Any]])
        // The Netherlands comes first in every comparison; the COROP region is the one asked for.
        #expect(references.first?["kind"] as? String == "national")
        #expect(references.first { $0["kind"] as? String == "corop" }?["members"] as? Int == listed + 1)
    }

    @Test("fetched for a year without class files: it supplies the population, provinces and regions; no 03759ned needed")
    func yearWithoutClassFiles() async throws {
        let server = try ODataReplayTable.serve { ["86059NED": try! Self.table()] }
        var runner = CLIRunner()
        runner.environment["MAATSTAF_CBS_BASE"] = server.baseURL
        runner.environment["MAATSTAF_SNAPSHOT_DIR"] = PopulationYearTests.snapshotWithout2025Classes.path
        let cache = try PopulationYearTests.cacheWithout2025Classes()
        #expect(try await runner.run(["fetch", "86059NED", "--cache-dir", cache]).status == 0)
        let object = try await run(
            [
                "compare", "--indicator", "wmo.huishoudelijke-hulp", "--year", "2025", "--against", "national,corop",
                "--format", "json", "--cache-dir", cache, "Westervoort",
            ], runner: runner)
        let raw = try RawIv3("iv3/2025_begroting.csv")
        let entry = try #require((object["municipalities"] as? [[String: Any]])?.first)
        #expect(sameCent(entry["value"] as? Double, raw.rate("Westervoort", ["6.711"])))
        #expect(Self.corop(object) == "Achterhoek")
        #expect(
            (object["notes"] as? [String] ?? []).contains {
                $0.hasPrefix(
                    "The population on 1 January 2025 is from CBS table 86059NED; size classes follow from it. Provinces, COROP and labour-market regions of 2025 are from CBS table 86059NED"
                )
            })
    }
}
