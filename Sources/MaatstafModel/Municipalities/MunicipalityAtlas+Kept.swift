import Foundation
import MaatstafCore
public import MaatstafStore

/// The atlas kept in the store as one value: the next process reads it in one query and decodes it, instead of reading
/// six tables row by row, folding every name and putting fetched years together again (about 3.5 ms of a warm
/// `compare`, measured with perf). The store says when a kept atlas is no longer current (`Store+DerivedValues`).
extension MunicipalityAtlas {
    /// The name the atlas is kept under in the store.
    static let keptName = "municipality-atlas"

    /// The atlas of `store`: the one kept in it when it was made by this `build` from the store as it is now;
    /// otherwise made from the rows (as `init(store:)`) and kept for the next process. Without a build identity
    /// nothing is kept. An atlas that cannot be made (an error) is never kept, so the error comes again.
    public static func kept(in store: Store, build: String?) throws -> MunicipalityAtlas {
        guard let build else { return try MunicipalityAtlas(store: store) }
        if let body = try store.derivedValue(keptName, build: build), let atlas = try? MunicipalityAtlas(compact: body) {
            return atlas
        }
        // The generation is read before the rows: if the store changes while they are read, the value is not kept.
        let generation = try store.dataGeneration()
        let atlas = try MunicipalityAtlas(store: store)
        store.keepDerivedValue(keptName, build: build, generation: generation, body: atlas.compact())
        return atlas
    }

    /// The atlas in `CompactWriter`'s format. Dictionaries are written in key order, so the same atlas gives the same
    /// bytes.
    func compact() -> Data {
        var writer = CompactWriter()
        writer.array(directory.byCode.values.sorted { $0.code < $1.code }) { writer, municipality in
            writer.string(municipality.code)
            writer.string(municipality.name)
            writer.bool(municipality.isCurrent)
            writer.int(municipality.lastYear)
            writer.region(municipality.province)
            writer.region(municipality.corop)
            writer.region(municipality.labourMarketRegion)
        }
        writer.array(directory.codesByKey.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            writer.array(entry.value.sorted()) { $0.string($1) }
        }
        writer.array(directory.spellingByKey.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            writer.string(entry.value)
        }
        let profiles = profilesByYear.sorted { $0.key < $1.key }.flatMap { $0.value.values.sorted { $0.code < $1.code } }
        writer.array(profiles) { writer, profile in
            writer.string(profile.code)
            writer.int(profile.year)
            writer.string(profile.province)
            writer.string(profile.sizeClass.rawValue)
            writer.int(profile.urbanity.rawValue)
            writer.int(profile.population)
            writer.string(profile.source)
            writer.region(profile.corop)
            writer.region(profile.labourMarketRegion)
            writer.optional(profile.youthCareRegion) { $0.region($1) }
        }
        writer.array(traits.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            writer.optional(entry.value.density) { $0.double($1) }
            writer.optional(entry.value.centreFunction) { $0.string($1) }
            writer.optional(entry.value.centreFunctionRank) { $0.double($1) }
            writer.optional(entry.value.socialStructure) { $0.string($1) }
            writer.optional(entry.value.socialStructureRank) { $0.double($1) }
        }
        writer.array(traitSources) { $0.string($1) }
        writer.array(derivations.sorted { $0.key < $1.key }) { writer, entry in
            writer.int(entry.key)
            writer.string(entry.value.populationTable)
            writer.optional(entry.value.regionsTable) { $0.string($1) }
            writer.int(entry.value.classesFrom)
        }
        writer.array(regionsTables.sorted { $0.key < $1.key }) { writer, entry in
            writer.int(entry.key)
            writer.string(entry.value)
        }
        writer.array(populationYears) { $0.int($1) }
        writer.yearsOfCodes(incompletePopulation)
        writer.array(borrowedClasses.sorted { $0.key < $1.key }) { writer, entry in
            writer.int(entry.key)
            writer.array(entry.value) { writer, borrowed in
                writer.string(borrowed.code)
                writer.string(borrowed.from)
            }
        }
        writer.yearsOfCodes(withoutClasses)
        writer.bool(knowsFormations)
        return writer.data
    }

