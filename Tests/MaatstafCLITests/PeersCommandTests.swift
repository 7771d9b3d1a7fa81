import Foundation
import MaatstafTestServer
import Testing

/// `maatstaf peers` and the group peers: the neighbours computed again here from the snapshot's raw files (class
/// file, CBS 85984NED extract, gemeentefonds classes) with the method the docs describe.
@Suite("maatstaf peers: nearest neighbours on structural traits")
struct PeersCommandTests {
    /// Name → code from municipalities.csv: the last eight fields are codes and regions, the name is the rest
    /// (one name holds commas and is quoted).
    static func codeByName() throws -> [String: String] {
        var result: [String: String] = [:]
        for row in try RepositoryFixtures.simpleRows("regions/municipalities.csv", separator: ",").dropFirst() {
            let name = row.dropLast(8).joined(separator: ",").trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            result[name] = row[row.count - 8]
        }
        return result
    }

    /// Code → [log10 population, log10 density, centre-function rank, social-structure rank] of 2025, from the raw
    /// files; nil where a file has no value.
    static func rawTraits() throws -> [String: [Double?]] {
        let codeByName = try Self.codeByName()
        func code(_ name: String) -> String {
            codeByName[name] ?? codeByName[name.replacingOccurrences(of: " (gemeente)", with: "")]!
        }
        let kwb =
            try JSONSerialization.jsonObject(
                with: RepositoryFixtures.snapshotFile("traits/85984NED_stripped_filtered_GM_WK_2024.json"))
            as! [String: [String: Any]]
        var classes: [String: (Double?, Double?)] = [:]
        let centre = ["Zonder", "Weinig", "Redelijk", "Sterk"]
        let social = ["Zwak", "Matig", "Redelijk", "Goed"]
        for row in try RepositoryFixtures.simpleRows("traits/sociale_structuur_centrumfunctie.tsv", separator: "\t").dropFirst() {
            classes[code(row[0])] = (
                centre.firstIndex(of: row[1]).map(Double.init), social.firstIndex(of: row[2]).map(Double.init)
            )
        }
        var result: [String: [Double?]] = [:]
        for row in try RepositoryFixtures.simpleRows("classes/gemeenteklassen_2025.tsv", separator: "\t").dropFirst() {
            let code = code(row[0])
            let density = (kwb[code]?["Bevolkingsdichtheid_34"] as? NSNumber)?.doubleValue
            result[code] = [log10(Double(row[4])!), density.map { log10($0) }, classes[code]?.0, classes[code]?.1]
        }
        return result
    }

    /// z-scores per trait (sample standard deviation), then the distance over shared traits scaled by 4 ÷ shared.
    static func neighbours(of code: String, traits: [String: [Double?]], count: Int) -> [(String, Double)] {
        var z: [String: [Double?]] = traits.mapValues { _ in [] }
        for index in 0..<4 {
            let values = traits.values.compactMap { $0[index] }
            let mean = values.reduce(0, +) / Double(values.count)
            let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
            for (key, row) in traits { z[key]!.append(row[index].map { ($0 - mean) / sd }) }
        }
        let own = z[code]!
        return z.filter { $0.key != code }.map { other, theirs -> (String, Double) in
            var sum = 0.0
            var shared = 0.0
            for index in 0..<4 {
                guard let a = own[index], let b = theirs[index] else { continue }
                sum += (a - b) * (a - b)
                shared += 1
            }
            return (other, (sum * 4 / shared).squareRoot())
        }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(count).map { $0 }
    }

