import Foundation
import MaatstafCore
import MaatstafModel
import MaatstafTestServer
import Testing

@Suite("Peer groups for a municipality and a year")
struct PeerGroupTests {
    let regions = try! UserRegionCatalog(folder: RepositoryFixtures.regions, directory: ModelFixtures.directory)

    var resolver: PeerGroupResolver { PeerGroupResolver(atlas: ModelFixtures.atlas, regions: regions) }

    @Test("Westervoort 2025: Gelderland, Arnhem/Nijmegen, Midden-Gelderland, its classes, 1stroom and liemers")
    func westervoort() throws {
        let westervoort = try ModelFixtures.directory.resolve("Westervoort")
        let profile = try ModelFixtures.atlas.profile(westervoort, year: 2025)
        // classes/gemeenteklassen_2025.tsv: Westervoort	Gelderland	10000tot20000inwoners	Matigstedelijk	15202
        #expect(profile.population == 15202)
        #expect(profile.sizeClass == .from10000)
        #expect(profile.urbanity == .moderatelyUrban)

        let classRows = try RepositoryFixtures.simpleRows("classes/gemeenteklassen_2025.tsv", separator: "\t").dropFirst()
        let province = try resolver.resolve(.builtIn(.province), for: westervoort, year: 2025)
        #expect(province.label == "Gelderland")
        #expect(province.code == "PV25")
        #expect(province.members.count == classRows.filter { $0[1] == "Gelderland" }.count)
        let size = try resolver.resolve(PeerGroup(parsing: "size-class"), for: westervoort, year: 2025)
        #expect(size.members.count == classRows.filter { $0[2] == "10000tot20000inwoners" }.count)
        let urbanity = try resolver.resolve(PeerGroup(parsing: "urbanity"), for: westervoort, year: 2025)
        #expect(urbanity.members.count == classRows.filter { $0[3] == "Matigstedelijk" }.count)

        let corop = try resolver.resolve(PeerGroup(parsing: "corop"), for: westervoort, year: 2025)
        #expect(corop.label == "Arnhem/Nijmegen")
        #expect(corop.code == "CR15")
        let mapping = String(decoding: try RepositoryFixtures.snapshotFile("regions/municipalities.csv"), as: UTF8.self)
        let coropMembers = mapping.split(separator: "\n").filter { $0.contains(",2026,CR15,") }.count
        #expect(corop.members.count == coropMembers)
        let amr = try resolver.resolve(PeerGroup(parsing: "amr"), for: westervoort, year: 2025)
        #expect(amr.label == "Midden-Gelderland")
        #expect(amr.group == .builtIn(.labourMarketRegion))

        let national = try resolver.resolve(.builtIn(.national), for: westervoort, year: 2025)
        #expect(national.members.count == 342)

        #expect(regions.regions(containing: westervoort.code, year: 2025).map(\.id) == ["1stroom", "liemers"])
        let liemers = try resolver.resolve(PeerGroup(parsing: "liemers"), for: westervoort, year: 2025)
        #expect(liemers.members == ["GM0226", "GM0293", "GM0299", "GM1955"])
    }

    @Test("an unknown group lists the known ones")
    func unknownGroup() throws {
        let westervoort = try ModelFixtures.directory.resolve("Westervoort")
        let error = #expect(throws: ModelError.self) {
            try resolver.resolve(PeerGroup(parsing: "achterhoek"), for: westervoort, year: 2025)
        }
        #expect(error?.kind == .unknownPeerGroup)
        #expect(error?.hint.description.contains("1stroom") == true)
    }

    @Test("a year without classes names the years there are and the fetch that supplies its population")
    func missingYear() throws {
        let error = #expect(throws: ModelError.self) { try ModelFixtures.atlas.profiles(year: 2024) }
        let request = PopulationTable.request(years: 2024...2024)
        #expect(
            error?.hint.english
                == "Years with them: 2023, 2025; the population of 2024 comes from CBS: \(action: .fetch(request))")
        #expect(request.selection == ["Geslacht": ["T001038"], "BurgerlijkeStaat": ["T001019"], "Leeftijd": ["10000"]])
    }
}
