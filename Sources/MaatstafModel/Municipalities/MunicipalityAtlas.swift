public import MaatstafCore
public import MaatstafStore

/// Everything maatstaf knows about who is who: the directory of names and each year's profiles.
public struct MunicipalityAtlas: Sendable, Equatable {
    public let directory: MunicipalityDirectory
    /// Year → code → profile.
    let profilesByYear: [Int: [String: MunicipalityProfile]]
    /// How a year the class files do not cover was put together from fetched CBS tables.
    public struct Derivation: Sendable, Equatable {
        /// The table the population comes from (03759ned, or the year's "Gebieden in Nederland").
        public var populationTable: String
        /// The year's "Gebieden in Nederland", when fetched: provinces, COROP and labour-market regions.
        public var regionsTable: String?
        /// The nearest year with a class file: urbanity (and without `regionsTable`, the province) come from it.
        public var classesFrom: Int
    }

    /// Code → density and gemeentefonds classes (the snapshot's trait files); empty when the store has none.
    public internal(set) var traits: [String: StructuralTraits] = [:]
    /// The files the traits come from.
    public internal(set) var traitSources: [String] = []

    /// Years put together from fetched tables: year → how.
    public internal(set) var derivations: [Int: Derivation] = [:]
    /// Years with a fetched "Gebieden in Nederland": year → its table (its COROP and labour-market regions are used,
    /// also in years with a class file).
    public internal(set) var regionsTables: [Int: String] = [:]
    /// The years the fetched population table holds, for advice on what to fetch.
    public internal(set) var populationYears: [Int] = []
    /// Fetched years lacking the population of municipalities that existed then: year → their codes. Such a year is
    /// refused rather than compared without them.
    public internal(set) var incompletePopulation: [Int: [String]] = [:]
    /// A municipality of a fetched year that was dissolved since, and the one whose urbanity it takes (the one it went
    /// into, which has a class file).
    public struct BorrowedClasses: Sendable, Equatable {
        public var code: String
        public var from: String

        public init(code: String, from: String) {
            self.code = code
            self.from = from
        }
    }
    /// Fetched year → the municipalities that take the classes of their successor.
    public internal(set) var borrowedClasses: [Int: [BorrowedClasses]] = [:]
    /// Fetched year → municipalities in its population that maatstaf has no classes for (dissolved since, and CBS's
    /// record of mergers not fetched): such a year is refused rather than compared without them.
    public internal(set) var withoutClasses: [Int: [String]] = [:]
    /// Whether CBS's record of mergers is in the store (it tells which municipalities were formed after a year).
    public internal(set) var knowsFormations = false

