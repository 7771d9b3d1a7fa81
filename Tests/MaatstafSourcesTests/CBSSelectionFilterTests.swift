import Foundation
import MaatstafCore
import MaatstafFetch
import MaatstafSources
import MaatstafTestServer
import Testing

/// `--where`: codes of other dimensions, by key or title, checked against the real code list of 80137ned
/// (Arbeidsrekeningen; Persoonskenmerken, Bron: CBS) and sent as CBS's padded keys. The server replays the real
/// TypedDataSet and applies the `$filter` as CBS does: exact, padded keys only.
@Suite("Filtered CBS downloads: codes of other dimensions")
struct CBSSelectionFilterTests {
    static let fixtures = CBSODataV3SourceTests.fixtures

    static func rows() throws -> [[String: Any]] {
        let object =
            try JSONSerialization.jsonObject(with: CBSODataV3SourceTests.fixture("80137ned_TypedDataSet.json")) as! [String: Any]
        return object["value"] as! [[String: Any]]
    }

    static func filteringServer() throws -> TestHTTPServer {
        try TestHTTPServer { request in
            let entity = request.path.split(separator: "/").last.map(String.init) ?? ""
            let query = request.target.components(separatedBy: "?").dropFirst().first?.removingPercentEncoding ?? ""
            if entity == "TypedDataSet",
                let filter = query.components(separatedBy: "$filter=").dropFirst().first?.components(separatedBy: "&").first
            {
                let wanted = ODataFilterClauses.parse(filter)
                let kept = try! rows().filter { ODataFilterClauses.keep($0, wanted) }
                let body = try! JSONSerialization.data(withJSONObject: [
                    "odata.metadata": "replayed with $filter applied", "value": kept,
                ])
                return TestResponse(body: body)
            }
            let name = "80137ned_\(entity).json"
            guard FileManager.default.fileExists(atPath: fixtures.appendingPathComponent(name).path) else {
                return TestResponse(status: 404, text: "not recorded")
            }
            return TestResponse(body: CBSODataV3SourceTests.fixture(name))
        }
    }

    func source(_ server: TestHTTPServer) -> CBSODataV3Source { CBSODataV3SourceTests().source(server) }

    @Test("a key and a title pick codes; the request carries CBS's padded keys; the rows are exactly the picked ones")
    func keysAndTitles() async throws {
        let server = try Self.filteringServer()
        let filter = CBSFilter(years: 2003...2004, selections: [.init(dimension: "Persoonskenmerken", codes: ["2", "vrouwen"])])
        let set = try await source(server).dataSet("80137ned", filter: filter)
        // Independently from the fixture: men ('2 ') and women ('3 ') in 2003 and 2004, every industry.
        let expected = try Self.rows().filter {
            ["2 ", "3 "].contains($0["Persoonskenmerken"] as! String)
                && ["2003JJ00", "2004JJ00"].contains($0["Perioden"] as! String)
        }
        #expect(set.rowCount == expected.count)
        #expect(expected.count == 2 * 2 * 15)
        #expect(Set(set.codes[0]) == ["2", "3"])
        let total = expected.reduce(0.0) { $0 + (($1["Totaal_1"] as? NSNumber)?.doubleValue ?? 0) }
        let stored = (0..<set.rowCount).reduce(0.0) { $0 + (set.value("Totaal_1", row: $1)?.number ?? 0) }
        #expect(stored == total)
        let request = try #require(server.requests.first { $0.path.hasSuffix("/TypedDataSet") })
        let filterText = request.target.removingPercentEncoding ?? ""
        #expect(filterText.contains("(Persoonskenmerken eq '2 ' or Persoonskenmerken eq '3 ')"))
        #expect(filterText.contains("(Perioden eq '2003JJ00' or Perioden eq '2004JJ00')"))
        #expect(set.codeLists["Persoonskenmerken"]?.count == 9)
    }

