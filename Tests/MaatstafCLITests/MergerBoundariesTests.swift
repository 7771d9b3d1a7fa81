import Foundation
import MaatstafCore
import MaatstafStore
import MaatstafTestServer
import Testing

/// A series on one year's municipal boundaries (`trend --boundaries`), from CBS's record of mergers fetched with
/// `fetch mergers`.
///
/// The mergers served are the REAL ones of 2021–2023 (Appingedam, Delfzijl and Loppersum into Eemsdelta and Haaren
/// divided among Boxtel, Oisterwijk, Tilburg and Vught on 1 January 2021; …), written in the wording public code quotes
/// from CBS table 70739ned; the inhabitants in those descriptions, the 2019 Iv3 amounts (over CBS's real 2019 code list) and the 2019
/// populations are SYNTHETIC. Expected values are computed here from what is served.
@Suite("A series on one year's boundaries")
struct MergerBoundariesTests {
    static let served = ["Appingedam", "Delfzijl", "Loppersum", "Haaren", "Vught", "Boxtel", "Oisterwijk", "Tilburg"]

    /// The dissolutions between 2019 and 2023, as CBS records them: (name, code, day, recipients (name, code)).
    static let dissolutions: [(String, String, String, [(String, String)])] = [
        ("Appingedam", "GM0003", "01-01-2021", [("Eemsdelta", "GM1979")]),
        ("Delfzijl", "GM0010", "01-01-2021", [("Eemsdelta", "GM1979")]),
        ("Loppersum", "GM0024", "01-01-2021", [("Eemsdelta", "GM1979")]),
        (
            "Haaren", "GM0788", "01-01-2021",
            [("Boxtel", "GM0757"), ("Oisterwijk", "GM0824"), ("Tilburg", "GM0855"), ("Vught", "GM0865")]
        ),
        ("Beemster", "GM0370", "01-01-2022", [("Purmerend", "GM0439")]),
        ("Heerhugowaard", "GM0398", "01-01-2022", [("Dijk en Waard", "GM1980")]),
        ("Langedijk", "GM0416", "01-01-2022", [("Dijk en Waard", "GM1980")]),
        ("Boxmeer", "GM0756", "01-01-2022", [("Land van Cuijk", "GM1982")]),
        ("Cuijk", "GM1684", "01-01-2022", [("Land van Cuijk", "GM1982")]),
        ("Grave", "GM0786", "01-01-2022", [("Land van Cuijk", "GM1982")]),
        ("Mill en Sint Hubert", "GM0815", "01-01-2022", [("Land van Cuijk", "GM1982")]),
        ("Sint Anthonis", "GM1702", "01-01-2022", [("Land van Cuijk", "GM1982")]),
        ("Landerd", "GM1685", "01-01-2022", [("Maashorst", "GM1991")]),
        ("Uden", "GM0856", "01-01-2022", [("Maashorst", "GM1991")]),
        ("Weesp", "GM0457", "24-03-2022", [("Amsterdam", "GM0363")]),
        ("Brielle", "GM0501", "01-01-2023", [("Voorne aan Zee", "GM1992")]),
        ("Hellevoetsluis", "GM0530", "01-01-2023", [("Voorne aan Zee", "GM1992")]),
        ("Westvoorne", "GM0614", "01-01-2023", [("Voorne aan Zee", "GM1992")]),
    ]

    /// The municipalities formed in those years.
    static let formations = [
        ("Eemsdelta", "GM1979", "01-01-2021"), ("Dijk en Waard", "GM1980", "01-01-2022"),
        ("Land van Cuijk", "GM1982", "01-01-2022"), ("Maashorst", "GM1991", "01-01-2022"),
        ("Voorne aan Zee", "GM1992", "01-01-2023"),
    ]

    static let regionList: Data = {
        var rows: [[String: Any]] = dissolutions.enumerated().map { number, change in
            let (name, code, day, recipients) = change
            let entries = recipients.enumerated().map { k, recipient in
                "- \(recipient.0) (\(recipient.1)), ... 100 hectare met 50 woningen en \(1_000 + 100 * number + k) inwoners"
            }
            return [
                "Key": code + "    ", "Title": name,
                "Description": "Opgeheven per \(day), overgegaan naar:\r\n" + entries.joined(separator: "\r\n")
                    + "\r\nBegindatum voor 1830",
            ]
        }
        rows += formations.map { name, code, day in
            ["Key": code + "    ", "Title": name, "Description": "Ontstaan per \(day), ontvangen van: - …"]
        }
        rows.append(["Key": "GM0865    ", "Title": "Vught", "Description": NSNull()])
        rows.append(["Key": "NL01      ", "Title": "Nederland", "Description": NSNull()])
        return try! JSONSerialization.data(withJSONObject: ["value": rows])
    }()

