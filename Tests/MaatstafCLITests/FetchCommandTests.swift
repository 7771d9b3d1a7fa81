import Foundation
import MaatstafCore
import MaatstafStore
import MaatstafTestServer
import Testing

/// `maatstaf fetch` through the binary, libcurl and a local server replaying real CBS responses (Bron: CBS).
@Suite("maatstaf fetch, end to end")
struct FetchCommandTests {
    static let fixtures = RepositoryFixtures.root.appendingPathComponent("Tests/MaatstafSourcesTests/Fixtures/cbs-odata-v3")

    /// Replays 80137ned; `failData` makes the data set answer 500 (to test that a failed fetch keeps the old copy).
    final class Replay: @unchecked Sendable {
        private let lock = NSLock()
        private var failing = false
        var failData: Bool {
            get { lock.withLock { failing } }
            set { lock.withLock { failing = newValue } }
        }

        func handle(_ request: TestRequest) -> TestResponse {
            let entity = request.path.split(separator: "/").last.map(String.init) ?? ""
            if entity == "TypedDataSet" && failData { return TestResponse(status: 500, text: "down") }
            let file = FetchCommandTests.fixtures.appendingPathComponent("80137ned_\(entity).json")
            guard request.path.contains("/80137ned/"), let data = try? Data(contentsOf: file) else {
                return TestResponse(status: 404, text: "no such table")
            }
            return TestResponse(headers: [("ETag", "\"\(entity)-1\"")], body: data)
        }
    }

