import Foundation
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafStore
import MaatstafTestServer
import Testing

/// The engine on the real embedded snapshot, against values computed independently from the raw Iv3 CSVs.
@Suite("Comparison engine on the real Iv3 data")
struct ComparisonEngineTests {
    static let store = try! Store(path: LoadedStore.copy())
    static let atlas = try! MunicipalityAtlas(store: store)
    static let regions = try! UserRegionCatalog(folder: RepositoryFixtures.regions, directory: atlas.directory)
    static let engine = ComparisonEngine(source: store, atlas: atlas, regions: regions)
    static let catalog = try! IndicatorCatalog(store: store)
    static let raw2023 = try! RawIv3("iv3/2023_jaarrekening.csv")
    static let raw2025 = try! RawIv3("iv3/2025_begroting.csv")
    static let rawBudget2023 = try! RawIv3("iv3/2023_begroting.csv")

    func municipalities(_ names: [String]) throws -> [Municipality] {
        try names.map { try Self.atlas.directory.resolve($0) }
    }

    @Test(
        "household help 2023 (iv3.6.71a.lasten): values, national, province and size class to the cent",
        arguments: ["Westervoort", "Duiven", "Steenwijkerland", "Zevenaar", "Buren"])
    func householdHelp2023(_ name: String) throws {
        let indicator = try Self.catalog.indicator("iv3.6.71a.lasten")
        let comparison = try Self.engine.compare(
            indicator, year: 2023, municipalities: try municipalities([name]),
            against: [.builtIn(.national), .builtIn(.province), .builtIn(.sizeClass)])
        let raw = Self.raw2023
        let own = raw.municipalities[name]!
        let result = comparison.municipalities[0]
        #expect(sameCent(result.observation.value, raw.rate(name, ["6.71a"])))
        // A generic indicator keeps a reported 0 as a value; a municipality without a delivery is in no group.
        let national = raw.groupRate(["6.71a"]) { $0.delivered }
        let province = raw.groupRate(["6.71a"]) { $0.delivered && $0.province == own.province }
        let size = raw.groupRate(["6.71a"]) { $0.delivered && $0.sizeClass == own.sizeClass }
        #expect(sameCent(result.references[0].summary.rate, national))
        #expect(sameCent(result.references[1].summary.rate, province))
        #expect(sameCent(result.references[2].summary.rate, size))
        // The gap: (rate − group rate) × population, in euros.
        let expectedGap = (raw.rate(name, ["6.71a"]) - national) * own.population
        #expect(sameCent(result.references[0].gap, expectedGap))
        #expect(sameCent(result.references[0].difference, raw.rate(name, ["6.71a"]) - national))
        // The average municipality and the median, from every municipality's own rate.
        let rates = raw.memberRates(["6.71a"]) { $0.delivered }.sorted()
        #expect(rates.count == 341)  // 342 municipalities, Vijfheerenlanden without a delivery (SOURCES.md §11)
        #expect(sameCent(result.references[0].summary.distribution?.mean, rates.reduce(0, +) / Double(rates.count)))
        #expect(sameCent(result.references[0].summary.distribution?.median, rates[170]))
        // Rank 1 = highest.
        #expect(result.rank == rates.filter { $0 > raw.rate(name, ["6.71a"]) }.count + 1)
        #expect(result.rankedCount == 341)
    }

    @Test(
        "every municipality against every built-in group at once: each group is the resolver's, its figures those of its members, province and size class to the cent from the raw file"
    )
    func everyMunicipalityEveryGroup() throws {
        let indicator = try Self.catalog.indicator("iv3.6.71a.lasten")
        let data = try Self.engine.data(indicator, year: 2023)
        let all = try Self.atlas.profiles(year: 2023).values.map(\.municipality).sorted { $0.code < $1.code }
        let groups = PeerGroupKind.allCases.map { PeerGroup.builtIn($0) }
        let comparison = try Self.engine.compare(data, municipalities: all, against: groups)
        #expect(comparison.municipalities.map(\.profile.code) == all.map(\.code))
        let raw = Self.raw2023
        var checkedAgainstRaw = 0
        for (municipality, result) in zip(all, comparison.municipalities) {
            #expect(result.observation == data.observations[municipality.code])
            for (group, reference) in zip(groups, result.references) {
                // The group as the resolver names it by code, and its figures summed over those members by code.
                let resolved = try Self.engine.resolver.resolve(group, for: municipality, year: 2023)
                #expect(reference.summary.group == resolved)
                #expect(reference.summary == GroupSummary(group: resolved, data: data))
            }
            guard let own = raw.municipalities[municipality.name] else { continue }
            let province = raw.groupRate(["6.71a"]) { $0.delivered && $0.province == own.province }
            let size = raw.groupRate(["6.71a"]) { $0.delivered && $0.sizeClass == own.sizeClass }
            #expect(sameCent(result.references[1].summary.rate, province), "\(municipality.name)")
            #expect(sameCent(result.references[4].summary.rate, size), "\(municipality.name)")
            checkedAgainstRaw += 1
        }
        #expect(checkedAgainstRaw > 300)
    }