    /// The atlas `compact()` wrote; `CompactReader.Malformed` for bytes that do not read as one whole.
    init(compact data: Data) throws {
        var reader = CompactReader(data)
        let municipalities = try reader.array { reader in
            Municipality(
                code: try reader.string(), name: try reader.string(), isCurrent: try reader.bool(),
                lastYear: try reader.int(), province: try reader.region(), corop: try reader.region(),
                labourMarketRegion: try reader.region())
        }
        let byCode = Dictionary(municipalities.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var codesByKey: [String: Set<String>] = [:]
        for (key, codes) in try reader.array({ reader in (try reader.string(), try reader.array { try $0.string() }) }) {
            codesByKey[key] = Set(codes)
        }
        var spellingByKey: [String: String] = [:]
        for (key, spelling) in try reader.array({ reader in (try reader.string(), try reader.string()) }) {
            spellingByKey[key] = spelling
        }
        let directory = MunicipalityDirectory(byCode: byCode, codesByKey: codesByKey, spellingByKey: spellingByKey)
        let profiles = try reader.array { reader in
            guard let municipality = byCode[try reader.string()] else { throw CompactReader.Malformed() }
            let year = try reader.int()
            let province = try reader.string()
            guard let sizeClass = SizeClass(rawValue: try reader.string()),
                let urbanity = Urbanity(rawValue: try reader.int())
            else { throw CompactReader.Malformed() }
            return MunicipalityProfile(
                municipality: municipality, year: year, province: province, sizeClass: sizeClass, urbanity: urbanity,
                population: try reader.int(), source: try reader.string(), corop: try reader.region(),
                labourMarketRegion: try reader.region(), youthCareRegion: try reader.optional { try $0.region() })
        }
        self.init(directory: directory, profiles: profiles)
        for (code, entry) in try reader.array({ reader in
            var traits = StructuralTraits()
            let code = try reader.string()
            traits.density = try reader.optional { try $0.double() }
            traits.centreFunction = try reader.optional { try $0.string() }
            traits.centreFunctionRank = try reader.optional { try $0.double() }
            traits.socialStructure = try reader.optional { try $0.string() }
            traits.socialStructureRank = try reader.optional { try $0.double() }
            return (code, traits)
        }) {
            traits[code] = entry
        }
        traitSources = try reader.array { try $0.string() }
        for (year, derivation) in try reader.array({ reader in
            (
                try reader.int(),
                Derivation(
                    populationTable: try reader.string(), regionsTable: try reader.optional { try $0.string() },
                    classesFrom: try reader.int())
            )
        }) {
            derivations[year] = derivation
        }
        for (year, table) in try reader.array({ reader in (try reader.int(), try reader.string()) }) {
            regionsTables[year] = table
        }
        populationYears = try reader.array { try $0.int() }
        incompletePopulation = try reader.yearsOfCodes()
        for (year, borrowed) in try reader.array({ reader in
            (
                try reader.int(),
                try reader.array { reader in BorrowedClasses(code: try reader.string(), from: try reader.string()) }
            )
        }) {
            borrowedClasses[year] = borrowed
        }
        withoutClasses = try reader.yearsOfCodes()
        knowsFormations = try reader.bool()
        guard reader.isAtEnd else { throw CompactReader.Malformed() }
    }
}

extension CompactWriter {
    fileprivate mutating func region(_ region: Region) {
        string(region.code)
        string(region.name)
    }

    fileprivate mutating func yearsOfCodes(_ values: [Int: [String]]) {
        array(values.sorted { $0.key < $1.key }) { writer, entry in
            writer.int(entry.key)
            writer.array(entry.value) { $0.string($1) }
        }
    }
}

extension CompactReader {
    fileprivate mutating func region() throws -> Region {
        Region(code: try string(), name: try string())
    }

    fileprivate mutating func yearsOfCodes() throws -> [Int: [String]] {
        var values: [Int: [String]] = [:]
        for (year, codes) in try array({ reader in (try reader.int(), try reader.array { try $0.string() }) }) {
            values[year] = codes
        }
        return values
    }
}
