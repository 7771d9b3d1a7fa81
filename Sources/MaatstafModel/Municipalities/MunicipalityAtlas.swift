public import MaatstafCore
public import MaatstafStore

/// Everything maatstaf knows about who is who: the directory of names and each year's profiles.
public struct MunicipalityAtlas: Sendable {
    public let directory: MunicipalityDirectory
    /// Year → code → profile.
    private let profilesByYear: [Int: [String: MunicipalityProfile]]

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
        self.init(directory: directory, profiles: profiles)
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
        guard let profiles = profilesByYear[year] else {
            throw ModelError(
                .yearNotAvailable, subject: String(year), reason: "no municipality classes for this year",
                hint: "Available years: \(years.map(String.init).joined(separator: ", "))")
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
