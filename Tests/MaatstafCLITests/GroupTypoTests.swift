import Foundation
import Testing

/// A mistyped region or a province's name: the message names the group meant, and the advice it gives works.
@Suite("Group names a user types")
struct GroupTypoTests {
    @Test("region liemer suggests liemers; rank --within Gelderland points to the province group, which then works")
    func suggestions() async throws {
        let runner = CLIRunner()
        let cache = CLIRunner.loadedCache
        let typo = try await runner.run([
            "region", "liemer", "--indicator", "wmo.huishoudelijke-hulp", "--cache-dir", cache, "--locale", "en",
        ])
        #expect(typo.status == 65)
        #expect(typo.stderr.contains("liemer: is neither a built-in group nor a region"), "\(typo.stderr)")
        #expect(typo.stderr.contains("Did you mean liemers?"))
        let province = try await runner.run([
            "rank", "--indicator", "wmo.huishoudelijke-hulp", "--within", "Gelderland", "--cache-dir", cache, "--locale", "en",
        ])
        #expect(province.status == 65)
        #expect(province.stderr.contains("Gelderland is a province"), "\(province.stderr)")
        // The advice, run as given (the indicator in place of …), answers.
        let advice = try #require(
            province.stderr.range(of: "`maatstaf rank … --within province ").map { province.stderr[$0.upperBound...] })
        let municipality = String(advice.prefix { $0 != "`" })
        let followed = try await runner.run([
            "rank", "--indicator", "wmo.huishoudelijke-hulp", "--within", "province", municipality, "--cache-dir", cache,
        ])
        #expect(followed.status == 0, "\(followed.stderr)")
        #expect(followed.stdout.contains("Gelderland"))
    }
}
