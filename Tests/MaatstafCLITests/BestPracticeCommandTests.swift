import Foundation
import MaatstafTestServer
import Testing

/// `maatstaf best-practice`: the ranking and the improvement computed again from the raw Iv3 files.
@Suite("maatstaf best-practice: best performers and most improved among peers")
struct BestPracticeCommandTests {
    static let youth2023 = ["6.72", "6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c"]
    static let youth2025 = ["6.751", "6.752", "6.753", "6.761", "6.762", "6.763", "6.792"]

    func json(_ arguments: [String]) async throws -> [String: Any] {
        let result = try await CLIRunner().run(
            ["best-practice"] + arguments + [
                "--format", "json", "--cache-dir", CLIRunner.loadedCache, "--regions", RepositoryFixtures.regions.path,
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(object["schema"] as? String == "maatstaf.best-practice/1")
        return object
    }

    @Test("among the Liemers, 2023 accounts: the lowest first with the gap in €; most improved between the budgets")
    func liemers() async throws {
        let object = try await json([
            "--indicator", "jeugd.hulp", "--year", "2023", "--kind", "jaarrekening", "--among", "liemers", "--top", "3",
            "Westervoort",
        ])
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let others = ["Duiven", "Zevenaar", "Montferland"]
        let ranked = others.map { ($0, raw.rate($0, Self.youth2023)) }.sorted { $0.1 < $1.1 }
        let own = raw.rate("Westervoort", Self.youth2023)
        let inhabitants = raw.municipalities["Westervoort"]!.population
        let best = object["best"] as! [[String: Any]]
        #expect(best.map { $0["name"] as! String } == ranked.map(\.0))
        for (entry, (_, rate)) in zip(best, ranked) {
            #expect(sameCent(entry["value"] as? Double, rate))
            #expect(sameCent(entry["gap"] as? Double, (own - rate) * inhabitants))
        }
        #expect(object["directionAssumed"] as? Bool == true)
        // The store has two budgets (2023, 2025) and one set of accounts: the improvement is between the budgets.
        let budget2023 = try RawIv3("iv3/2023_begroting.csv")
        let budget2025 = try RawIv3("iv3/2025_begroting.csv")
        let changes = others.map { name -> (String, Double) in
            let from = budget2023.rate(name, Self.youth2023)
            let to = budget2025.rate(name, Self.youth2025)
            return (name, (to - from) / from * 100)
        }.sorted { $0.1 < $1.1 }
        let improved = object["mostImproved"] as! [String: Any]
        #expect(improved["from"] as? String == "2023 begroting")
        #expect(improved["to"] as? String == "2025 begroting")
        let entries = improved["entries"] as! [[String: Any]]
        #expect(entries.map { $0["name"] as! String } == changes.map(\.0))
        for (entry, (_, change)) in zip(entries, changes) {
            #expect(abs((entry["changePercent"] as! Double) - change) < 1e-9)
        }
        #expect((improved["cautions"] as! [String]).contains("budget"))
        #expect((improved["cautions"] as! [String]).contains("definition-changed-2023-2025"))
    }

    @Test("by default among the nearest neighbours: every one named is a neighbour")
    func amongPeers() async throws {
        let object = try await json(["--indicator", "jeugd.hulp", "--year", "2025", "Westervoort"])
        let neighbours = Set(
            PeersCommandTests.neighbours(of: "GM0293", traits: try PeersCommandTests.rawTraits(), count: 15).map(\.0))
        let best = object["best"] as! [[String: Any]]
        #expect(best.count == 5)
        #expect(best.allSatisfy { neighbours.contains($0["code"] as! String) })
        let values = best.map { $0["value"] as! Double }
        #expect(values == values.sorted())
        #expect(best.allSatisfy { ($0["cautions"] as! [String]).contains("budget") })
        // The outlier caution: outside Tukey's fences over every municipality's 2025 budget rate.
        let raw = try RawIv3("iv3/2025_begroting.csv")
        let rates = raw.memberRates(Self.youth2025) { $0.delivered && $0.books(Self.youth2025) }
        let q1 = RegionCommandTests.quartile(rates, 0.25)
        let q3 = RegionCommandTests.quartile(rates, 0.75)
        for entry in best {
            let value = entry["value"] as! Double
            let outside = value < q1 - 1.5 * (q3 - q1) || value > q3 + 1.5 * (q3 - q1)
            #expect(((entry["cautions"] as! [String]).contains("outlier")) == outside, "\(entry)")
        }
    }

    @Test("an unknown group names the known ones")
    func unknownGroup() async throws {
        let result = try await CLIRunner().run([
            "best-practice", "--indicator", "jeugd.hulp", "--among", "buurgemeenten", "Westervoort", "--cache-dir",
            CLIRunner.loadedCache,
        ])
        #expect(result.status == 65)
        #expect(result.stderr.contains("buurgemeenten: is neither a built-in group nor a region"))
        #expect(result.stderr.contains("peers"))
    }
}
