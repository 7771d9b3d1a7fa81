import Foundation
import MaatstafTestServer
import Testing

/// The municipal fund end to end: BZK's real files (the snapshot's copy of the begrotingsanalysetool's
/// `Brondata/GF`), every allocation recomputed here by an independent reading of the raw files.
@Suite("Municipal fund: allocations per cluster")
struct FundCommandTests {
    static let folder = RepositoryFixtures.snapshot.appendingPathComponent("gemeentefonds")

    /// The raw files read here, independently of maatstaf: weights per (code or payment name) and cluster, volumes
    /// and payments per CBS number, the factor; then allocation = Σ volume × weight × factor (1 for WOZ) + Σ payment
    /// × share. A cluster with a payment the payments file has no column for has no allocation (nil).
    struct Independent {
        var clusters: [String] = []
        var allocations: [String: [String: Double?]] = [:]  // GM code → cluster → allocation

        init(files: URL, id: String, factorFor: (circulaire: String, year: String)) throws {
            func table(_ name: String) throws -> [[String]] {
                try String(contentsOf: files.appendingPathComponent(name), encoding: .utf8)
                    .replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n")
                    .map { $0.components(separatedBy: "\t") }
            }
            func number(_ text: String) -> Double {
                Double(text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))!
            }
            let factorRows = try String(contentsOf: files.appendingPathComponent("Uitkeringsfactor.csv"), encoding: .utf8)
                .split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
            let factor = Double(
                factorRows.first { $0[0] == factorFor.circulaire && $0[1] == factorFor.year }![2])!
            let weights = try table("GF_\(id)_Gewichten.csv")
            clusters = weights[0].dropFirst(2).filter { $0 != "Totaal" }
            let volumes = try table("GF_\(id)_Volumina.csv")
            let payments = try table("GF_\(id)_SIUDU.csv")
            let paymentOffset = payments[0][0] == "CBS" ? 3 : 2
            var codeOfName: [String: String] = [:]
            for row in volumes.dropFirst() {
                let code = "GM" + String(format: "%04d", Int(row[0])!)
                codeOfName[row[1]] = code
                allocations[code] = [:]
            }
            for row in volumes.dropFirst() {
                let code = "GM" + String(format: "%04d", Int(row[0])!)
                let paymentRow = payments.dropFirst().first {
                    paymentOffset == 3 ? "GM" + String(format: "%04d", Int($0[0])!) == code : codeOfName[$0[0]] == code
                }!
                for (index, cluster) in clusters.enumerated() {
                    var total: Double? = 0
                    for weightRow in weights.dropFirst() {
                        let weight = number(weightRow[index + 2])
                        guard weight != 0 else { continue }
                        if weightRow[0].isEmpty {
                            guard
                                let column = payments[0].firstIndex(where: {
                                    $0.lowercased() == weightRow[1].lowercased()
                                }), column >= paymentOffset
                            else {
                                total = nil
                                continue
                            }
                            total = total.map { $0 + number(paymentRow[column]) * weight }
                        } else {
                            let column =
                                volumes[0].firstIndex(of: weightRow[0])
                                ?? volumes[0].firstIndex { $0.hasPrefix(weightRow[0] + " ") }!
                            let f = weightRow[0].hasPrefix("WOZ") ? 1 : factor
                            total = total.map { $0 + number(row[column]) * weight * f }
                        }
                    }
                    allocations[code]![cluster] = total
                }
            }
        }
    }

    @Test("Westervoort, M2024_2025: Wmo €3,537,208 and Jeugd €6,998,624, as BZK's begrotingsanalysetool gives them")
    func westervoort() async throws {
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        let result = try await runner.run([
            "fund", "--circulaire", "M2024_2025", "--format", "json", "--cache-dir", cache, "Westervoort",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "maatstaf.fund/2")
        let clusters = try #require((object["municipalities"] as? [[String: Any]])?.first?["clusters"] as? [[String: Any]])
        func allocation(_ name: String) -> Double? {
            clusters.first { $0["cluster"] as? String == name }?["allocation"] as? Double
        }
        // The figures ../shared/data/raw/SOURCES.md §12 quotes from BZK's tool (to the euro).
        #expect(allocation("Individuele voorzieningen Wmo").map { $0.rounded() } == 3_537_208)
        #expect(allocation("Individuele voorzieningen Jeugd").map { $0.rounded() } == 6_998_624)
        // The contributions sum to the allocation.
        for cluster in clusters {
            guard let total = cluster["allocation"] as? Double else { continue }
            let sum = (cluster["contributions"] as? [[String: Any]] ?? []).compactMap { $0["amount"] as? Double }.reduce(0, +)
            #expect(abs(sum - total) < 1e-6 * max(1, abs(total)), "\(cluster["cluster"] ?? "")")
        }
    }

    @Test("every snapshot circulaire: every municipality and cluster equals the independent computation")
    func everyAllocation() async throws {
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        for (id, factor) in [
            ("M2023_2024", ("M2023", "2024")), ("S2023_2024", ("S2023", "2024")), ("M2024_2024", ("M2024", "2024")),
            ("S2024_2024", ("S2024", "2024")), ("M2024_2025", ("M2024", "2025")),
        ] {
            let expected = try Independent(files: Self.folder, id: id, factorFor: factor)
            try await Self.compare(runner: runner, cache: cache, id: id, expected: expected)
        }
    }

    /// `maatstaf fund --format json` for every municipality of the circulaire against `expected`.
    static func compare(runner: CLIRunner, cache: String, id: String, expected: Independent) async throws {
        let codes = expected.allocations.keys.sorted()
        let result = try await runner.run(["fund", "--circulaire", id, "--format", "json", "--cache-dir", cache] + codes)
        #expect(result.status == 0, "\(id): \(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let municipalities = try #require(object["municipalities"] as? [[String: Any]])
        #expect(municipalities.count == codes.count)
        var compared = 0
        for municipality in municipalities {
            let code = try #require(municipality["code"] as? String)
            for cluster in municipality["clusters"] as? [[String: Any]] ?? [] {
                let name = try #require(cluster["cluster"] as? String)
                let want = try #require(expected.allocations[code]?[name])
                let got = cluster["allocation"] as? Double
                if let want {
                    #expect(got.map { abs($0 - want) <= 1e-6 * max(1, abs(want)) } == true, "\(id) \(code) \(name)")
                } else {
                    #expect(cluster["allocation"] is NSNull, "\(id) \(code) \(name): no value expected")
                }
                compared += 1
            }
        }
        #expect(compared == codes.count * expected.clusters.count)
    }

    @Test("a circulaire not in the snapshot, imported from files, equals the independent computation")
    func importedCirculaire() async throws {
        // The May 2024 files for 2025, RELABELLED as the September 2024 circulaire for 2025 (which the snapshot does
        // not have; Uitkeringsfactor.csv has its factor, S2024 for 2025): only the import path is tested this way.
        let folder = RepositoryFixtures.temporaryFolder()
        for kind in ["Gewichten", "Volumina", "SIUDU"] {
            try FileManager.default.copyItem(
                at: Self.folder.appendingPathComponent("GF_M2024_2025_\(kind).csv"),
                to: folder.appendingPathComponent("GF_S2024_2025_\(kind).csv"))
        }
        try FileManager.default.copyItem(
            at: Self.folder.appendingPathComponent("Uitkeringsfactor.csv"),
            to: folder.appendingPathComponent("Uitkeringsfactor.csv"))
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        let imported = try await runner.run(["fund", "import", "--locale", "en", "--cache-dir", cache, folder.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("S2024_2025: 342 municipalities"), "\(imported.stdout)")
        let expected = try Independent(files: folder, id: "S2024_2025", factorFor: ("S2024", "2025"))
        try await Self.compare(runner: runner, cache: cache, id: "S2024_2025", expected: expected)
        let list = try await runner.run(["fund", "list", "--locale", "en", "--cache-dir", cache])
        #expect(list.stdout.contains("S2024_2025\timported"))
        // The snapshot's own circulaires are not replaced by an import.
        let again = folder.appendingPathComponent("again")
        try FileManager.default.createDirectory(at: again, withIntermediateDirectories: true)
        for kind in ["Gewichten", "Volumina", "SIUDU"] {
            try FileManager.default.copyItem(
                at: Self.folder.appendingPathComponent("GF_M2024_2025_\(kind).csv"),
                to: again.appendingPathComponent("GF_M2024_2025_\(kind).csv"))
        }
        try FileManager.default.copyItem(
            at: Self.folder.appendingPathComponent("Uitkeringsfactor.csv"),
            to: again.appendingPathComponent("Uitkeringsfactor.csv"))
        let refused = try await runner.run(["fund", "import", "--locale", "en", "--cache-dir", cache, again.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("is in the embedded snapshot"), "\(refused.stderr)")
    }

    @Test("a malformed circulaire is refused with file, line and column, and nothing is stored")
    func malformed() async throws {
        let source = Self.folder
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        /// A copy of M2024_2025 as S2024_2025 with `change` applied to one file's lines.
        func broken(_ kind: String, also: String? = nil, _ change: (inout [String]) -> Void) throws -> URL {
            let folder = RepositoryFixtures.temporaryFolder()
            for name in ["Gewichten", "Volumina", "SIUDU"] {
                // The files end their lines with CRLF, one Character in Swift: split on it as text first.
                var lines = try String(
                    contentsOf: source.appendingPathComponent("GF_M2024_2025_\(name).csv"), encoding: .utf8
                ).replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
                if name == kind || name == also { change(&lines) }
                try lines.joined(separator: "\n").write(
                    to: folder.appendingPathComponent("GF_S2024_2025_\(name).csv"), atomically: true, encoding: .utf8)
            }
            try FileManager.default.copyItem(
                at: source.appendingPathComponent("Uitkeringsfactor.csv"),
                to: folder.appendingPathComponent("Uitkeringsfactor.csv"))
            return folder
        }
        // A municipality left out (Westervoort's row).
        let missing = try broken("Volumina") { lines in lines.removeAll { $0.hasPrefix("293\t") } }
        var result = try await runner.run(["fund", "import", "--locale", "en", "--cache-dir", cache, missing.path])
        #expect(result.status == 65, "\(result.stdout)")
        #expect(
            result.stderr.contains("\"Westervoort\" is none of the municipalities of GF_S2024_2025_Volumina.csv"),
            "\(result.stderr)")
        // Westervoort left out of both volumes and payments: the municipalities of the year are checked by code.
        let absent = try broken("Volumina", also: "SIUDU") { lines in
            lines.removeAll { $0.hasPrefix("293\t") || $0.hasPrefix("Westervoort\t") }
        }
        result = try await runner.run(["fund", "import", "--locale", "en", "--cache-dir", cache, absent.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("has no row for Westervoort (GM0293), a municipality in 2025"), "\(result.stderr)")
        // A weighted measure without a volume: the column jong taken out of the volumes.
        let noVolume = try broken("Volumina") { lines in
            let header = lines[0].components(separatedBy: "\t")
            let column = header.firstIndex(of: "jong")!
            lines = lines.map { line in
                var fields = line.components(separatedBy: "\t")
                if fields.count > column { fields.remove(at: column) }
                return fields.joined(separator: "\t")
            }
        }
        result = try await runner.run(["fund", "import", "--locale", "en", "--cache-dir", cache, noVolume.path])
        #expect(result.status == 65)
        let weightsLine =
            try String(contentsOf: source.appendingPathComponent("GF_M2024_2025_Gewichten.csv"), encoding: .utf8)
            .replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n").firstIndex { $0.hasPrefix("jong\t") }! + 1
        #expect(
            result.stderr.contains(
                "GF_S2024_2025_Gewichten.csv, line \(weightsLine), column Codering maatstaf: the measure jong (jongeren) has a weight"
            ),
            "\(result.stderr)")
        // A bad number: Westervoort's inhabitants written as text.
        let badNumber = try broken("Volumina") { lines in
            let index = lines.firstIndex { $0.hasPrefix("293\t") }!
            let column = lines[0].components(separatedBy: "\t").firstIndex(of: "inwo")!
            var fields = lines[index].components(separatedBy: "\t")
            fields[column] = "vijftienduizend"
            lines[index] = fields.joined(separator: "\t")
        }
        result = try await runner.run(["fund", "import", "--locale", "en", "--cache-dir", cache, badNumber.path])
        #expect(result.status == 65)
        let volumeLine =
            try String(contentsOf: source.appendingPathComponent("GF_M2024_2025_Volumina.csv"), encoding: .utf8)
            .replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n").firstIndex { $0.hasPrefix("293\t") }! + 1
        #expect(
            result.stderr.contains(
                "GF_S2024_2025_Volumina.csv, line \(volumeLine), column inwo: \"vijftienduizend\" is no number"),
            "\(result.stderr)")
        let list = try await runner.run(["fund", "list", "--locale", "en", "--cache-dir", cache])
        #expect(!list.stdout.contains("S2024_2025"))
        // An unknown circulaire names the ones there are.
        let unknown = try await runner.run([
            "fund", "--circulaire", "M2030_2031", "--locale", "en", "--cache-dir", cache, "Westervoort",
        ])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("Circulaires: M2023_2024, M2024_2024, M2024_2025, S2023_2024, S2024_2024"))
    }

    @Test("why Westervoort's Wmo need differs: the measures sum exactly to the difference from the Netherlands")
    func whyNeedDiffers() async throws {
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        let cluster = "Individuele voorzieningen Wmo"
        let result = try await runner.run([
            "fund", "--circulaire", "M2024_2025", "--cluster", cluster, "--why", "--format", "json", "--cache-dir", cache,
            "Westervoort",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let why = try #require((object["why"] as? [[String: Any]])?.first)
        let here = try #require(why["perInhabitant"] as? Double)
        let netherlands = try #require(why["referencePerInhabitant"] as? Double)
        #expect((why["reference"] as? [String: Any])?["group"] as? String == "national")
        let items = try #require(why["items"] as? [[String: Any]])
        let sum = items.compactMap { $0["difference"] as? Double }.reduce(0, +)
        #expect(abs(sum - (here - netherlands)) < 1e-9)
        #expect(abs((why["needIndex"] as? Double ?? 0) - here / netherlands) < 1e-12)

        // The Netherlands computed here: every municipality's allocation and inhabitants from the same command.
        let expected = try Independent(files: Self.folder, id: "M2024_2025", factorFor: ("M2024", "2025"))
        let all = try await runner.run(
            ["fund", "--circulaire", "M2024_2025", "--cluster", cluster, "--format", "json", "--cache-dir", cache]
                + expected.allocations.keys.sorted())
        let everyone = try #require(
            (try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])?["municipalities"]
                as? [[String: Any]])
        var total = 0.0
        var people = 0.0
        for municipality in everyone {
            let code = try #require(municipality["code"] as? String)
            total += try #require(expected.allocations[code]?[cluster] ?? nil)
            people += Double(try #require(municipality["population"] as? Int))
        }
        #expect(abs(netherlands - total / people) < 1e-9)
        let westervoort = try #require(everyone.first { $0["code"] as? String == "GM0293" })
        let population = Double(try #require(westervoort["population"] as? Int))
        #expect(abs(here - (expected.allocations["GM0293"]![cluster]!! / population)) < 1e-9)
        #expect(why["municipalities"] as? Int == everyone.count)

        // The need index as an indicator: Westervoort's allocation per inhabitant ÷ the Netherlands', computed above.
        let index = try await runner.run([
            "compare", "--indicator", "fonds.wmo.behoefte", "--year", "2025", "--format", "json", "--cache-dir", cache,
            "Westervoort",
        ])
        #expect(index.status == 0, "\(index.stderr)")
        let compared = try #require(
            ((try JSONSerialization.jsonObject(with: Data(index.stdout.utf8)) as? [String: Any])?["municipalities"]
                as? [[String: Any]])?.first)
        #expect(abs((compared["value"] as? Double ?? 0) - (here / netherlands)) < 1e-12)
        let national = try #require((compared["references"] as? [[String: Any]])?.first)
        #expect(abs((national["value"] as? Double ?? 0) - 1) < 1e-12)

        // Against a group: 1Stroom (Duiven and Westervoort), its figure their allocations over their inhabitants.
        let group = try await runner.run([
            "fund", "--circulaire", "M2024_2025", "--cluster", cluster, "--why", "--against", "1stroom", "--format",
            "json", "--cache-dir", cache, "Westervoort",
        ])
        #expect(group.status == 0, "\(group.stderr)")
        let groupWhy = try #require(
            ((try JSONSerialization.jsonObject(with: Data(group.stdout.utf8)) as? [String: Any])?["why"]
                as? [[String: Any]])?.first)
        let duiven = try #require(everyone.first { $0["code"] as? String == "GM0226" })
        let partners = [("GM0293", population), ("GM0226", Double(try #require(duiven["population"] as? Int)))]
        let groupFigure =
            partners.map { expected.allocations[$0.0]![cluster]!! }.reduce(0, +) / partners.map(\.1).reduce(0, +)
        #expect(abs((groupWhy["referencePerInhabitant"] as? Double ?? 0) - groupFigure) < 1e-9)
        #expect(groupWhy["municipalities"] as? Int == 2)
        let groupItems = try #require(groupWhy["items"] as? [[String: Any]])
        #expect(abs(groupItems.compactMap { $0["difference"] as? Double }.reduce(0, +) - (here - groupFigure)) < 1e-9)

        // A group of only the municipality itself is no reference: refused, never a difference of 0.
        let alone = RepositoryFixtures.temporaryFolder()
        try "id: alleen\nname: Alleen Westervoort\nmembers:\n  - Westervoort\n".write(
            to: alone.appendingPathComponent("alleen.yaml"), atomically: true, encoding: .utf8)
        let itself = try await runner.run([
            "fund", "--circulaire", "M2024_2025", "--cluster", cluster, "--why", "--against", "alleen", "--regions",
            alone.path, "--locale", "en", "--cache-dir", cache, "Westervoort",
        ])
        #expect(itself.status == 65)
        #expect(itself.stderr.contains("holds no municipality besides Westervoort"), "\(itself.stderr)")

        let text = try await runner.run([
            "fund", "--circulaire", "M2024_2025", "--cluster", cluster, "--why", "--locale", "nl", "--cache-dir", cache,
            "Westervoort",
        ])
        #expect(text.stdout.contains("Waarom de behoefte van Westervoort verschilt — Individuele voorzieningen Wmo"))
        let refused = try await runner.run(["fund", "--circulaire", "M2024_2025", "--why", "--cache-dir", cache, "Westervoort"])
        #expect(refused.status == 64)
    }

    @Test(
        "spending against need: Westervoort's and Duiven's Wmo and youth spending ÷ allocation for the 2025 budget, to the cent")
    func spendingAgainstAllocation() async throws {
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        let expected = try Independent(files: Self.folder, id: "M2024_2025", factorFor: ("M2024", "2025"))
        let raw = try RawIv3("iv3/2025_begroting.csv")
        // BZK's mapping of the clusters to the 2025 taakvelden (../shared/data/raw/SOURCES.md §12).
        let clusters = [
            ("wmo", "Individuele voorzieningen Wmo", ["6.60", "6.711", "6.712", "6.713", "6.714", "6.811", "6.812"]),
            (
                "jeugd", "Individuele voorzieningen Jeugd",
                ["6.751", "6.752", "6.753", "6.761", "6.762", "6.763", "6.792", "6.821", "6.822", "6.92"]
            ),
        ]
        for (key, cluster, taakvelden) in clusters {
            for (name, code) in [("Westervoort", "GM0293"), ("Duiven", "GM0226")] {
                let spending = raw.total(raw.municipalities[name]!, taakvelden, netto: true)
                let allocation = try #require(expected.allocations[code]?[cluster] ?? nil)
                let result = try await runner.run([
                    "compare", "--indicator", "fonds.\(key).verhouding", "--year", "2025", "--format", "json",
                    "--cache-dir", cache, name,
                ])
                #expect(result.status == 0, "\(result.stderr)")
                let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
                let entry = try #require((object["municipalities"] as? [[String: Any]])?.first)
                #expect(abs((entry["value"] as? Double ?? 0) - spending / allocation) < 1e-9, "\(key) \(name)")
                #expect(sameCent(entry["numerator"] as? Double, spending))
                #expect(sameCent(entry["denominator"] as? Double, allocation))
                let notes = try #require(object["notes"] as? [String])
                #expect(notes.contains { $0.contains("M2024_2025") && $0.contains("May circular of 2024 for 2025") })

                let perInhabitant = try await runner.run([
                    "compare", "--indicator", "fonds.\(key).uitkering", "--year", "2025", "--format", "json",
                    "--cache-dir", cache, name,
                ])
                let allocated = try #require(
                    ((try JSONSerialization.jsonObject(with: Data(perInhabitant.stdout.utf8)) as? [String: Any])?[
                        "municipalities"] as? [[String: Any]])?.first)
                #expect(sameCent(allocated["numerator"] as? Double, allocation), "\(key) \(name)")
            }
        }
        // A year without its circulaire (the 2023 documents would need M2022_2023) says so and what to do.
        let missing = try await runner.run([
            "compare", "--indicator", "fonds.wmo.uitkering", "--year", "2023", "--locale", "en", "--cache-dir", cache,
            "Westervoort",
        ])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("2023"), "\(missing.stderr)")
    }
}

