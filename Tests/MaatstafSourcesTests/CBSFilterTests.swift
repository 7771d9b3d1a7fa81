import Foundation
import MaatstafCore
import MaatstafFetch
import MaatstafSources
import MaatstafTestServer
import Testing

/// Filtered downloads against a SYNTHETIC table (generated codes and numbers in CBS's ODataFeed shape, not
/// statistics): 400 municipalities × 6 years, keys padded as CBS pads them. Like CBS, the server answers HTTP 400 to
/// a filter of 170 codes or more.
@Suite("Filtered CBS downloads: $filter, padded keys, long lists split")
struct CBSFilterTests {
    static let regions = (1...400).map { String(format: "GM%04d", $0) }
    static let years = Array(2018...2023)

    static func server(limit: Int = 170) throws -> TestHTTPServer {
        try TestHTTPServer { request in
            let path = request.path
            if path.hasSuffix("/TableInfos") {
                return TestResponse(text: #"{"value":[{"Identifier":"SYNTH04","Title":"Synthetic","RecordCount":2400}]}"#)
            }
            if path.hasSuffix("/DataProperties") {
                return TestResponse(
                    text:
                        #"{"value":[{"ID":0,"Type":"GeoDimension","Key":"RegioS","Title":"Regio's"},{"ID":1,"Type":"TimeDimension","Key":"Perioden","Title":"Perioden"},{"ID":2,"Type":"Topic","Key":"Aantal_1","Title":"Aantal","Unit":"aantal","Decimals":0},{"ID":3,"Type":"Topic","Key":"Bedrag_2","Title":"Bedrag","Unit":"euro","Decimals":1}]}"#
                )
            }
            if path.hasSuffix("/RegioS") {
                return TestResponse(
                    text: #"{"value":["#
                        + regions.map { #"{"Key":"\#($0)    ","Title":"Gemeente \#($0)"}"# }.joined(separator: ",") + "]}")
            }
            if path.hasSuffix("/Perioden") {
                return TestResponse(
                    text: #"{"value":["#
                        + years.map { #"{"Key":"\#($0)JJ00","Title":"\#($0)","Status":"Definitief"}"# }.joined(separator: ",")
                        + "]}")
            }
            let query = request.target.components(separatedBy: "?").last?.removingPercentEncoding ?? ""
            let filter = query.components(separatedBy: "$filter=").dropFirst().first?.components(separatedBy: "&").first ?? ""
            let equals = filter.components(separatedBy: " eq ").count - 1
            if equals >= limit { return TestResponse(status: 400, text: #"{"odata.error":{"message":"filter too long"}}"#) }
            // Only exact, padded keys match, as at CBS.
            let wantedRegions = regions.filter { filter.contains("RegioS eq '\($0)    '") }
            let wantedYears = years.filter { filter.contains("Perioden eq '\($0)JJ00'") }
            var rows: [String] = []
            for region in wantedRegions.isEmpty && !filter.contains("RegioS") ? regions : wantedRegions {
                for year in wantedYears.isEmpty && !filter.contains("Perioden") ? years : wantedYears {
                    let number = Int(region.dropFirst(2))! * 10 + year - 2018
                    var fields = [#""RegioS":"\#(region)    ""#, #""Perioden":"\#(year)JJ00""#]
                    if !query.contains("$select") || query.contains("Aantal_1") { fields.append(#""Aantal_1":\#(number)"#) }
                    if !query.contains("$select") || query.contains("Bedrag_2") {
                        fields.append(#""Bedrag_2":\#(Double(number) / 10)"#)
                    }
                    rows.append("{" + fields.joined(separator: ",") + "}")
                }
            }
            return TestResponse(text: #"{"value":["# + rows.joined(separator: ",") + "]}")
        }
    }

    func source(_ server: TestHTTPServer) -> CBSODataV3Source { CBSODataV3SourceTests().source(server) }

    @Test("300 regions and 2 years: split into requests CBS accepts, every row once, padded keys, topics selected")
    func longListsSplit() async throws {
        let server = try Self.server()
        let wanted = Array(Self.regions.prefix(300))
        let set = try await source(server).dataSet(
            "SYNTH04", filter: CBSFilter(regions: wanted, years: 2022...2023, topics: ["Aantal"]))
        #expect(set.rowCount == 600)
        #expect(Set(set.codes[0]) == Set(wanted))
        #expect(Set(set.codes[1]) == ["2022JJ00", "2023JJ00"])
        #expect(set.topics.map(\.key) == ["Aantal_1"])
        #expect(
            set.value("Aantal_1", row: 0)
                == .number(
                    Double(
                        Int(set.code("RegioS", row: 0)!.dropFirst(2))! * 10 + Int(set.code("Perioden", row: 0)!.prefix(4))! - 2018
                    )))
        let data = server.requests.filter { $0.path.hasSuffix("/TypedDataSet") }
        #expect(data.count == 3, "300 regions + 2 years in requests of at most 150 codes")
        #expect(
            data.allSatisfy {
                ($0.target.removingPercentEncoding ?? "").components(separatedBy: " eq ").count - 1 <= CBSFilter.codesPerRequest
            })
        #expect(data.allSatisfy { $0.target.contains("$select=RegioS,Perioden,Aantal_1") })
    }

    @Test(
        "chunks cover every combination exactly once and stay under the limit",
        arguments: [(0, 5), (10, 0), (149, 1), (300, 2), (10, 300), (400, 400)])
    func chunks(_ regionCount: Int, _ periodCount: Int) {
        let regions = (0..<regionCount).map { "R\($0)" }
        let periods = (0..<periodCount).map { "P\($0)" }
        let chunks = CBSFilter.chunks(regions, periods)
        #expect(chunks.allSatisfy { $0.regions.count + $0.periods.count <= CBSFilter.codesPerRequest })
        var pairs: [String] = []
        for chunk in chunks {
            for region in chunk.regions.isEmpty ? [""] : chunk.regions {
                for period in chunk.periods.isEmpty ? [""] : chunk.periods { pairs.append(region + "|" + period) }
            }
        }
        #expect(pairs.count == max(regionCount, 1) * max(periodCount, 1))
        #expect(Set(pairs).count == pairs.count)
    }

    @Test("an unknown region, topic or span of years is named before anything is downloaded")
    func unknownCodes() async throws {
        let server = try Self.server()
        let region = await #expect(throws: SourceError.self) {
            try await source(server).dataSet("SYNTH04", filter: CBSFilter(regions: ["GM9999"]))
        }
        #expect(region?.reason.en == "has no region GM9999")
        let topic = await #expect(throws: SourceError.self) {
            try await source(server).dataSet("SYNTH04", filter: CBSFilter(topics: ["Inwoners"]))
        }
        #expect(topic?.hint.description.contains("Aantal, Bedrag") == true)
        let years = await #expect(throws: SourceError.self) {
            try await source(server).dataSet("SYNTH04", filter: CBSFilter(years: 1990...1995))
        }
        #expect(years?.hint.english == "The table covers 2018–2023")
        #expect(!server.requests.contains { $0.path.hasSuffix("/TypedDataSet") })
    }

    @Test("a server that refuses a filter (HTTP 400) is an error naming the URL, not an empty table")
    func refusedFilter() async throws {
        let server = try Self.server(limit: 20)
        let error = await #expect(throws: FetchError.self) {
            try await source(server).dataSet("SYNTH04", filter: CBSFilter(regions: Array(Self.regions.prefix(40))))
        }
        #expect(error?.description.contains("400") == true)
        #expect(error?.description.contains("SYNTH04/TypedDataSet") == true)
    }

    @Test("--period text: a year, a span, CBS period codes")
    func yearParsing() {
        #expect(CBSFilter.years(parsing: "2019..2023") == 2019...2023)
        #expect(CBSFilter.years(parsing: "2023") == 2023...2023)
        #expect(CBSFilter.years(parsing: "2019JJ00..2023JJ00") == 2019...2023)
        #expect(CBSFilter.years(parsing: "2023..2019") == nil)
        #expect(CBSFilter.years(parsing: "recent") == nil)
    }
}