    public init(store: Store) throws {
        let directory = try MunicipalityDirectory(store: store)
        var profiles: [MunicipalityProfile] = []
        // A handful of distinct class texts, each read once (folding the text for every row was a twentieth of a
        // warm `compare`).
        var sizes: [String: SizeClass?] = [:]
        var urbanities: [String: Urbanity?] = [:]
        for record in try store.municipalityYears() {
            guard let municipality = directory.byCode[record.code] else { continue }
            let size = sizes[record.sizeClass] ?? SizeClass(cbs: record.sizeClass)
            let urbanity = urbanities[record.urbanity] ?? Urbanity(cbs: record.urbanity)
            sizes[record.sizeClass] = size
            urbanities[record.urbanity] = urbanity
            guard let size, let urbanity else {
                throw ModelError(
                    .yearNotAvailable, subject: record.source,
                    reason: .en(
                        "unknown class \"\(record.sizeClass)\" or \"\(record.urbanity)\" for \(record.code)",
                        nl: "onbekende klasse \"\(record.sizeClass)\" of \"\(record.urbanity)\" voor \(record.code)"),
                    hint: .en("Restore cache/snapshot from git", nl: "Zet cache/snapshot terug uit git"))
            }
            profiles.append(
                MunicipalityProfile(
                    municipality: municipality, year: record.year, province: record.province, sizeClass: size,
                    urbanity: urbanity, population: record.population, source: record.source))
        }
        // The year's own COROP and labour-market regions where its "Gebieden in Nederland" is fetched.
        let areas = try AreaClassification(store: store)
        profiles = profiles.map { profile in
            guard let entry = areas.years[profile.year]?[profile.code] else { return profile }
            var updated = profile
            updated.corop = entry.corop
            updated.labourMarketRegion = entry.labourMarketRegion ?? profile.labourMarketRegion
            return updated
        }
        // Years the class files do not cover, from fetched tables: the population from the year's "Gebieden in
        // Nederland" or from 03759ned, the size class from it; provinces and regions from "Gebieden in Nederland"
        // when fetched; urbanity (and otherwise the province) from the nearest year with a class file. Said wherever
        // such a year is used.
        // The jeugdregio of 2024 for every year (derived from boundaries; see cache/snapshot/PROVENANCE.md).
        var youthCare: [String: Region] = [:]
        for record in try store.municipalityAreas() where record.kind == "jeugdregio" {
            youthCare[record.code] = Region(code: record.areaCode, name: record.areaName)
        }
        profiles = profiles.map { profile in
            var updated = profile
            updated.youthCareRegion = youthCare[profile.code]
            return updated
        }
        let classYears = Set(profiles.map(\.year))
        let fetched = try PopulationTable(store: store, covered: classYears)
        // CBS's record of mergers, when fetched, says which municipalities were formed after a year and where the
        // dissolved ones went: read only when a fetched year is put together (not on every start).
        let derivedYears = Set(fetched.population.keys).union(areas.years.keys).subtracting(classYears).sorted()
        let mergers = derivedYears.isEmpty ? nil : try store.mergerHistory()
        var derivations: [Int: Derivation] = [:]
        var incomplete: [Int: [String]] = [:]
        var borrowed: [Int: [BorrowedClasses]] = [:]
        var unclassified: [Int: [String]] = [:]
        var byYearAndCode: [Int: [String: MunicipalityProfile]] = [:]
        for profile in profiles { byYearAndCode[profile.year, default: [:]][profile.code] = profile }
        for year in derivedYears {
            let nearest = classYears.sorted { (abs($0 - year), $0) < (abs($1 - year), $1) }
            guard let used = nearest.first else { continue }
            let area = areas.years[year]
            let ownPopulation = area.map { entries in entries.compactMapValues(\.population) }
            let inhabitants: [String: Int]
            let populationTable: String
            if let ownPopulation, !ownPopulation.isEmpty, ownPopulation.count == area?.count {
                inhabitants = ownPopulation
                populationTable = areas.tables[year]!
            } else if let counted = fetched.population[year] {
                inhabitants = counted
                populationTable = PopulationTable.table
            } else {
                continue  // memberships without a population: the year still needs 03759ned (the error says so)
            }
            derivations[year] = Derivation(
                populationTable: populationTable, regionsTable: areas.tables[year], classesFrom: used)
            // Every municipality that existed then must have a population: those of the year's classification, or
            // else those of the nearest class year that still existed and (CBS's record of mergers, when fetched)
            // had already been formed.
            let expected =
                area.map { Array($0.keys) }
                ?? (byYearAndCode[used] ?? [:]).values.filter {
                    ($0.municipality.isCurrent || $0.municipality.lastYear >= year)
                        && (mergers?.firstYear(of: $0.code).map { $0 <= year } ?? true)
                }.map(\.code)
            let lacking = expected.filter { inhabitants[$0] == nil }.sorted()
            if !lacking.isEmpty { incomplete[year] = lacking }
            for (code, population) in inhabitants {
                guard let municipality = directory.byCode[code] else { continue }
                // A municipality dissolved since has no class file of its own: it takes the urbanity of the one it
                // went into (CBS's record of mergers), said in a note; without that record the year is refused
                // rather than compared without it.
                var classes = nearest.lazy.compactMap({ byYearAndCode[$0]?[code] }).first
                if classes == nil, let mergers {
                    var successor = code
                    for _ in 0..<10 {
                        guard let end = mergers.end(of: successor),
                            let next = end.recipients.max(by: { ($0.inhabitants ?? 0) < ($1.inhabitants ?? 0) })
                        else { break }
                        successor = next.code
                        if let found = nearest.lazy.compactMap({ byYearAndCode[$0]?[successor] }).first {
                            classes = found
                            borrowed[year, default: []].append(.init(code: code, from: successor))
                            break
                        }
                    }
                }
                guard let classes else {
                    unclassified[year, default: []].append(code)
                    continue
                }
                let entry = area?[code]
                let ownProvince = classes.code == code ? classes.province : municipality.province.name
                profiles.append(
                    MunicipalityProfile(
                        municipality: municipality, year: year, province: entry?.province.name ?? ownProvince,
                        sizeClass: SizeClass(population: population), urbanity: classes.urbanity,
                        population: population, source: "CBS \(populationTable)", corop: entry?.corop,
                        labourMarketRegion: entry?.labourMarketRegion, youthCareRegion: youthCare[code]))
            }
        }
        self.init(directory: directory, profiles: profiles)
        self.derivations = derivations
        regionsTables = areas.tables
        populationYears = fetched.population.keys.sorted()
        incompletePopulation = incomplete
        knowsFormations = mergers != nil
        borrowedClasses = borrowed.mapValues { $0.sorted { $0.code < $1.code } }
        for (year, codes) in unclassified { withoutClasses[year] = codes.sorted() }
        var traits: [String: StructuralTraits] = [:]
        var sources: Set<String> = []
        for record in try store.municipalityTraits() {
            var entry = traits[record.code] ?? StructuralTraits()
            switch record.trait {
            case "density": entry.density = record.value
            case "centre-function":
                entry.centreFunction = record.label
                entry.centreFunctionRank = record.value
            case "social-structure":
                entry.socialStructure = record.label
                entry.socialStructureRank = record.value
            default: continue
            }
            traits[record.code] = entry
            sources.insert(record.source)
        }
        self.traits = traits
        traitSources = sources.sorted()
    }

    /// With structural traits (tests build an atlas in memory).
    public func with(traits: [String: StructuralTraits], sources: [String]) -> MunicipalityAtlas {
        var copy = self
        copy.traits = traits
        copy.traitSources = sources
        return copy
    }