extension FundCommandTests {
    @Test("--circulaire chooses another circulaire for its year: the September circular of 2024 for 2024, said in the notes")
    func chosenCirculaire() async throws {
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        let cluster = "Individuele voorzieningen Wmo"
        for (id, factor, chosen) in [("S2024_2024", ("S2024", "2024"), true), ("M2023_2024", ("M2023", "2024"), false)] {
            let expected = try Independent(files: Self.folder, id: id, factorFor: factor)
            let result = try await runner.run(
                ["compare", "--indicator", "fonds.wmo.uitkering", "--year", "2024", "--format", "json", "--locale", "en"]
                    + (chosen ? ["--circulaire", id] : []) + ["--cache-dir", cache, "Westervoort"])
            #expect(result.status == 0, "\(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let westervoort = try #require((object["municipalities"] as? [[String: Any]])?.first)
            let allocation = try #require(expected.allocations["GM0293"]?[cluster] ?? nil)
            #expect(abs((westervoort["numerator"] as? Double ?? 0) - allocation) < 0.5, "\(id)")
            let notes = (object["notes"] as? [String] ?? []).joined(separator: "\n")
            #expect(notes.contains(chosen ? "as in \(id), chosen for 2024" : "as in \(id): for a 2024 budget"), "\(notes)")
        }
        // A circulaire for another year is not used for this one: the rule's applies, and says so.
        let other = try await runner.run([
            "compare", "--indicator", "fonds.wmo.uitkering", "--year", "2024", "--circulaire", "M2024_2025", "--format",
            "json", "--locale", "en", "--cache-dir", cache, "Westervoort",
        ])
        #expect(other.stdout.contains("as in M2023_2024"))
        // One that is not in the store is named.
        let missing = try await runner.run([
            "compare", "--indicator", "fonds.wmo.uitkering", "--year", "2024", "--circulaire", "S2030_2024", "--locale",
            "en", "--cache-dir", cache, "Westervoort",
        ])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("S2030_2024"), "\(missing.stderr)")
    }
}

