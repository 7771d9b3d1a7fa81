import Foundation
import MaatstafTestServer
import Testing

/// `maatstaf region`: every share, key and what-if computed again here from the snapshot's raw Iv3 and class files.
@Suite("maatstaf region: shares, cost-split keys and what-if for a region's members")
struct RegionCommandTests {
    static let householdHelp = ["6.71a"]
    static let youthCare = ["6.72", "6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c"]
    static let liemers = ["Duiven", "Westervoort", "Zevenaar", "Montferland"]

    /// The region view as JSON.
    func regionJSON(_ arguments: [String], regions: URL = RepositoryFixtures.regions) async throws -> (
        Int32, [[String: Any]], String
    ) {
        let result = try await CLIRunner().run(
            ["region"] + arguments + ["--format", "json", "--cache-dir", CLIRunner.loadedCache, "--regions", regions.path])
        guard result.status == 0 else { return (result.status, [], result.stderr) }
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(object["schema"] as? String == "maatstaf.region/1")
        return (result.status, object["breakdowns"] as! [[String: Any]], result.stderr)
    }

    func regionFolder(_ files: [String: String]) throws -> URL {
        let folder = RepositoryFixtures.temporaryFolder()
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// Type-7 quartile, as Excel's QUARTILE.INC.
    static func quartile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        let position = p * Double(sorted.count - 1)
        let lower = Int(position)
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }

    @Test("liemers, household help and youth care 2023: shares, keys and what-if to the cent")
    func liemersSharesKeysAndWhatIf() async throws {
        let (status, breakdowns, stderr) = try await regionJSON([
            "liemers", "--indicator", "wmo.huishoudelijke-hulp,jeugd.hulp", "--year", "2023",
        ])
        #expect(status == 0, "\(stderr)")
        #expect(breakdowns.count == 2)
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        for (breakdown, taakvelden) in zip(breakdowns, [Self.householdHelp, Self.youthCare]) {
            let amounts = Self.liemers.map { raw.total(raw.municipalities[$0]!, taakvelden, netto: false) }
            let populations = Self.liemers.map { raw.municipalities[$0]!.population }
            let total = amounts.reduce(0, +)
            let totalPopulation = populations.reduce(0, +)
            #expect(sameCent(breakdown["total"] as? Double, total))
            #expect(breakdown["totalPopulation"] as? Int == Int(totalPopulation))
            let members = breakdown["members"] as! [[String: Any]]
            #expect(members.map { $0["name"] as! String } == Self.liemers)
            for (index, member) in members.enumerated() {
                #expect(sameCent(member["amount"] as? Double, amounts[index]))
                #expect(sameCent(member["rate"] as? Double, amounts[index] / populations[index]))
                #expect(abs((member["shareOfAmount"] as! Double) - amounts[index] / total) < 1e-12)
                #expect(abs((member["shareOfPopulation"] as! Double) - populations[index] / totalPopulation) < 1e-12)
            }
            // Rates: the region's as a whole, the national over every municipality that delivered and books the
            // lines, and the lowest quartile of the four members' rates (spending has no direction).
            let rates = Dictionary(
                uniqueKeysWithValues: (breakdown["rates"] as! [[String: Any]]).map {
                    ($0["kind"] as! String, $0["rate"] as! Double)
                })
            let national = raw.groupRate(taakvelden) { $0.delivered && $0.books(taakvelden) }
            let q1 = Self.quartile(zip(amounts, populations).map { $0 / $1 }, 0.25)
            #expect(sameCent(rates["region"], total / totalPopulation))
            #expect(sameCent(rates["national"], national))
            #expect(sameCent(rates["best-quartile"], q1))
            // Keys: by population and by spending; no fixed key in liemers.yaml and no volume asked.
            let keys = breakdown["keys"] as! [[String: Any]]
            #expect(keys.map { $0["kind"] as! String } == ["population", "spending"])
            for (index, share) in (keys[0]["members"] as! [[String: Any]]).enumerated() {
                let amount = populations[index] / totalPopulation * total
                #expect(sameCent(share["amount"] as? Double, amount))
                #expect(sameCent(share["difference"] as? Double, amount - amounts[index]))
            }
            let unavailable = (breakdown["unavailableKeys"] as! [[String: Any]]).map { $0["reason"] as! String }
            #expect(unavailable == ["no-volume-indicator", "no-fixed-key"])
            // What if: each member at the national rate, and the saving in all.
            let scenarios = breakdown["scenarios"] as! [[String: Any]]
            let atNational = scenarios.first { ($0["rate"] as! [String: Any])["kind"] as! String == "national" }!
            let expected = zip(amounts, populations).map { $0 - national * $1 }
            for (index, outcome) in (atNational["members"] as! [[String: Any]]).enumerated() {
                #expect(sameCent(outcome["saving"] as? Double, expected[index]))
            }
            #expect(sameCent(atNational["saving"] as? Double, expected.reduce(0, +)))
            let atRegion = scenarios.first { ($0["rate"] as! [String: Any])["kind"] as! String == "region" }!
            #expect(sameCent(atRegion["saving"] as? Double, 0))
        }
    }