    static func mergersServer() throws -> TestHTTPServer {
        let body = regionList
        return try TestHTTPServer { request in
            request.path.hasSuffix("/70739ned/RegioS")
                ? TestResponse(body: body) : TestResponse(status: 404, text: "not recorded")
        }
    }

    @Test("Eemsdelta from 2019 on 2025 boundaries sums its predecessors and says so; a divided Haaren leaves Vught without")
    func eemsdelta() async throws {
        let taakvelden = try FirstLayoutYearTests.chapterSix2019()
        var rows: [[String]] = []
        for (m, name) in Self.served.enumerated() {
            for (k, taakveld) in taakvelden.enumerated() {
                let lasten = FirstLayoutYearTests.lasten(m, k)
                rows.append([name, "\(taakveld.0) \(taakveld.1)", "", String(lasten / 10), String(lasten)])
            }
        }
        let iv3 = try Iv3TableServer(id: "45999NED", documents: [.init(csv: "", code: "2019X005", rows: rows)])
            .start(catalog: [("45999NED", "Iv3 gemeenten; begroting en rekening 2019 (synthetic listing)", "2019")])
        let cache = CLIRunner.freshLoadedCache()
        var runner = CLIRunner()
        runner.environment["MAATSTAF_CBS_BASE"] = iv3.baseURL
        let fetched = try await runner.run(["fetch", "iv3", "2019", "--cache-dir", cache])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        let store = try Store(path: cache + "/maatstaf.sqlite")
        // Municipalities of 2019: not dissolved before, and not formed after (CBS numbers new ones upwards; Eemsdelta,
        // GM1979, is the first formed after 2019). Without the record of mergers maatstaf cannot tell those apart
        // from municipalities missing from the table, and says what to fetch.
        let existing = try store.municipalities().filter { $0.lastYear >= 2019 && $0.code < "GM1979" }.map(\.code)
        let population = Dictionary(uniqueKeysWithValues: existing.enumerated().map { ($0.element, 10_000 + 13 * $0.offset) })
        try await fetchPopulation(year: 2019, population, title: "synthetic 2019 populations", &runner, cache: cache)

        // Without the record: the option says what to fetch, and so does the 2019 population that lacks the
        // municipalities formed later.
        let trend = ["trend", "--indicator", "wmo.maatwerk", "--locale", "en", "--cache-dir", cache]
        let before = try await runner.run(trend + ["--boundaries", "2025", "Eemsdelta"])
        #expect(before.status != 0)
        #expect(before.stderr.contains("`maatstaf fetch mergers`"), "\(before.stderr)")
        let unsure = try await runner.run(trend + ["Eemsdelta"])
        #expect(
            unsure.stderr.contains(
                "has 18 municipalities dissolved since (Appingedam, Delfzijl, Loppersum, Beemster, Heerhugowaard, …) that maatstaf has no classes for"
            ) && unsure.stderr.contains("`maatstaf fetch mergers`"), "\(unsure.stderr)")