extension FundCommandTests {
    @Test("overhead spread by salaries: Wmo spending with overhead for Arnhem and Westervoort, 2025 budget, from the raw file")
    func overheadBySalaries() async throws {
        let runner = CLIRunner()
        let cache = CLIRunner.freshLoadedCache()
        // The raw file read here: per municipality and taakveld code, salaries (L1.1; empty is none), baten, lasten,
        // population — in thousands of euros.
        let text = try String(
            contentsOf: RepositoryFixtures.snapshot.appendingPathComponent("iv3/2025_begroting.csv"), encoding: .utf8)
        var rows: [String: [String: (salaries: Double, baten: Double, lasten: Double)]] = [:]
        var population: [String: Double] = [:]
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            let code = String(fields[1].split(separator: " ")[0])
            rows[fields[0], default: [:]][code] = (Double(fields[2]) ?? 0, Double(fields[3])!, Double(fields[4])!)
            population[fields[0]] = Double(fields[8])
        }
        let wmo = ["6.60", "6.711", "6.712", "6.713", "6.714", "6.811", "6.812"]
        for name in ["Arnhem", "Westervoort"] {
            let lines = try #require(rows[name])
            let spending = wmo.map { lines[$0].map { $0.lasten - $0.baten } ?? 0 }.reduce(0, +)
            let overhead = try #require(lines["0.4"]).lasten - lines["0.4"]!.baten
            let here = wmo.map { lines[$0]?.salaries ?? 0 }.reduce(0, +)
            let all = lines.filter { $0.key != "0.4" }.map(\.value.salaries).reduce(0, +)
            let expected = (spending + overhead * here / all) * 1000 / population[name]!
            let result = try await runner.run([
                "compare", "--indicator", "fonds.wmo.uitgaven-met-overhead", "--year", "2025", "--format", "json",
                "--locale", "en", "--cache-dir", cache, name,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let value = try #require(((object["municipalities"] as? [[String: Any]])?.first)?["value"] as? Double)
            #expect(sameCent(value, expected), "\(name): \(value) against \(expected)")
            #expect((object["notes"] as? [String] ?? []).contains { $0.contains("share of the overhead (taakveld 0.4)") })
        }
    }
}