    @Test("maatstaf peers Westervoort: the 15 nearest with their distances, computed again from the raw files")
    func westervoort() async throws {
        let result = try await CLIRunner().run([
            "peers", "Westervoort", "--year", "2025", "--format", "json", "--cache-dir", CLIRunner.loadedCache,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(object["schema"] as? String == "maatstaf.peers/1")
        let neighbours = object["neighbours"] as! [[String: Any]]
        let expected = Self.neighbours(of: "GM0293", traits: try Self.rawTraits(), count: 15)
        #expect(neighbours.count == 15)
        #expect(neighbours.map { $0["code"] as! String } == expected.map(\.0))
        for (entry, (_, distance)) in zip(neighbours, expected) {
            #expect(abs((entry["distance"] as! Double) - distance) < 1e-9)
        }
        // The traits of the youth and 65+ shares need CBS 85984NED, which this store has not fetched: said, not 0.
        let unused = (object["unused"] as! [[String: Any]]).map { $0["reason"] as! String }
        #expect(unused == ["not-fetched", "not-fetched"])
        #expect((object["notes"] as! [String]).contains { $0.contains("maatstaf fetch 85984NED") })
    }

    @Test("a municipality without a centre-function class (Utrecht) gets distances over its other traits")
    func missingTrait() async throws {
        let result = try await CLIRunner().run([
            "peers", "Utrecht", "--year", "2025", "--count", "5", "--format", "json", "--cache-dir", CLIRunner.loadedCache,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let expected = Self.neighbours(of: "GM0344", traits: try Self.rawTraits(), count: 5)
        let neighbours = object["neighbours"] as! [[String: Any]]
        #expect(neighbours.map { $0["code"] as! String } == expected.map(\.0))
        let values = (object["municipality"] as! [String: Any])["values"] as! [String: Any]
        #expect(values["centre-function"] is NSNull)
        #expect((object["notes"] as! [String]).contains { $0.hasPrefix("Without centre function: Utrecht") })
    }

    @Test("--against peers: the group's rate is over the neighbours the peers command lists")
    func againstPeers() async throws {
        let result = try await CLIRunner().run([
            "compare", "--indicator", "jeugd.hulp", "--year", "2023", "--against", "peers", "--format", "json",
            "Westervoort", "--cache-dir", CLIRunner.loadedCache,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // The neighbours of 2023 (its population), then the group's rate from the raw 2023 accounts.
        var traits = try Self.rawTraits()
        let classes2023 = try RepositoryFixtures.simpleRows("classes/gemeenteklassen_2023.tsv", separator: "\t").dropFirst()
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let codeByName = try Self.codeByName()
        var nameByCode: [String: String] = [:]
        for row in classes2023 {
            let code = codeByName[row[0]] ?? codeByName[row[0].replacingOccurrences(of: " (gemeente)", with: "")]!
            traits[code]![0] = log10(Double(row[4])!)
            nameByCode[code] = row[0]
        }
        let members = Self.neighbours(of: "GM0293", traits: traits, count: 15).map(\.0)
        let taakvelden = ["6.72", "6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c"]
        // Iv3 writes a few names without the class files' suffix (`Beek` for `Beek (L.)`).
        let variants = try RepositoryFixtures.simpleRows("classes/gemeentenamen_iv3_vs_gemeentefonds.tsv", separator: "\t")
        func iv3Name(_ name: String) -> String {
            if raw.municipalities[name] != nil { return name }
            let plain = name.replacingOccurrences(of: " (gemeente)", with: "")
            return raw.municipalities[plain] != nil ? plain : variants.first { $0[0] == plain }![1]
        }
        let counted = members.map { raw.municipalities[iv3Name(nameByCode[$0]!)]! }
            .filter { $0.delivered && $0.books(taakvelden) }
        let expected =
            counted.reduce(0.0) { $0 + raw.total($1, taakvelden, netto: false) } / counted.reduce(0.0) { $0 + $1.population }
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let municipality = (object["municipalities"] as! [[String: Any]])[0]
        let peers = (municipality["references"] as! [[String: Any]]).first { $0["kind"] as? String == "peers" }
        #expect(peers?["members"] as? Int == 15)
        #expect(sameCent(peers?["value"] as? Double, expected))
        // Every output says what the neighbours were found on.
        let text = try await CLIRunner().run([
            "compare", "--indicator", "jeugd.hulp", "--year", "2023", "--against", "peers", "Westervoort",
            "--cache-dir", CLIRunner.loadedCache,
        ])
        #expect(
            text.stdout.contains(
                "Westervoort: 15 nearest neighbours, found on inhabitants, inhabitants per km², centre function, social structure"
            ))
    }

    @Test("rank --within peers: the municipality among its 15 neighbours")
    func rankWithinPeers() async throws {
        let result = try await CLIRunner().run([
            "rank", "--indicator", "jeugd.hulp", "--year", "2025", "--within", "peers", "Westervoort", "--format", "csv",
            "--cache-dir", CLIRunner.loadedCache,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let codes = Set(result.stdout.split(separator: "\r\n").dropFirst().map { String($0.split(separator: ",")[1]) })
        let neighbours = Self.neighbours(of: "GM0293", traits: try Self.rawTraits(), count: 15).map(\.0)
        #expect(codes == Set(neighbours + ["GM0293"]))
    }

    @Test("a traits file: weights and count; a bad file names its line")
    func traitsFile() async throws {
        let folder = RepositoryFixtures.temporaryFolder()
        let good = folder.appendingPathComponent("traits.yaml")
        try "count: 3\ntraits:\n  - population\n  - trait: density\n    weight: 2\n".write(
            to: good, atomically: true, encoding: .utf8)
        var result = try await CLIRunner().run([
            "peers", "Westervoort", "--year", "2025", "--traits", good.path, "--format", "json", "--cache-dir",
            CLIRunner.loadedCache,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let raw = try Self.rawTraits()
        // Independently: population and density only, density twice the weight.
        var z: [String: [Double]] = raw.mapValues { _ in [] }
        for index in 0..<2 {
            let values = raw.values.compactMap { $0[index] }
            let mean = values.reduce(0, +) / Double(values.count)
            let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
            for (key, row) in raw { z[key]!.append((row[index]! - mean) / sd) }
        }
        let own = z["GM0293"]!
        let expected = z.filter { $0.key != "GM0293" }.map { key, theirs in
            (key, ((own[0] - theirs[0]) * (own[0] - theirs[0]) + 2 * (own[1] - theirs[1]) * (own[1] - theirs[1])).squareRoot())
        }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3)
        let neighbours = object["neighbours"] as! [[String: Any]]
        #expect(neighbours.map { $0["code"] as! String } == expected.map(\.0))
        #expect(abs((neighbours[0]["distance"] as! Double) - expected.first!.1) < 1e-9)

        // The same file chooses the group peers in a report.
        let report = try await CLIRunner().run([
            "report", "Westervoort", "--indicators", "jeugd.hulp", "--year", "2025", "--against", "peers", "--traits",
            good.path, "--format", "markdown", "--locale", "en", "--cache-dir", CLIRunner.loadedCache,
        ])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Westervoort: 3 nearest neighbours, found on inhabitants, inhabitants per km²"))

        let bad = folder.appendingPathComponent("bad.yaml")
        try "traits:\n  - population\n  - trait: sunshine\n    weight: -1\n".write(to: bad, atomically: true, encoding: .utf8)
        result = try await CLIRunner().run([
            "peers", "Westervoort", "--traits", bad.path, "--cache-dir", CLIRunner.loadedCache,
        ])
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.yaml:4: \"weight\" must be a number above 0"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