    @Test("fetch stores a real table; offline it comes from the cache; a failed refetch keeps the stored copy")
    func fetchAndKeep() async throws {
        let replay = Replay()
        let server = try TestHTTPServer { replay.handle($0) }
        let cache = URL(fileURLWithPath: CLIRunner.freshLoadedCache())
        var runner = CLIRunner.binary  // end to end: the binary, libcurl and a local server
        runner.environment["MAATSTAF_CBS_BASE"] = server.baseURL
        let first = try await runner.run(["fetch", "80137ned", "--cache-dir", cache.path])
        #expect(first.status == 0, "\(first.stderr)")
        let raw =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.fixtures.appendingPathComponent("80137ned_TypedDataSet.json"))) as! [String: Any]
        let rows = (raw["value"] as! [[String: Any]]).count
        #expect(
            first.stdout
                == "80137ned: Arbeidsrekeningen; leeftijd en opleidingsniveau — \(rows) rows, 12 topics, \(rows * 12) cells. Bron: CBS (CC BY 4.0).\n"
        )

        let store = try Store(path: cache.appendingPathComponent("maatstaf.sqlite").path)
        #expect(try store.cbsTables().map(\.id) == ["80137ned"])
        #expect(try store.cbsObservationCounts(table: "80137ned")["ok"] == rows * 12)

        let offline = try await runner.run(["fetch", "80137ned", "--offline", "--cache-dir", cache.path])
        #expect(offline.status == 0, "\(offline.stderr)")
        #expect(offline.stdout == first.stdout)

        replay.failData = true
        let failed = try await runner.run(["fetch", "80137ned", "--refresh", "--cache-dir", cache.path])
        #expect(failed.status == 69)
        #expect(failed.stderr.contains("TypedDataSet"))
        #expect(try store.cbsObservationCounts(table: "80137ned")["ok"] == rows * 12)
    }

    @Test("describe and export a fetched table")
    func describeAndExport() async throws {
        let server = try TestHTTPServer { Replay().handle($0) }
        let cache = CLIRunner.freshLoadedCache()
        var runner = CLIRunner()
        runner.environment["MAATSTAF_CBS_BASE"] = server.baseURL
        #expect(try await runner.run(["fetch", "80137ned", "--cache-dir", cache]).status == 0)

        let describe = try await runner.run(["describe", "80137ned", "--cache-dir", cache])
        #expect(describe.status == 0, "\(describe.stderr)")
        let lines = describe.stdout.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        #expect(lines.contains("Totaal_1 Totaal Topic Totaal 1 000 banen"))
        // Dimensions with their code counts: 5 periods (all in CBS's list), 9 person groups of which the rows use
        // fewer or all; BedrijfstakkenSBI93's list was not recorded, so only the count in the rows is known.
        #expect(lines.contains("Perioden Perioden TimeDimension Perioden 5"))
        let personLine = try #require(lines.first { $0.hasPrefix("Persoonskenmerken ") })
        #expect(personLine.hasSuffix(" 9") || personLine.hasSuffix(" of 9"))

        let raw =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.fixtures.appendingPathComponent("80137ned_TypedDataSet.json"))) as! [String: Any]
        let rawRows = raw["value"] as! [[String: Any]]
        let first = rawRows[0]
        let persons = (first["Persoonskenmerken"] as! String).trimmingCharacters(in: .whitespaces)
        let sector = (first["BedrijfstakkenSBI93"] as! String).trimmingCharacters(in: .whitespaces)

        // CBS's TypedDataSet layout: one row per combination of codes, one column per topic, a status column.
        let rows = try await runner.run(["export", "80137ned", "--locale", "nl", "--cache-dir", cache])
        #expect(rows.status == 0, "\(rows.stderr)")
        // The Dutch CSV starts with a byte-order mark, for Excel.
        #expect(rows.stdout.hasPrefix("\u{FEFF}"))
        let csv = rows.stdout.dropFirst().split(separator: "\r\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(csv.count == rawRows.count + 1)
        let header = csv[0].split(separator: ";").map(String.init)
        #expect(header.prefix(4) == ["Persoonskenmerken", "BedrijfstakkenSBI93", "Perioden", "Totaal_1"])
        #expect(header.last == "status")
        let firstRow = csv[1].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        #expect(firstRow.prefix(4) == [persons, sector, first["Perioden"] as! String, String(Int(first["Totaal_1"] as! Double))])
        // PerArbeidsjaar_11 has 1 decimal (DataProperties), written with a decimal comma.
        let column = header.firstIndex(of: "PerArbeidsjaar_11")!
        #expect(
            firstRow[column]
                == String(format: "%.1f", first["PerArbeidsjaar_11"] as! Double).replacingOccurrences(of: ".", with: ","))
        // Cells without a value are empty and named in the status column, never 0.
        let nulls = rawRows.filter { row in row.contains { $0.value is NSNull } }.count
        #expect(csv.dropFirst().filter { !$0.hasSuffix(";") }.count == nulls)

        let cells = try await runner.run(["export", "80137ned", "--layout", "cells", "--cache-dir", cache])
        let cellLines = cells.stdout.split(separator: "\r\n")
        #expect(cellLines.count == rawRows.count * 12 + 1)
        #expect(cellLines[0] == "region,period,other,topic,value,status")
        #expect(
            cellLines[1]
                == ",\(first["Perioden"] as! String),Persoonskenmerken=\(persons)|BedrijfstakkenSBI93=\(sector),Totaal_1,\(Int(first["Totaal_1"] as! Double)),ok"
        )

        let json = try await runner.run(["export", "80137ned", "--format", "json", "--cache-dir", cache])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let values = object["value"] as! [[String: Any]]
        #expect(values.count == rawRows.count)
        #expect(values[0]["Persoonskenmerken"] as? String == persons)
        #expect(values[0]["Totaal_1"] as? Double == first["Totaal_1"] as? Double)
        #expect(object["source"] as? String == "Bron: CBS (CC BY 4.0)")
        for (exported, original) in zip(values, rawRows) {
            for (key, value) in original where value is NSNull {
                #expect(exported[key] is NSNull)
                #expect((exported["status"] as? [String: String])?[key] == "unknown")
            }
        }

        let missing = try await runner.run(["describe", "80137NED", "--cache-dir", cache])
        #expect(missing.status == 70)  // not fetched yet, as the README documents
        #expect(missing.stderr.contains("stored: 80137ned"))
    }

    @Test("--odata v4: a real v4 table folded into rows and stored")
    func odataV4() async throws {
        let v4 = RepositoryFixtures.root.appendingPathComponent("Tests/MaatstafSourcesTests/Fixtures/cbs-odata-v4")
        let server = try TestHTTPServer { request in
            var entity = request.path.split(separator: "/").last.map(String.init) ?? ""
            if entity == "Observations" { entity = "Observations_all" }
            guard let data = try? Data(contentsOf: v4.appendingPathComponent("80072ned_\(entity).json")) else {
                return TestResponse(status: 404, text: "not recorded")
            }
            return TestResponse(body: data)
        }
        let cache = CLIRunner.freshLoadedCache()
        let result = try await CLIRunner().run([
            "fetch", "--odata", "v4", "--cbs-base", server.baseURL + "/CBS", "80072ned",
            "--cache-dir", cache,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("80072ned: Ziekteverzuimpercentage; bedrijfstakken (SBI 2008) en bedrij"))
        #expect(result.stdout.contains("4409 rows, 1 topics, 4409 cells"))
        let describe = try await CLIRunner().run(["describe", "80072ned", "--cache-dir", cache])
        #expect(describe.stdout.contains("M001924"))
    }

    @Test("an unknown table: exit 69, the URL and a hint about case-sensitive ids")
    func unknownTable() async throws {
        let server = try TestHTTPServer { Replay().handle($0) }
        var runner = CLIRunner()
        runner.environment["MAATSTAF_CBS_BASE"] = server.baseURL
        let result = try await runner.run(["fetch", "80137NED", "--cache-dir", CLIRunner.freshLoadedCache()])
        #expect(result.status == 69)
        #expect(result.stderr.contains("/ODataFeed/odata/80137NED/TableInfos"))
        #expect(result.stderr.contains("case-sensitive"))
    }

    @Test(
        "filter options: a period that is not a year, a --where without codes, and filters on a v4 fetch, are refused before any download"
    )
    func filterValidation() async throws {
        let period = try await CLIRunner().run(["fetch", "80137ned", "--period", "recent", "--offline"])
        #expect(period.status == 64)
        #expect(period.stderr.contains("write a year (2023) or a span of years (2019..2023)"))
        let v4 = try await CLIRunner().run(["fetch", "80072ned", "--odata", "v4", "--region", "GM0293", "--offline"])
        #expect(v4.status == 64)
        #expect(v4.stderr.contains("work with OData v3"))
        let selection = try await CLIRunner().run(["fetch", "03759ned", "--where", "Leeftijd", "--offline"])
        #expect(selection.status == 64)
        #expect(selection.stderr.contains("--where Leeftijd: write DIMENSION=CODE[,CODE…], e.g. --where Geslacht=T001038."))
    }
}