    @Test(
        "an unknown code, a region or period dimension, an unknown dimension, a dimension without a code list: errors before any data is asked"
    )
    func refused() async throws {
        let server = try Self.filteringServer()
        let unknown = await #expect(throws: SourceError.self) {
            try await source(server).dataSet(
                "80137ned",
                filter: CBSFilter(selections: [
                    .init(dimension: "Persoonskenmerken", codes: ["Mannen", "Leeftijd: 65 jaar of ouder"])
                ]))
        }
        #expect(unknown?.reason.en == "has no code or title \"Leeftijd: 65 jaar of ouder\"")
        #expect(unknown?.hint.description.contains("4 (Leeftijd: jonger dan 35 jaar)") == true)
        let period = await #expect(throws: SourceError.self) {
            try await source(server).dataSet(
                "80137ned", filter: CBSFilter(selections: [.init(dimension: "Perioden", codes: ["2003JJ00"])]))
        }
        #expect(period?.reason.en == "Perioden is its region or period dimension, which a selection of codes cannot pick")
        #expect(period?.hint.english == "Pick regions with \(option: .region) and periods with \(option: .period)")
        let dimension = await #expect(throws: SourceError.self) {
            try await source(server).dataSet(
                "80137ned", filter: CBSFilter(selections: [.init(dimension: "Geslacht", codes: ["T001038"])]))
        }
        #expect(dimension?.reason.en == "has no dimension Geslacht to pick codes of")
        #expect(
            dimension?.hint.english
                == "Dimensions \(option: .selection(dimension: nil)) can pick: Persoonskenmerken, BedrijfstakkenSBI93"
        )
        // The fixture set has no BedrijfstakkenSBI93 code list (the server answers 404), so its codes cannot be checked.
        let noList = await #expect(throws: SourceError.self) {
            try await source(server).dataSet(
                "80137ned", filter: CBSFilter(selections: [.init(dimension: "BedrijfstakkenSBI93", codes: ["99"])]))
        }
        #expect(noList?.reason.en == "CBS serves no code list for it, so the codes picked cannot be checked")
        #expect(noList?.hint.english == "Fetch without \(option: .selection(dimension: "BedrijfstakkenSBI93"))")
        #expect(!server.requests.contains { $0.path.hasSuffix("/TypedDataSet") })
    }

    @Test("matching a code: key first, then title without regard to case or accents; a repeated title is ambiguous")
    func matching() throws {
        let object =
            try JSONSerialization.jsonObject(with: CBSODataV3SourceTests.fixture("80137ned_Persoonskenmerken.json"))
            as! [String: Any]
        let list = (object["value"] as! [[String: Any]]).map {
            CBSDimensionCode(
                key: ($0["Key"] as! String).trimmingCharacters(in: .whitespaces), title: $0["Title"] as! String,
                status: nil, filterKey: $0["Key"] as? String)
        }
        #expect(CBSDimensionCode.match(" 9 ", in: list) == .found(list[8]))
        #expect(CBSDimensionCode.match("HOOGST BEHAALDE OPLEIDINGSNIV:HOOG", in: list) == .found(list[8]))
        #expect(CBSDimensionCode.match("Mannen", in: list) == .found(list[1]))
        guard case .unknown(let near) = CBSDimensionCode.match("Leeftijd: 65+", in: list) else {
            Issue.record("not unknown")
            return
        }
        #expect(near.map(\.key) == ["4", "5", "6"])
        // Synthetic list (not CBS's): StatLine repeats titles such as "Totaal" under different groups.
        let repeated = [
            CBSDimensionCode(key: "T001", title: "Totaal", status: nil),
            CBSDimensionCode(key: "T002", title: "Totaal", status: nil),
            CBSDimensionCode(key: "A1", title: "Één persoon", status: nil),
        ]
        #expect(CBSDimensionCode.match("totaal", in: repeated) == .ambiguous(Array(repeated.prefix(2))))
        #expect(CBSDimensionCode.match("een persoon", in: repeated) == .found(repeated[2]))
        #expect(
            CBSFilter.Selection(parsing: "Leeftijd = 10010, 10100")
                == CBSFilter.Selection(dimension: "Leeftijd", codes: ["10010", "10100"]))
        #expect(CBSFilter.Selection(parsing: "Leeftijd") == nil)
        #expect(CBSFilter.Selection(parsing: "=T001038") == nil)
        #expect(CBSFilter.Selection(parsing: "Geslacht=") == nil)
    }
}