        let mergers = try Self.mergersServer()
        runner.environment["MAATSTAF_CBS_BASE"] = mergers.baseURL
        let record = try await runner.run(["fetch", "mergers", "--cache-dir", cache, "--locale", "en"])
        #expect(record.status == 0, "\(record.stderr)")
        #expect(
            record.stdout.contains("18 dissolved municipalities, 0 changes of name, the latest on 1 January 2023"),
            "\(record.stdout)")

        let json = try await runner.run(trend + ["--boundaries", "2025", "--format", "json", "Eemsdelta", "Vught"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["boundaries"] as? Int == 2025)
        let points = try #require(object["points"] as? [[String: Any]])
        let first = try #require(points.first { $0["year"] as? Int == 2019 })
        let entries = try #require(first["municipalities"] as? [[String: Any]])
        let eemsdelta = try #require(entries.first { $0["name"] as? String == "Eemsdelta" })
        let line = try #require(taakvelden.firstIndex { $0.0 == "6.71" })
        let parts = ["Appingedam", "Delfzijl", "Loppersum"]
        let spent = try parts.reduce(0.0) {
            $0 + Double(FirstLayoutYearTests.lasten(try #require(Self.served.firstIndex(of: $1)), line)) * 1000
        }
        let people = parts.reduce(0.0) { $0 + Double(population[Iv3TableServer.codes[$1]!]!) }
        #expect(sameCent(eemsdelta["value"] as? Double, spent / people), "\(eemsdelta)")
        let vught = try #require(entries.first { $0["name"] as? String == "Vught" })
        #expect(vught["value"] is NSNull)
        #expect(
            (vught["reason"] as? String)?.contains("Haaren was divided among Boxtel, Oisterwijk, Tilburg and Vught") == true,
            "\(vught)")
        // 2023 is Eemsdelta itself, as in the embedded accounts.
        let later = try #require(points.first { $0["year"] as? Int == 2023 && $0["document"] as? String == "jaarrekening" })
        let itself = try #require((later["municipalities"] as? [[String: Any]])?.first { $0["name"] as? String == "Eemsdelta" })
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        #expect(sameCent(itself["value"] as? Double, raw.rate("Eemsdelta", ["6.71", "6.71a", "6.71b", "6.71c", "6.71d"])))
        let notes = try #require(object["notes"] as? [String])
        #expect(
            notes.contains {
                $0.contains(
                    "On the municipal boundaries of 2025: Eemsdelta in 2019 is the sum of Appingedam, Delfzijl and Loppersum")
                    && $0.contains("CBS 70739ned RegioS")
            }, "\(notes)")

        // Text output says it too; without the option, Eemsdelta has no value in 2019 and the successor is named.
        let text = try await runner.run(trend + ["--boundaries", "2025", "Eemsdelta", "Vught"])
        #expect(text.stdout.contains("Eemsdelta in 2019 is the sum of Appingedam, Delfzijl and Loppersum"), "\(text.stdout)")
        let plain = try await runner.run(trend + ["--format", "json", "Eemsdelta"])
        let plainObject = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])
        let plain2019 = try #require((plainObject["points"] as? [[String: Any]])?.first { $0["year"] as? Int == 2019 })
        #expect((plain2019["municipalities"] as? [[String: Any]])?.first?["status"] as? String == "not-a-municipality")
        let old = try await runner.run([
            "compare", "--indicator", "wmo.maatwerk", "--year", "2023", "--locale", "en", "--cache-dir", cache, "Appingedam",
        ])
        #expect(old.status == 65)
        #expect(old.stderr.contains("dissolved on 1 January 2021 into Eemsdelta; compare that one"), "\(old.stderr)")
        let young = try await runner.run([
            "compare", "--indicator", "wmo.maatwerk", "--year", "2019", "--locale", "en", "--cache-dir", cache, "Eemsdelta",
        ])
        #expect(young.stderr.contains("formed on 1 January 2021 from Appingedam, Delfzijl, Loppersum"), "\(young.stderr)")

        // Boundaries before the series' end cannot divide figures back.
        let early = try await runner.run(trend + ["--boundaries", "2019", "Eemsdelta"])
        #expect(early.status != 0)
        #expect(early.stderr.contains("lies before 2025"), "\(early.stderr)")
    }

    @Test("a record that lacks what the stored one holds is refused, and the stored one kept")
    func shorterRecord() async throws {
        let cache = CLIRunner.freshLoadedCache()
        var runner = CLIRunner()
        let full = try Self.mergersServer()
        runner.environment["MAATSTAF_CBS_BASE"] = full.baseURL
        #expect(try await runner.run(["fetch", "mergers", "--cache-dir", cache]).status == 0)
        let short = try JSONSerialization.data(withJSONObject: [
            "value": [
                [
                    "Key": "GM0003    ", "Title": "Appingedam",
                    "Description": "Opgeheven per 01-01-2021, overgegaan naar: - Eemsdelta (GM1979), ... 11000 inwoners",
                ]
            ]
        ])
        let other = try TestHTTPServer { request in
            request.path.hasSuffix("/86247NED/RegioS") ? TestResponse(body: short) : TestResponse(status: 404, text: "no")
        }
        runner.environment["MAATSTAF_CBS_BASE"] = other.baseURL
        let refused = try await runner.run(["fetch", "mergers", "86247NED", "--cache-dir", cache, "--locale", "en"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("lacks 17 change(s) the stored record (from 70739ned) holds"), "\(refused.stderr)")
        let store = try Store(path: cache + "/maatstaf.sqlite")
        #expect(try store.mergerHistory()?.changes.count == 18)
    }
}
