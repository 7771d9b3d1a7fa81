public import MaatstafCore
public import MaatstafStore

/// Everything maatstaf knows about who is who: the directory of names and each year's profiles.
public struct MunicipalityAtlas: Sendable {
    public let directory: MunicipalityDirectory
    /// Year → code → profile.
    private let profilesByYear: [Int: [String: MunicipalityProfile]]
    /// Years whose population comes from a fetched CBS table and whose other classes from the nearest year with a
    /// class file: year → that year.
    public private(set) var classesYear: [Int: Int] = [:]
    /// The years the fetched population table holds, for advice on what to fetch.
    public private(set) var populationYears: [Int] = []
    /// Fetched years lacking the population of municipalities that existed then: year → their codes. Such a year is
    /// refused rather than compared without them.
    public private(set) var incompletePopulation: [Int: [String]] = [:]

    public init(store: Store) throws {
        let directory = try MunicipalityDirectory(store: store)
        var profiles: [MunicipalityProfile] = []
        for record in try store.municipalityYears() {
            guard let municipality = directory.byCode[record.code] else { continue }
            guard let size = SizeClass(cbs: record.sizeClass), let urbanity = Urbanity(cbs: record.urbanity) else {
                throw ModelError(
                    .yearNotAvailable, subject: record.source,
                    reason: "unknown class \"\(record.sizeClass)\" or \"\(record.urbanity)\" for \(record.code)",
                    hint: "Restore cache/snapshot from git")
            }
            profiles.append(
                MunicipalityProfile(
                    municipality: municipality, year: record.year, province: record.province, sizeClass: size,
                    urbanity: urbanity, population: record.population, source: record.source))
        }
        // Years the class files do not cover, from a fetched population: the size class follows from it, the
        // province and urbanity come from the nearest year with a class file (said wherever they are used).
        let fetched = try PopulationTable(store: store)
        let classYears = Set(profiles.map(\.year))
        var derivedFrom: [Int: Int] = [:]
        var incomplete: [Int: [String]] = [:]
        var byYearAndCode: [Int: [String: MunicipalityProfile]] = [:]
        for profile in profiles { byYearAndCode[profile.year, default: [:]][profile.code] = profile }
        for (year, inhabitants) in fetched.population where !classYears.contains(year) {
            let nearest = classYears.sorted { (abs($0 - year), $0) < (abs($1 - year), $1) }
            guard let used = nearest.first else { continue }
            derivedFrom[year] = used
            // Every municipality of the nearest class year that still existed must have a population.
            let lacking = (byYearAndCode[used] ?? [:]).values.filter { profile in
                inhabitants[profile.code] == nil && (profile.municipality.isCurrent || profile.municipality.lastYear >= year)
            }.map(\.code).sorted()
            if !lacking.isEmpty { incomplete[year] = lacking }
            for (code, population) in inhabitants {
                guard let municipality = directory.byCode[code],
                    let classes = nearest.lazy.compactMap({ byYearAndCode[$0]?[code] }).first
                else { continue }
                profiles.append(
                    MunicipalityProfile(
                        municipality: municipality, year: year, province: classes.province,
                        sizeClass: SizeClass(population: population), urbanity: classes.urbanity,
                        population: population, source: "CBS \(PopulationTable.table)"))
            }
        }
        self.init(directory: directory, profiles: profiles)
        classesYear = derivedFrom
        populationYears = fetched.population.keys.sorted()
        incompletePopulation = incomplete
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
        if let lacking = incompletePopulation[year] {
            let names = lacking.prefix(5).map { directory.byCode[$0]?.name ?? $0 }.joined(separator: ", ")
            let request = PopulationTable.request(years: populationYears.min()!...populationYears.max()!)
            throw ModelError(
                .yearNotAvailable, subject: "CBS \(PopulationTable.table) \(year)",
                reason:
                    "has no population for \(lacking.count) municipalit\(lacking.count == 1 ? "y" : "ies") that existed then (\(names)\(lacking.count > 5 ? ", …" : "")); groups without them would look complete",
                hint: "Fetch the whole population of every municipality for the year: \(action: .fetch(request))")
        }
        guard let profiles = profilesByYear[year] else {
            // The population of a year comes from CBS 03759ned: the fetch that supplies it, with the years already
            // stored (a filtered fetch replaces the stored part).
            let wanted = populationYears + [year]
            let request = PopulationTable.request(years: wanted.min()!...wanted.max()!)
            throw ModelError(
                .yearNotAvailable, subject: String(year),
                reason: "no municipality classes or population for this year",
                hint:
                    "Years with them: \(years.map(String.init).joined(separator: ", ")); the population of \(year) comes from CBS: \(action: .fetch(request))"
            )
        }
        return profiles
    }

    public func profile(_ municipality: Municipality, year: Int) throws -> MunicipalityProfile {
        guard let profile = try profiles(year: year)[municipality.code] else {
            throw ModelError(
                .yearNotAvailable, subject: municipality.name,
                reason: "did not exist as a municipality in \(year)",
                hint: municipality.isCurrent ? "Choose another year" : "It was dissolved after \(municipality.lastYear)")
        }
        return profile
    }
}
