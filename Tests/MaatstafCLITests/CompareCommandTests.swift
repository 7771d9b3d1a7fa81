import Foundation
import MaatstafCore
import MaatstafTestServer
import Testing

@Suite("maatstaf compare, rank and indicators, end to end on the embedded snapshot")
struct CompareCommandTests {
    let cache = CLIRunner.loadedCache

    func run(_ arguments: [String], through runner: CLIRunner = CLIRunner()) async throws -> CLIRunner.Result {
        try await runner.run(arguments + ["--cache-dir", cache, "--regions", RepositoryFixtures.regions.path])
    }

    @Test("the issue's command: household help per inhabitant beside the national rate, province and size class")
    func householdHelp() async throws {
        // Through the binary: the command a user types, end to end.
        let result = try await run(
            [
                "compare", "--indicator", "iv3.6.71a.lasten", "--year", "2023",
                "Westervoort", "Duiven", "Steenwijkerland",
            ], through: .binary)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines[0]
                == "6.71a Huishoudelijke hulp (WMO), spending (iv3.6.71a.lasten) — Iv3 2023 accounts, euros per inhabitant")
        // iv3/2023_jaarrekening.csv: Westervoort 2017 × €1,000 / 15,114 = €133.45; Nederland 1,592,144 × €1,000 over
        // 17,811,291 inhabitants less Vijfheerenlanden's 60,052 (no delivery: a row of zeros) = €89.69.
        let westervoort = try #require(lines.first { $0.hasPrefix("Westervoort ") })
        #expect(westervoort.contains("€133.45"))
        #expect(westervoort.contains("Netherlands"))
        #expect(westervoort.contains("€89.69"))
        #expect(result.stdout.contains("No Iv3 delivery for the 2023 accounts: Vijfheerenlanden."))
        #expect(lines.contains { $0.contains("Gelderland (province)") })
        #expect(lines.contains { $0.contains("Overijssel (province)") })
        #expect(lines.contains { $0.contains("10,000 to 20,000 inhabitants (size class)") })
        #expect(lines.contains { $0.hasPrefix("Duiven ") })
        #expect(lines.contains { $0.hasPrefix("Steenwijkerland ") })
        #expect(result.stdout.contains("Bron: CBS"))
    }

    @Test("a member far outside a reference group is named under the comparison: Renkum in Arnhem/Nijmegen (COROP)")
    func groupOutliers() async throws {
        let result = try await run([
            "compare", "--indicator", "wmo.huishoudelijke-hulp", "--year", "2023", "--against", "corop", "--locale", "en",
            "Westervoort",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // The rule worked out here from the raw Iv3 file over the COROP's members (regions/municipalities.csv).
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let regions = try RepositoryFixtures.simpleRows("regions/municipalities.csv", separator: ",")
        let rates = Dictionary(
            uniqueKeysWithValues: regions.filter { $0[2] == "2026" && $0[3] == "CR15" }.map {
                ($0[0], raw.rate($0[0], ["6.71a"]))
            })
        let rule = OutlierRule(rates.values)
        let far = rates.filter { rule.isFar($0.value) }
        #expect(far.keys.sorted() == ["Renkum"])
        let share = Int((far["Renkum"]! / rule.median * 100).rounded())
        #expect(
            result.stdout.contains("Far outside the other members of Arnhem/Nijmegen (COROP): Renkum (\(share) % of the median)"),
            "\(result.stdout)")
        // The Netherlands is not searched: one municipality hardly moves its figure.
        #expect(!result.stdout.contains("Far outside the other members of Nederland"))
    }

    @Test("JSON follows maatstaf.compare/3")
    func json() async throws {
        let result = try await run([
            "compare", "--indicator", "wmo.huishoudelijke-hulp", "--year", "2025", "--against",
            "national,amr,1stroom", "--format", "json", "Duiven",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "maatstaf.compare/3")
        #expect((object["indicator"] as? [String: Any])?["id"] as? String == "wmo.huishoudelijke-hulp")
        #expect(object["year"] as? Int == 2025)
        let municipality = try #require((object["municipalities"] as? [[String: Any]])?.first)
        #expect(municipality["code"] as? String == "GM0226")
        #expect(municipality["interval"] is NSNull)
        for key in ["value", "numerator", "denominator", "rank", "of", "percentile", "z", "references"] {
            #expect(municipality[key] != nil, "missing \(key)")
        }
        let references = try #require(municipality["references"] as? [[String: Any]])
        #expect(references.map { $0["kind"] as? String } == ["national", "amr", "region"])
        #expect(references[2]["code"] as? String == "1stroom")
        for key in ["name", "value", "mean", "median", "q1", "q3", "count", "difference", "differencePercent", "gap"] {
            #expect(references[0][key] != nil, "missing \(key)")
        }
        // iv3/2025_begroting.csv: Duiven 6.711 lasten (× €1,000) ÷ Inwonertal, computed here from the raw file.
        let row = try RepositoryFixtures.simpleRows("iv3/2025_begroting.csv", separator: ";").first {
            $0[0] == "Duiven" && $0[1].hasPrefix("6.711 ")
        }!
        let expected = Double(row[4])! * 1000 / Double(row[8])!
        #expect(((municipality["value"] as? Double ?? 0) * 100).rounded() == (expected * 100).rounded())
        #expect(
            (object["sources"] as? [[String: Any]])?.first?["sha256"] as? String
                == "a2c0273af2e9eccd3e0da557588ffa73e3efeda9a8a09822dea4f1c83deea6ee")
    }

    @Test("--locale nl CSV for Dutch Excel: semicolons and decimal commas; --output writes the file")
    func dutchCSV() async throws {
        let output = RepositoryFixtures.temporaryFolder().appendingPathComponent("vergelijking.csv")
        let result = try await run([
            "compare", "--indicator", "iv3.6.71a.lasten", "--year", "2023", "--format", "csv",
            "--locale", "nl", "--output", output.path, "Westervoort",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let csv = try String(contentsOf: output, encoding: .utf8)
        let lines = csv.split(separator: "\r\n")
        // Headers in Dutch; every row says which document its figures come from (codes stay codes).
        #expect(try Data(contentsOf: output).prefix(3) == Data([0xEF, 0xBB, 0xBF]))  // read as UTF-8 without it
        #expect(lines[0].hasPrefix("indicator;jaar;stuk;code;gemeente;waarde;teller;noemer;rang;van;"))
        #expect(lines[1].hasPrefix("iv3.6.71a.lasten;2023;jaarrekening;GM0293;Westervoort;133,45;2017000;15114;"))
        #expect(lines.count == 4)
    }

    @Test("--layout wide: a row per municipality, a column per group, Dutch headers, figures from the raw Iv3 file")
    func wideCSV() async throws {
        let result = try await run([
            "compare", "--indicator", "wmo.huishoudelijke-hulp", "--year", "2023", "--against", "province,liemers",
            "--layout", "wide", "--format", "csv", "--locale", "nl", "Westervoort", "Steenwijkerland",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.dropFirst().split(separator: "\r\n").map {
            $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(rows.count == 3)
        #expect(
            rows[0] == [
                "gemeente", "code", "stuk", "waarde", "rang", "van", "geen waarde omdat", "Nederland",
                "verschil met Nederland", "verschil met Nederland %", "provincie", "groepscijfer provincie",
                "verschil met provincie", "verschil met provincie %", "De Liemers (regio)",
                "verschil met De Liemers (regio)", "verschil met De Liemers (regio) %",
            ])
        // Worked out here from iv3/2023_jaarrekening.csv: each municipality's rate, the Netherlands' and the
        // province's as totals over totals of those that deliver and book the line, De Liemers' over its members.
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let counts: (RawIv3.Municipality) -> Bool = { $0.delivered && $0.books(["6.71a"]) }
        func cents(_ value: Double) -> String {
            String(format: "%.2f", value).replacingOccurrences(of: ".", with: ",")
        }
        let national = raw.groupRate(["6.71a"], where: counts)
        // regions/liemers.yaml's members.
        let liemers = ["Duiven", "Westervoort", "Zevenaar", "Montferland"].map { raw.municipalities[$0]! }.filter(counts)
        #expect(liemers.count == 4)
        let liemersRate =
            liemers.map { raw.total($0, ["6.71a"], netto: false) }.reduce(0, +) / liemers.map(\.population).reduce(0, +)
        for (row, name, province) in [(rows[1], "Westervoort", "Gelderland"), (rows[2], "Steenwijkerland", "Overijssel")] {
            let rate = raw.rate(name, ["6.71a"])
            let provinceRate = raw.groupRate(["6.71a"]) { counts($0) && $0.province == province }
            #expect(row[0] == name && row[2] == "jaarrekening 2023" && row[6] == "")
            #expect(row[3] == cents(rate))
            #expect(row[7] == cents(national) && row[8] == cents(rate - national))
            #expect(row[10] == province && row[11] == cents(provinceRate))
            #expect(row[14] == cents(liemersRate) && row[15] == cents(rate - liemersRate))
        }
    }

    @Test("clear errors and exit codes: unknown indicator, year, municipality, dissolved, unfetched table")
    func errors() async throws {
        // Exit codes are what the binary returns, so this test starts it.
        let unknown = try await run(["compare", "--indicator", "wmo.huishoudelijke", "Westervoort"], through: .binary)
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("wmo.huishoudelijke: is not a known indicator. Did you mean: wmo.huishoudelijke-hulp"))

        let year = try await run(["compare", "--indicator", "jeugd.hulp", "--year", "2024", "Westervoort"])
        #expect(year.status == 65)
        #expect(
            year.stderr.contains(
                "no Iv3 data for 2024 in the store. Available Iv3 documents: 2023 begroting, 2023 jaarrekening, 2025 begroting; CBS publishes each year's Iv3: `maatstaf fetch iv3 2024`"
            ), "\(year.stderr)")

        let layout = try await run(["compare", "--indicator", "iv3.6.71a.lasten", "--year", "2025", "Westervoort"])
        #expect(layout.status == 65)
        #expect(layout.stderr.contains("is not defined for 2025"))

        let name = try await run(["compare", "--indicator", "jeugd.hulp", "Westervort"])
        #expect(name.status == 65)
        #expect(name.stderr.contains("Did you mean: Westervoort"))

        let dissolved = try await run(["compare", "--indicator", "jeugd.hulp", "--year", "2023", "Haaren"])
        #expect(dissolved.status == 65)
        #expect(dissolved.stderr.contains("Haaren: was not a municipality in 2023"))

        let table = try await run(["compare", "--indicator", "wmo.clienten-per-1000", "Westervoort"])
        #expect(table.status == 70)
        #expect(table.stderr.contains("needs CBS table 85984NED"))

        let group = try await run(["compare", "--indicator", "jeugd.hulp", "--against", "achterhoek", "Westervoort"])
        #expect(group.status == 65)
        #expect(group.stderr.contains("achterhoek: is neither a built-in group nor a region"))
    }

    @Test("rank --within a region, and indicators show lists the taakvelden checked against CBS's code list")
    func rankAndIndicators() async throws {
        let rank = try await run([
            "rank", "--indicator", "jeugd.hulp", "--year", "2023", "--within", "liemers", "--format", "csv",
        ])
        #expect(rank.status == 0, "\(rank.stderr)")
        #expect(rank.stdout.split(separator: "\r\n").count == 5)
        let show = try await run(["indicators", "show", "wmo.huishoudelijke-hulp"])
        #expect(show.stdout.contains("6.71a   Huishoudelijke hulp (WMO)  ✓"))
        #expect(show.stdout.contains("6.711   Huishoudelijke hulp (WMO)  ✓"))
        // Three layouts (SOURCES.md §12), each checked against every year's list: household help has no line of its
        // own before 2023.
        #expect(show.stdout.contains("layout 2017–2022: no taakveld of its own in this layout, so no value; use wmo.maatwerk"))
        #expect(show.stdout.contains("layout 2023–2024 (checked against CBS Iv3 code lists 2023–2024)"))
        #expect(show.stdout.contains("layout 2025 onwards (checked against CBS Iv3 code lists 2025–2026)"))
        // A household-help year of the first layout: no value, and the broader indicator named.
        let old = try await run(["compare", "--indicator", "wmo.huishoudelijke-hulp", "--year", "2019", "Westervoort"])
        #expect(old.status == 65)
        #expect(
            old.stderr.contains(
                "has no value for 2019: the Iv3 layout of 2017–2022 has no taakveld of its own for it. Use the broader indicator wmo.maatwerk"
            ), "\(old.stderr)")
        let list = try await run(["indicators", "list"])
        #expect(list.stdout.contains("sociaal-domein.netto"))
    }

    /// A file with one indicator of a user's own: Westervoort's net household-help spending.
    static func ownIndicatorFile() throws -> URL {
        let file = RepositoryFixtures.temporaryFolder().appendingPathComponent("eigen.yaml")
        try """
        indicators:
          - id: eigen.wmo-netto
            title: { nl: Wmo huishoudelijke hulp netto, en: Wmo household help net }
            unit: { nl: euro per inwoner, en: euros per inhabitant }
            numerator: { source: iv3, measure: netto, taakvelden: { "2017": ["6.71a"], "2025": ["6.711"] } }
            denominator: population
        """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("--indicator-file FILE adds a user's own indicator; a broken file is named")
    func userIndicators() async throws {
        let file = try Self.ownIndicatorFile()
        let result = try await run([
            "compare", "--indicator-file", file.path, "--indicator", "eigen.wmo-netto", "--year", "2023",
            "--format", "csv", "Westervoort",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // iv3/2023_jaarrekening.csv, Westervoort 6.71a: lasten 2017, baten 127 (× €1,000); 15,114 inhabitants.
        let expected = String(format: "%.2f", (2017.0 - 127.0) * 1000 / 15114)
        #expect(
            result.stdout.split(separator: "\r\n")[1].hasPrefix(
                "eigen.wmo-netto,2023,jaarrekening,GM0293,Westervoort,\(expected),"))

        try
            "indicators:\n  - id: kapot\n    title: { nl: x, en: x }\n    unit: { nl: x, en: x }\n    numerator: { source: iv3, measure: bruto, taakvelden: { \"2017\": [\"6.3\"] } }\n    denominator: population\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let broken = try await run(["compare", "--indicator-file", file.path, "--indicator", "kapot", "Westervoort"])
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("\(file.path):2: indicator 1 (kapot): measure must be lasten, baten or netto"))
    }

    @Test("--indicators FILE, the old spelling of --indicator-file, is still read, with a note; both at once are refused")
    func legacyIndicatorsFile() async throws {
        let file = try Self.ownIndicatorFile()
        let arguments = ["compare", "--indicator", "eigen.wmo-netto", "--year", "2023", "--format", "csv", "Westervoort"]
        let old = try await run(arguments + ["--indicators", file.path, "--locale", "en"])
        let new = try await run(arguments + ["--indicator-file", file.path, "--locale", "en"])
        #expect(old.status == 0, "\(old.stderr)")
        #expect(old.stdout == new.stdout)
        #expect(old.stderr.contains("--indicators \(file.path) is read as --indicator-file \(file.path)"))
        #expect(new.stderr.isEmpty)
        let both = try await run(arguments + ["--indicators", file.path, "--indicator-file", file.path])
        #expect(both.status == 64)
    }

    @Test("a municipality without an Iv3 delivery: the output says so by name, and exit 66 tells a script")
    func noDelivery() async throws {
        let result = try await run([
            "compare", "--indicator", "participatie.inkomen", "--year", "2023", "--locale", "nl",
            "Vijfheerenlanden",
        ])
        #expect(result.status == 66)
        #expect(
            result.stderr.contains(
                "maatstaf: fout: participatie.inkomen 2023: geen waarde voor Vijfheerenlanden (geen Iv3-levering voor de jaarrekening 2023)"
            ))
        #expect(result.stdout.contains("Vijfheerenlanden  ontbreekt"))
        #expect(result.stdout.contains("Geen Iv3-levering voor de jaarrekening 2023: Vijfheerenlanden."))
        #expect(!result.stdout.contains("€ 0,00"))
    }

    @Test("CSV says per group how many members count, who is left out and why, and how many count with 0")
    func csvCoverage() async throws {
        let result = try await run([
            "compare", "--indicator", "wmo.huishoudelijke-hulp", "--year", "2025", "--format", "csv",
            "--against", "national", "Westervoort",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = lines[0]
        let row = lines[1]
        func field(_ name: String) -> String? { header.firstIndex(of: name).map { row[$0] } }
        // From the raw 2025 budget: 4 municipalities without a delivery, 34 more with nothing on 6.711.
        let raw = try RawIv3("iv3/2025_begroting.csv")
        let undelivered = raw.municipalities.values.filter { !$0.delivered }.count
        let notBooked = raw.municipalities.values.filter { $0.delivered && !$0.books(["6.711"]) }.count
        #expect(field("members") == "342")
        #expect(field("left_out") == String(undelivered + notBooked))
        #expect(field("left_out_reasons") == "no-delivery:\(undelivered) not-booked:\(notBooked)")
        #expect(field("zero_count") == "0")
        #expect(field("count") == String(342 - undelivered - notBooked))
    }
}