    @Test("the text view names the tables, the region and the credit")
    func textView() async throws {
        let result = try await CLIRunner().run([
            "region", "liemers", "--indicator", "wmo.huishoudelijke-hulp", "--year", "2023", "--locale", "nl",
            "--cache-dir", CLIRunner.loadedCache, "--regions", RepositoryFixtures.regions.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        for text in [
            "Huishoudelijke hulp (Wmo) (wmo.huishoudelijke-hulp) — De Liemers (regio), jaarrekening 2023",
            "Kostenverdeelsleutels", "naar inwoners", "Wat als elk lid per inwoner uitgaf wat een ander cijfer zegt",
            "laagste kwartiel (Q1)",
            "Bron: CBS",
        ] {
            #expect(result.stdout.contains(text), "\(text)")
        }
    }

    @Test("a fixed key from the region file: each member's share of the total and its difference")
    func fixedKey() async throws {
        let folder = try regionFolder([
            "stroom.yaml": """
            id: stroom
            name: Test arrangement (key chosen for the test)
            members: [Duiven, Westervoort]
            key:
              Duiven: 60
              Westervoort: 40
            """
        ])
        let (status, breakdowns, stderr) = try await regionJSON(
            ["stroom", "--indicator", "jeugd.hulp", "--year", "2023", "--keys", "fixed,population"], regions: folder)
        #expect(status == 0, "\(stderr)")
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let amounts = ["Duiven", "Westervoort"].map { raw.total(raw.municipalities[$0]!, Self.youthCare, netto: false) }
        let total = amounts.reduce(0, +)
        let keys = breakdowns[0]["keys"] as! [[String: Any]]
        #expect(keys.map { $0["kind"] as! String } == ["population", "fixed"])
        let fixed = keys[1]["members"] as! [[String: Any]]
        #expect(sameCent(fixed[0]["amount"] as? Double, 0.6 * total))
        #expect(sameCent(fixed[1]["difference"] as? Double, 0.4 * total - amounts[1]))
    }

    @Test("the key by use splits by the volume indicator's numerator (here another real Iv3 line)")
    func keyByUse() async throws {
        let (status, breakdowns, stderr) = try await regionJSON([
            "1stroom", "--indicator", "wmo.huishoudelijke-hulp", "--year", "2023", "--volume", "wmo.maatwerk",
            "--keys", "use",
        ])
        #expect(status == 0, "\(stderr)")
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let names = ["Duiven", "Westervoort"]
        let maatwerk = ["6.71", "6.71a", "6.71b", "6.71c", "6.71d"]
        let volumes = names.map { raw.total(raw.municipalities[$0]!, maatwerk, netto: false) }
        let amounts = names.map { raw.total(raw.municipalities[$0]!, Self.householdHelp, netto: false) }
        let keys = breakdowns[0]["keys"] as! [[String: Any]]
        #expect(keys.map { $0["kind"] as! String } == ["use"])
        for (index, share) in (keys[0]["members"] as! [[String: Any]]).enumerated() {
            let expected = volumes[index] / volumes.reduce(0, +)
            #expect(abs((share["share"] as! Double) - expected) < 1e-12)
            #expect(sameCent(share["amount"] as? Double, expected * amounts.reduce(0, +)))
        }
        let members = breakdowns[0]["members"] as! [[String: Any]]
        #expect(sameCent(members[1]["volume"] as? Double, volumes[1]))
    }

    @Test("a member without a value is named and left out of every total, never counted as 0")
    func memberWithoutValue() async throws {
        // iv3/2023_begroting.csv: Voorne aan Zee's rows are all zero — no delivery.
        let folder = try regionFolder([
            "zuid.yaml": "id: zuid\nname: Test region\nmembers: [Voorne aan Zee, Westervoort, Duiven]\n"
        ])
        let (status, breakdowns, stderr) = try await regionJSON(
            ["zuid", "--indicator", "jeugd.hulp", "--year", "2023", "--kind", "begroting"], regions: folder)
        #expect(status == 0, "\(stderr)")
        let raw = try RawIv3("iv3/2023_begroting.csv")
        #expect(raw.municipalities["Voorne aan Zee"]?.delivered == false)
        let breakdown = breakdowns[0]
        let members = breakdown["members"] as! [[String: Any]]
        let voorne = members.first { $0["name"] as? String == "Voorne aan Zee" }!
        #expect(voorne["status"] as? String != "ok")
        #expect(voorne["amount"] is NSNull)
        #expect(voorne["shareOfAmount"] is NSNull)
        #expect(breakdown["counted"] as? Int == 2)
        let total = ["Westervoort", "Duiven"].reduce(0.0) {
            $0 + raw.total(raw.municipalities[$1]!, Self.youthCare, netto: false)
        }
        #expect(sameCent(breakdown["total"] as? Double, total))
        let keys = breakdown["keys"] as! [[String: Any]]
        #expect((keys[0]["members"] as! [[String: Any]]).count == 2)
        let notes = breakdown["notes"] as! [String]
        #expect(notes.contains { $0.hasPrefix("Not counted, having no value: Voorne aan Zee") })
    }

    @Test("a member that was no municipality in the year is said, not dropped silently")
    func memberNotInYear() async throws {
        let folder = try regionFolder([
            "oud.yaml": "id: oud\nname: Test region\nmembers: [Hellevoetsluis, Westervoort, Duiven]\n"
        ])
        let (status, breakdowns, stderr) = try await regionJSON(
            ["oud", "--indicator", "jeugd.hulp", "--year", "2023"], regions: folder)
        #expect(status == 0, "\(stderr)")
        try #require(breakdowns.count == 1)
        #expect(breakdowns[0]["absentMembers"] as? [String] == ["GM0530"])
        #expect(
            (breakdowns[0]["notes"] as! [String]).contains {
                $0.hasPrefix("Hellevoetsluis (GM0530) is in the region file but was no municipality in 2023")
            })
    }

    @Test("bad input: one member, keys not summing to 100, a key for a non-member, use without a volume")
    func badInput() async throws {
        let runner = CLIRunner()
        let one = try regionFolder(["een.yaml": "id: een\nname: One\nmembers: [Duiven]\n"])
        var result = try await runner.run([
            "region", "een", "--indicator", "jeugd.hulp", "--cache-dir", CLIRunner.loadedCache, "--regions", one.path,
        ])
        #expect(result.status == 65)
        #expect(result.stderr.contains("een: has 1 member(s)"))
        #expect(result.stderr.split(separator: "\n").count == 1)

        let badKey = try regionFolder([
            "scheef.yaml": "id: scheef\nname: Skewed\nmembers: [Duiven, Westervoort]\nkey:\n  Duiven: 60\n  Westervoort: 39\n"
        ])
        result = try await runner.run(["regions", "check", "--cache-dir", CLIRunner.loadedCache, "--regions", badKey.path])
        #expect(result.status != 0)
        #expect(
            result.stdout.contains("scheef.yaml:5: the key's percentages sum to 99.00 %, not 100 %")
                || result.stderr.contains("scheef.yaml:5: the key's percentages sum to 99.00 %, not 100 %"),
            "\(result.stdout)\(result.stderr)")

        let stranger = try regionFolder([
            "vreemd.yaml": "id: vreemd\nname: Stranger\nmembers: [Duiven, Westervoort]\nkey:\n  Duiven: 60\n  Zevenaar: 40\n"
        ])
        result = try await runner.run([
            "region", "vreemd", "--indicator", "jeugd.hulp", "--cache-dir", CLIRunner.loadedCache, "--regions", stranger.path,
        ])
        #expect(result.status == 65)
        #expect(result.stderr.contains("vreemd.yaml:6: key \"Zevenaar\" is not a member of the region"), "\(result.stderr)")

        result = try await runner.run([
            "region", "liemers", "--indicator", "jeugd.hulp", "--keys", "use", "--cache-dir", CLIRunner.loadedCache,
            "--regions", RepositoryFixtures.regions.path,
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("The key by use needs a volume for jeugd.hulp"), "\(result.stderr)")

        result = try await runner.run([
            "region", "corop", "--indicator", "jeugd.hulp", "--cache-dir", CLIRunner.loadedCache,
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("add --for MUNICIPALITY"))
    }

    @Test("a built-in group around a municipality: the COROP region of Westervoort")
    func builtInGroup() async throws {
        let (status, breakdowns, stderr) = try await regionJSON([
            "corop", "--for", "Westervoort", "--indicator", "jeugd.hulp", "--year", "2023",
        ])
        #expect(status == 0, "\(stderr)")
        let regions = try RepositoryFixtures.simpleRows("regions/municipalities.csv", separator: ",")
        let members = regions.filter { $0[2] == "2026" && $0[3] == "CR15" }.count
        #expect((breakdowns[0]["members"] as! [[String: Any]]).count == members)
    }

    @Test("report --region: a regional section with the stacked shares and the keys, in HTML and Markdown")
    func reportSection() async throws {
        let folder = RepositoryFixtures.temporaryFolder()
        let html = folder.appendingPathComponent("r.html").path
        var result = try await CLIRunner().run([
            "report", "--locale", "nl", "Westervoort", "--indicators", "jeugd.hulp", "--year", "2023", "--region", "liemers",
            "--output", html, "--cache-dir", CLIRunner.loadedCache, "--regions", RepositoryFixtures.regions.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.contains("Regionaal beeld: De Liemers — Jeugdhulp"))
        #expect(text.contains("<title>Aandelen per lid: De Liemers</title>"))
        #expect(text.contains("Kostenverdeelsleutels"))
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let total = Self.liemers.reduce(0.0) { $0 + raw.total(raw.municipalities[$1]!, Self.youthCare, netto: false) }
        // The region's total in whole euros, Dutch grouping: € 43.202.000 from the raw file.
        let euros = Int(total.rounded())
        var digits = String(euros)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits = String(digits.dropLast(3))
        }
        groups.insert(digits, at: 0)
        #expect(text.contains("€ " + groups.joined(separator: ".")), "\(euros)")
        result = try await CLIRunner().run([
            "report", "--locale", "nl", "Westervoort", "--indicators", "jeugd.hulp", "--year", "2023", "--region", "jeugdregio",
            "--format", "markdown", "--cache-dir", CLIRunner.loadedCache,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("— Centraal Gelderland (jeugdregio), jaarrekening 2023"))
        #expect(result.stdout.contains("#### Kostenverdeelsleutels"))
    }

    @Test(
        "a member far outside the others (Renkum's household help, 3 % of the median) is marked and named; left out on request, every figure is without it"
    )
    func outliers() async throws {
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let regions = try RepositoryFixtures.simpleRows("regions/municipalities.csv", separator: ",")
        let names = regions.filter { $0[2] == "2026" && $0[3] == "CR15" }.map { $0[0] }
        let rates = Dictionary(uniqueKeysWithValues: names.map { ($0, raw.rate($0, Self.householdHelp)) })
        // The rule as docs/region.md states it, worked out here (`OutlierRule`).
        let rule = OutlierRule(rates.values)
        let far = rates.filter { rule.isFar($0.value) }.keys.sorted()
        #expect(far == ["Renkum"])

        let arguments = ["corop", "--for", "Renkum", "--indicator", "wmo.huishoudelijke-hulp", "--year", "2023"]
        let (status, breakdowns, stderr) = try await regionJSON(arguments)
        #expect(status == 0, "\(stderr)")
        let members = try #require(breakdowns.first?["members"] as? [[String: Any]])
        let marked = members.filter { !($0["outlier"] is NSNull) }
        #expect(marked.compactMap { $0["name"] as? String } == far)
        let flag = try #require(marked.first?["outlier"] as? [String: Double])
        #expect(abs(flag["z"]! - rule.z(rates["Renkum"]!)) < 1e-9)
        #expect(abs(flag["ofMedian"]! - rates["Renkum"]! / rule.median) < 1e-9)
        #expect(stderr.contains("--leave-out-outliers"))
        let notes = try #require(breakdowns.first?["notes"] as? [String])
        #expect(notes.contains { $0.hasPrefix("Far outside the other members") && $0.contains("Renkum (3 % of the median") })
        // Kept in, it counts: the region's total holds Renkum's amount.
        let counted = names.reduce(0.0) { $0 + raw.total(raw.municipalities[$1]!, Self.householdHelp, netto: false) }
        #expect(abs((breakdowns.first?["total"] as? Double ?? 0) - counted) < 0.005)

        let (leftStatus, left, leftStderr) = try await regionJSON(arguments + ["--leave-out-outliers"])
        #expect(leftStatus == 0, "\(leftStderr)")
        #expect(!leftStderr.contains("--leave-out-outliers"))
        let without = names.filter { !far.contains($0) }
        let total = without.reduce(0.0) { $0 + raw.total(raw.municipalities[$1]!, Self.householdHelp, netto: false) }
        #expect(abs((left.first?["total"] as? Double ?? 0) - total) < 0.005)
        #expect(left.first?["counted"] as? Int == without.count)
        let renkum = try #require((left.first?["members"] as? [[String: Any]])?.first { $0["name"] as? String == "Renkum" })
        #expect(renkum["status"] as? String == "no-value" && renkum["amount"] is NSNull)
        // The key by population over the others only: Arnhem's share of their inhabitants.
        let population = without.reduce(0.0) { $0 + raw.municipalities[$1]!.population }
        let key = try #require((left.first?["keys"] as? [[String: Any]])?.first { $0["kind"] as? String == "population" })
        let arnhem = try #require((key["members"] as? [[String: Any]])?.first { $0["code"] as? String == "GM0202" })
        #expect(abs((arnhem["share"] as! Double) - raw.municipalities["Arnhem"]!.population / population) < 1e-12)
        #expect((left.first?["notes"] as? [String])?.contains { $0.hasPrefix("Left out as asked") } == true)

        // The text marks the member where the reader looks first.
        let text = try await CLIRunner().run(
            ["region"] + arguments + ["--locale", "nl", "--cache-dir", CLIRunner.loadedCache])
        #expect(text.stdout.contains("Renkum (ver buiten de rest)"))
    }
}