    @Test(
        "2023 has accounts and a budget: --kind chooses, the accounts are the default, each to the cent from its own file",
        arguments: ["Westervoort", "Duiven", "Steenwijkerland"])
    func budgetBesideAccounts(_ name: String) throws {
        let indicator = try Self.catalog.indicator("iv3.6.71a.lasten")
        let chosen = try municipalities([name])
        let budget = try Self.engine.compare(
            indicator, year: 2023, kind: .begroting, municipalities: chosen, against: [.builtIn(.national)])
        let accounts = try Self.engine.compare(indicator, year: 2023, municipalities: chosen, against: [.builtIn(.national)])
        #expect(budget.data.document == .begroting)
        #expect(accounts.data.document == .jaarrekening)
        #expect(sameCent(budget.municipalities[0].observation.value, Self.rawBudget2023.rate(name, ["6.71a"])))
        #expect(sameCent(accounts.municipalities[0].observation.value, Self.raw2023.rate(name, ["6.71a"])))
        #expect(
            sameCent(
                budget.municipalities[0].references[0].summary.rate,
                Self.rawBudget2023.groupRate(["6.71a"]) { $0.delivered }))
        // Voorne aan Zee delivered no 2023 budget (its rows are all zeros; SOURCES.md §11): no value, in no group.
        #expect(Self.rawBudget2023.municipalities["Voorne aan Zee"]?.delivered == false)
        let voorne = try Self.atlas.directory.resolve("Voorne aan Zee")
        #expect(budget.data.observations[voorne.code]?.status == .missing(.noDelivery(kind: .begroting, year: 2023)))
        let nationalBudget = budget.municipalities[0].references[0].summary
        #expect(
            nationalBudget.group.members.count - nationalBudget.missing.count
                == Self.rawBudget2023.municipalities.values.filter(\.delivered).count)
        // The series: 2023 budget, 2023 accounts, 2025 budget (oldest first, the budget before the accounts).
        #expect(
            try Self.engine.periods(for: try Self.catalog.indicator("wmo.huishoudelijke-hulp")).map(\.description)
                == ["2023 begroting", "2023 jaarrekening", "2025 begroting"])
        let noAccounts = #expect(throws: CompareError.self) {
            try Self.engine.compare(indicator, year: 2025, kind: .jaarrekening, municipalities: chosen, against: [])
        }
        #expect(noAccounts?.reason.en == "no Iv3 jaarrekening data for 2025 in the store")
    }

    @Test("Westervoort 2023: €133.45 per inhabitant against the Netherlands' €89.69")
    func westervoortHeadline() throws {
        // Expected values from iv3/2023_jaarrekening.csv: Westervoort 6.71a lasten 2017 (× €1,000), 15,114 inhabitants;
        // Nederland 6.71a lasten 1,592,144 (× €1,000), 17,811,291 inhabitants, of whom Vijfheerenlanden's 60,052 belong
        // to a municipality without a delivery (its row is all zeros), so they are not in the national denominator.
        let comparison = try Self.engine.compare(
            try Self.catalog.indicator("iv3.6.71a.lasten"), year: 2023,
            municipalities: try municipalities(["Westervoort"]), against: [.builtIn(.national)])
        #expect(sameCent(comparison.municipalities[0].observation.value, 2_017_000.0 / 15_114))
        #expect(sameCent(comparison.municipalities[0].references[0].summary.rate, 1_592_144_000.0 / (17_811_291 - 60_052)))
    }

    @Test(
        "named indicators map taakvelden across the 2025 layout change",
        arguments: [
            ("wmo.huishoudelijke-hulp", 2023, ["6.71a"]), ("wmo.huishoudelijke-hulp", 2025, ["6.711"]),
            (
                "jeugd.hulp", 2023,
                ["6.72", "6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c"]
            ),
            ("jeugd.hulp", 2025, ["6.751", "6.752", "6.753", "6.761", "6.762", "6.763", "6.792"]),
            ("participatie.inkomen", 2025, ["6.3"]),
        ])
    func namedAcrossLayouts(_ id: String, _ year: Int, _ taakvelden: [String]) throws {
        let raw = year == 2023 ? Self.raw2023 : Self.raw2025
        let names = ["Westervoort", "Duiven", "Montferland", "Oldenzaal", "Houten"]
        let comparison = try Self.engine.compare(
            try Self.catalog.indicator(id), year: year, municipalities: try municipalities(names),
            against: [.builtIn(.national), .userRegion("liemers")])
        let liemers = ["Duiven", "Westervoort", "Zevenaar", "Montferland"]
        for (index, name) in names.enumerated() {
            let result = comparison.municipalities[index]
            #expect(sameCent(result.observation.value, raw.rate(name, taakvelden)), "\(name)")
            // A named indicator over a statutory service: no delivery and nothing booked are both left out.
            #expect(
                sameCent(result.references[0].summary.rate, raw.groupRate(taakvelden) { $0.delivered && $0.books(taakvelden) }))
        }
        let counted = liemers.map { raw.municipalities[$0]! }.filter { $0.delivered && $0.books(taakvelden) }
        let liemersRate =
            counted.reduce(0.0) { $0 + raw.total($1, taakvelden, netto: false) } / counted.reduce(0.0) { $0 + $1.population }
        #expect(sameCent(comparison.municipalities[0].references[1].summary.rate, liemersRate))
        #expect(comparison.data.taakvelden == taakvelden)
    }

    @Test("sociaal-domein.netto is lasten minus baten over all of chapter 6")
    func netto() throws {
        let indicator = try Self.catalog.indicator("sociaal-domein.netto")
        let comparison = try Self.engine.compare(
            indicator, year: 2025, municipalities: try municipalities(["Steenwijkerland"]),
            against: [.builtIn(.national)])
        let codes = Array(Self.raw2025.municipalities["Steenwijkerland"]!.amounts.keys.filter { $0.hasPrefix("6.") })
        #expect(codes.count == 26)
        #expect(
            sameCent(comparison.municipalities[0].observation.value, Self.raw2025.rate("Steenwijkerland", codes, netto: true)))
        #expect(
            sameCent(
                comparison.municipalities[0].references[0].summary.rate,
                Self.raw2025.groupRate(codes, netto: true) { $0.delivered }))
    }

    @Test("every built-in taakveld is in CBS's code list of every year of its layout, and in the embedded Iv3 file")
    func builtInCodesExist() throws {
        // The three layouts by CBS's own lists (SOURCES.md §12): a layout runs to the year before the next one.
        let listed = try Self.store.iv3DefinitionYears()
        #expect(listed == Array(2017...2026))
        var yearsChecked: Set<Int> = []
        for indicator in Self.catalog.named {
            guard case .iv3(_, let layouts) = indicator.numerator else { continue }
            for layout in layouts {
                let last = indicator.iv3LayoutYears(layout).last ?? 2026
                for year in layout.fromYear...last where listed.contains(year) {
                    let official = Set(try Self.store.iv3Definitions(year: year).map(\.taakveld))
                    for code in layout.taakvelden {
                        #expect(official.contains(code), "\(indicator.id): \(code) not in CBS code list \(year)")
                        yearsChecked.insert(year)
                    }
                }
                for (year, kind) in [(2023, Iv3DocumentKind.jaarrekening), (2025, .begroting)]
                where indicator.iv3LayoutCovering(year) == layout {
                    let inFile = Set(try Self.store.iv3Taakvelden(year: year, kind: kind).map(\.taakveld))
                    for code in layout.taakvelden {
                        #expect(inFile.contains(code), "\(indicator.id): \(code) not in the Iv3 file of \(year)")
                    }
                }
            }
        }
        // Every year's list was used by some layout: the three layouts cover 2017–2026 without a gap.
        #expect(yearsChecked == Set(2017...2026))
    }

    @Test("household help, guidance and youth care have no 2017–2022 layout; Wmo maatwerk and youth care in all bridge the three")
    func threeLayouts() throws {
        // SOURCES.md §12: 2017–2022 has 6.71 and 6.72/6.82 but no 6.71a or 6.73a; 6.82 holds residential youth care
        // together with youth protection.
        for id in ["wmo.huishoudelijke-hulp", "wmo.begeleiding", "jeugd.hulp", "jeugd.verblijf", "jeugd.bescherming"] {
            let indicator = try Self.catalog.indicator(id)
            #expect(indicator.iv3Layout(for: 2019) == nil, "\(id)")
            #expect(indicator.iv3LayoutCovering(2019)?.taakvelden == [], "\(id)")
            #expect(indicator.iv3Layout(for: 2023) != nil && indicator.iv3Layout(for: 2025) != nil, "\(id)")
            let broader = try #require(indicator.acrossLayouts)
            #expect(try Self.catalog.indicator(broader).iv3Layout(for: 2019) != nil, "\(id) → \(broader)")
        }
        #expect(try Self.catalog.indicator("wmo.maatwerk").iv3Layout(for: 2019)?.taakvelden == ["6.71"])
        #expect(try Self.catalog.indicator("jeugd.totaal").iv3Layout(for: 2022)?.taakvelden == ["6.72", "6.82"])
        #expect(try Self.catalog.indicator("wmo.huishoudelijke-hulp").iv3Layout(for: 2024)?.taakvelden == ["6.71a"])
    }

    @Test("a definition change between the years in the store is noted")
    func definitionChangeNote() throws {
        let data = try Self.engine.data(try Self.catalog.indicator("wmo.huishoudelijke-hulp"), year: 2025)
        #expect(data.notes.contains(.definitionDiffers(year: 2025, here: ["6.711"], otherYear: 2023, there: ["6.71a"])))
        #expect(data.notes.contains(.budget(year: 2025)))
    }

    @Test("errors: generic indicator outside its layout, year not in the store, dissolved municipality, unfetched CBS table")
    func errors() throws {
        let generic = try Self.catalog.indicator("iv3.6.71a.lasten")
        let layout = #expect(throws: CompareError.self) { try Self.engine.data(generic, year: 2025) }
        #expect(layout?.kind == .yearNotAvailable)
        #expect(layout?.hint.description.contains("wmo.huishoudelijke-hulp") == true)

        let missingYear = #expect(throws: CompareError.self) { try Self.engine.data(generic, year: 2024) }
        #expect(missingYear?.reason.en == "no Iv3 data for 2024 in the store")
        #expect(
            missingYear?.hint.english
                == "Available Iv3 documents: 2023 begroting, 2023 jaarrekening, 2025 begroting; CBS publishes each year's Iv3: \(action: .fetchIv3(year: 2024))"
        )

        let haaren = try Self.atlas.directory.resolve("Haaren")
        let dissolved = #expect(throws: CompareError.self) {
            try Self.engine.compare(generic, year: 2023, municipalities: [haaren], against: [.builtIn(.national)])
        }
        #expect(dissolved?.kind == .municipalityNotAvailable)

        let cbs = try Self.catalog.indicator("wmo.clienten-per-1000")
        let unfetched = #expect(throws: CompareError.self) { try Self.engine.data(cbs, year: 2023) }
        #expect(unfetched?.kind == .tableNotFetched)
        #expect(unfetched?.reason.en.contains("85984NED") == true)

        let unknown = #expect(throws: ModelError.self) { try Self.catalog.indicator("wmo.huishoudelijke-hlup") }
        #expect(unknown?.hint.description.contains("wmo.huishoudelijke-hulp") == true)
    }

    @Test("rank within a user region lists its members, highest first")
    func rankWithin() throws {
        let ranking = try Self.engine.rank(
            try Self.catalog.indicator("jeugd.hulp"), year: 2023,
            within: .userRegion("liemers"), anchor: nil)
        #expect(ranking.entries.count == 4)
        let values = ranking.entries.compactMap(\.observation.value)
        #expect(values == values.sorted(by: >))
        #expect(ranking.entries.map(\.rank) == [1, 2, 3, 4])
    }
}
