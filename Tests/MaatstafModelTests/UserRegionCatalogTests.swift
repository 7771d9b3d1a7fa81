import Foundation
import MaatstafCore
import MaatstafModel
import MaatstafTestServer
import Testing

@Suite("User region files")
struct UserRegionCatalogTests {
    @Test("the shipped regions: 1stroom and liemers")
    func shipped() throws {
        let catalog = try UserRegionCatalog(folder: RepositoryFixtures.regions, directory: ModelFixtures.directory)
        #expect(catalog.regions.map(\.id) == ["1stroom", "liemers"])
        #expect(catalog.region(id: "1stroom")?.members == ["GM0226", "GM0293"])
        #expect(catalog.region(id: "liemers")?.members == ["GM0226", "GM0293", "GM0299", "GM1955"])
    }

    @Test("members by code and by name, with valid years")
    func codesAndYears() throws {
        let folder = try ModelFixtures.regionFolder([
            "inkoop.yaml": """
            id: inkoop-test
            name: Test purchasing region
            members: [GM0226, den haag, Hengelo]
            from: 2024
            until: 2025
            """
        ])
        let region = try #require(
            try UserRegionCatalog(folder: folder, directory: ModelFixtures.directory).region(id: "inkoop-test"))
        #expect(region.members == ["GM0226", "GM0518", "GM0164"])
        #expect(!region.isValid(in: 2023))
        #expect(region.isValid(in: 2025))
    }

    @Test("an unknown member is reported with file, line and the closest names")
    func unknownMember() throws {
        let folder = try ModelFixtures.regionFolder([
            "bad.yaml": """
            id: bad
            name: Bad
            members:
              - Duiven
              - Westervort
            """
        ])
        let error = #expect(throws: ModelError.self) {
            try UserRegionCatalog(folder: folder, directory: ModelFixtures.directory)
        }
        #expect(error?.kind == .invalidRegionFile)
        #expect(error?.subject == folder.appendingPathComponent("bad.yaml").path + ":5")
        #expect(error?.reason.en.contains("member \"Westervort\" is not a known municipality. Did you mean: Westervoort") == true)
    }

    @Test("invalid YAML is reported with its line")
    func invalidYAML() throws {
        let folder = try ModelFixtures.regionFolder(["broken.yaml": "id: x\nname: [unclosed\nmembers: []\n"])
        let (_, problems) = UserRegionCatalog.check(folders: [folder], directory: ModelFixtures.directory)
        #expect(problems.count == 1)
        #expect(problems[0].en.hasPrefix(folder.appendingPathComponent("broken.yaml").path + ":"))
        #expect(problems[0].en.contains("is not valid YAML"))
    }

    @Test("every problem of a file is listed: missing fields, bad id, unknown key, years reversed, duplicates")
    func manyProblems() throws {
        let folder = try ModelFixtures.regionFolder([
            "a.yaml": "id: Province\nmembrs: [Duiven]\nfrom: 2025\nuntil: 2020\n",
            "b.yaml": "id: twin\nname: One\nmembers: [Duiven, duiven]\n",
            "c.yaml": "id: same\nname: C\nmembers: [Duiven]\n",
            "d.yaml": "id: same\nname: D\nmembers: [Zevenaar]\n",
            "e.yaml": "id: province\nname: E\nmembers: [Zevenaar]\n",
            "f.yaml": "- just\n- a list\n",
        ])
        let (regions, problems) = UserRegionCatalog.check(folders: [folder], directory: ModelFixtures.directory)
        func problemsIn(_ file: String) -> [String] {
            problems.map(\.en).filter { $0.hasPrefix(folder.appendingPathComponent(file).path) }
        }
        #expect(regions.map(\.id) == ["same"])
        let a = problemsIn("a.yaml").joined(separator: "\n")
        #expect(a.contains("unknown key \"membrs\""))
        #expect(a.contains("\"name\" is missing"))
        #expect(a.contains("\"members\" is missing"))
        #expect(a.contains("id \"Province\" may only hold lower-case letters"))
        #expect(a.contains(":4: \"until\" (2020) is before \"from\" (2025)"))
        #expect(problemsIn("b.yaml").first?.contains(":3: member \"duiven\" is listed twice (GM0226)") == true)
        #expect(problemsIn("d.yaml").first?.contains("id \"same\" is already used by") == true)
        #expect(problemsIn("e.yaml").first?.contains("is the name of a built-in peer group") == true)
        #expect(problemsIn("f.yaml").first?.contains("must be a mapping") == true)
    }
}