    /// From values: a directory and every municipality's profile in every year (tests build one in memory).
    public init(directory: MunicipalityDirectory, profiles: [MunicipalityProfile]) {
        var byYear: [Int: [String: MunicipalityProfile]] = [:]
        for profile in profiles { byYear[profile.year, default: [:]][profile.code] = profile }
        self.directory = directory
        self.profilesByYear = byYear
    }

    /// Years with classes and populations, ascending.
    public var years: [Int] { profilesByYear.keys.sorted() }

    /// Every municipality's profile in `year`, by code; an error naming the available years when there are none.
    public func profiles(year: Int) throws -> [String: MunicipalityProfile] {
        if let codes = withoutClasses[year] {
            let names = codes.prefix(5).map { directory.byCode[$0]?.name ?? $0 }.joined(separator: ", ")
            throw ModelError(
                .yearNotAvailable, subject: "CBS \(derivations[year]?.populationTable ?? PopulationTable.table) \(year)",
                reason: .en(
                    "has \(codes.count) municipalit\(codes.count == 1 ? "y" : "ies") dissolved since (\(names)\(codes.count > 5 ? ", …" : "")) that maatstaf has no classes for; groups without them would look complete",
                    nl:
                        "heeft \(codes.count) sindsdien opgeheven gemeente\(codes.count == 1 ? "" : "n") (\(names)\(codes.count > 5 ? ", …" : "")) waarvoor maatstaf geen klassen heeft; groepen zonder ze zouden volledig lijken"
                ),
                hint: .en(
                    "Fetch CBS's record of mergers, so they take the classes of the municipality they went into: \(action: .fetchMergers)",
                    nl:
                        "Haal het overzicht van herindelingen van CBS op, zodat ze de klassen krijgen van de gemeente waarin ze opgingen: \(action: .fetchMergers)"
                ))
        }
        if let lacking = incompletePopulation[year] {
            let names = lacking.prefix(5).map { directory.byCode[$0]?.name ?? $0 }.joined(separator: ", ")
            let request = PopulationTable.request(years: (populationYears + [year]).min()!...(populationYears + [year]).max()!)
            throw ModelError(
                .yearNotAvailable, subject: "CBS \(derivations[year]?.populationTable ?? PopulationTable.table) \(year)",
                reason: .en(
                    "has no population for \(lacking.count) municipalit\(lacking.count == 1 ? "y" : "ies") that existed then (\(names)\(lacking.count > 5 ? ", …" : "")); groups without them would look complete",
                    nl:
                        "heeft geen inwonertal voor \(lacking.count) gemeente\(lacking.count == 1 ? "" : "n") die toen bestond\(lacking.count == 1 ? "" : "en") (\(names)\(lacking.count > 5 ? ", …" : "")); groepen zonder ze zouden volledig lijken"
                ),
                hint: knowsFormations
                    ? .en(
                        "Fetch the whole population of every municipality for the year: \(action: .fetch(request))",
                        nl: "Haal het hele inwonertal van elke gemeente voor het jaar op: \(action: .fetch(request))")
                    : .en(
                        "If they were formed after \(year), CBS's record of mergers says so: \(action: .fetchMergers); else fetch the whole population of every municipality for the year: \(action: .fetch(request))",
                        nl:
                            "Zijn ze na \(year) ontstaan, dan zegt het overzicht van herindelingen van CBS dat: \(action: .fetchMergers); haal anders het hele inwonertal van elke gemeente voor het jaar op: \(action: .fetch(request))"
                    ))
        }
        guard let profiles = profilesByYear[year] else {
            // The population of a year comes from CBS 03759ned: the fetch that supplies it, with the years already
            // stored (a filtered fetch replaces the stored part).
            let wanted = populationYears + [year]
            let request = PopulationTable.request(years: wanted.min()!...wanted.max()!)
            throw ModelError(
                .yearNotAvailable, subject: String(year),
                reason: .en(
                    "no municipality classes or population for this year",
                    nl: "geen gemeenteklassen of inwonertal voor dit jaar"),
                hint: .en(
                    "Years with them: \(years.map(String.init).joined(separator: ", ")); the population of \(year) comes from CBS: \(action: .fetch(request))",
                    nl:
                        "Jaren met gegevens: \(years.map(String.init).joined(separator: ", ")); het inwonertal van \(year) komt van CBS: \(action: .fetch(request))"
                )
            )
        }
        return profiles
    }

    public func profile(_ municipality: Municipality, year: Int) throws -> MunicipalityProfile {
        guard let profile = try profiles(year: year)[municipality.code] else {
            throw ModelError(
                .yearNotAvailable, subject: municipality.name,
                reason: .en(
                    "did not exist as a municipality in \(year)", nl: "bestond in \(year) niet als gemeente"),
                hint: municipality.isCurrent
                    ? .en("Choose another year", nl: "Kies een ander jaar")
                    : .en(
                        "It was dissolved after \(municipality.lastYear)",
                        nl: "Zij is na \(municipality.lastYear) opgeheven"))
        }
        return profile
    }
}
