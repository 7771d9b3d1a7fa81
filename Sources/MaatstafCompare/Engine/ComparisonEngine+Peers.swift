import Foundation
public import MaatstafCore
public import MaatstafModel

extension ComparisonEngine {
    /// `municipality`'s nearest neighbours in `year` on the traits of `settings` (CIPFA's method: z-scores, weighted
    /// Euclidean distance). An indicator trait whose CBS table is not fetched, or that has no values, is left out and
    /// said; with `strict` (traits the user chose in a file) it is an error instead.
    public func peers(
        of municipality: Municipality, year: Int, settings: PeerSettings, indicators: IndicatorCatalog,
        strict: Bool = false
    ) throws -> PeerSearch {
        let profiles = try atlas.profiles(year: year)
        guard let own = profiles[municipality.code] else {
            throw CompareError(
                .municipalityNotAvailable, subject: municipality.name,
                reason: .en("was not a municipality in \(year)", nl: "was in \(year) geen gemeente"),
                hint: .en("Choose another year", nl: "Kies een ander jaar"))
        }
        let codes = profiles.keys.sorted()
        var columns: [NearestNeighbours.Column] = []
        var shown: [[String: Double]] = []
        var sources: [PeerSearch.TraitSource] = []
        var unavailable: [PeerSearch.UnavailableTrait] = []
        let densitySource = atlas.traitSources.first { $0.contains("85984NED") } ?? "CBS 85984NED"
        let classSource = atlas.traitSources.first { !$0.contains("85984NED") } ?? "gemeentefonds classes (BZK)"
        for weighted in settings.traits {
            var values: [String: Double] = [:]
            var transformed: [String: Double]?
            var source: PeerSearch.TraitSource
            switch weighted.trait {
            case .population:
                for (code, profile) in profiles where profile.population > 0 { values[code] = Double(profile.population) }
                transformed = values.mapValues { log10($0) }
                source = .init(trait: weighted.trait, source: own.source, year: nil)
            case .density:
                for code in codes { if let density = atlas.traits[code]?.density, density > 0 { values[code] = density } }
                transformed = values.mapValues { log10($0) }
                source = .init(trait: weighted.trait, source: densitySource, year: year == 2024 ? nil : 2024)
            case .urbanity:
                for (code, profile) in profiles { values[code] = Double(profile.urbanity.rawValue) }
                source = .init(trait: weighted.trait, source: own.source, year: nil)
            case .centreFunction:
                for code in codes { if let rank = atlas.traits[code]?.centreFunctionRank { values[code] = rank } }
                source = .init(trait: weighted.trait, source: classSource, year: nil)
            case .socialStructure:
                for code in codes { if let rank = atlas.traits[code]?.socialStructureRank { values[code] = rank } }
                source = .init(trait: weighted.trait, source: classSource, year: nil)
            case .indicator(let id):
                let indicator = try indicators.indicator(id)
                let missing = try missingTables(for: indicator)
                if !missing.isEmpty {
                    if strict, let error = try notFetchedError(indicator, year: nil) { throw error }
                    unavailable.append(
                        .init(
                            trait: weighted.trait,
                            reason: .notFetched(tables: missing, fetch: try fetchRequests(for: indicator, year: nil))))
                    continue
                }
                // A trait changes slowly: the nearest year the indicator has stands in for the year asked.
                let years = try self.years(for: indicator)
                guard let nearest = years.min(by: { (abs($0 - year), -$0) < (abs($1 - year), -$1) }) else {
                    unavailable.append(.init(trait: weighted.trait, reason: .tooFewValues))
                    continue
                }
                let data = try data(indicator, year: nearest)
                for (code, observation) in data.observations where profiles[code] != nil {
                    if let value = observation.okValue { values[code] = value }
                }
                source = .init(
                    trait: weighted.trait, source: data.sources.map(\.table).joined(separator: ", "),
                    year: nearest == year ? nil : nearest)
            }
            let column = NearestNeighbours.Column(trait: weighted, values: transformed ?? values)
            let check = NearestNeighbours(columns: [column], codes: codes)
            if let reason = check.unused.first {
                let why: PeerSearch.UnavailableTrait.Reason
                switch reason {
                case .tooFewValues: why = .tooFewValues
                case .noSpread: why = .noSpread
                }
                if strict {
                    throw CompareError(
                        .definitionMismatch, subject: weighted.trait.description,
                        reason: why == .noSpread
                            ? .en(
                                "has the same value for every municipality, so it cannot tell them apart",
                                nl: "heeft voor elke gemeente dezelfde waarde en kan ze dus niet onderscheiden")
                            : .en(
                                "has a value for fewer than two municipalities in the store",
                                nl: "heeft in de opslag een waarde voor minder dan twee gemeenten"),
                        hint: .en(
                            "Leave it out of the traits file, or fetch a table that has its figures",
                            nl: "Laat het weg uit het kenmerkenbestand, of haal een tabel op die de cijfers heeft"))
                }
                unavailable.append(.init(trait: weighted.trait, reason: why))
                continue
            }
            columns.append(column)
            shown.append(values)
            sources.append(source)
        }
        guard !columns.isEmpty else {
            throw CompareError(
                .definitionMismatch, subject: settings.file ?? "peers",
                reason: .en("no trait has values to match on", nl: "geen kenmerk heeft waarden om op te vergelijken"),
                hint: .en(
                    "Choose traits the store has (population, density, centre-function, social-structure, urbanity)",
                    nl: "Kies kenmerken die de opslag heeft (population, density, centre-function, social-structure, urbanity)"))
        }
        let model = NearestNeighbours(columns: columns, codes: codes)
        let candidates = settings.sameProvince ? codes.filter { profiles[$0]?.province == own.province } : nil
        let neighbours = model.nearest(to: own.code, count: settings.count, among: candidates)
        var chosen: [String: MunicipalityProfile] = [own.code: own]
        for neighbour in neighbours { chosen[neighbour.code] = profiles[neighbour.code] }
        return PeerSearch(
            municipality: own, year: year, settings: settings, model: model, neighbours: neighbours, profiles: chosen,
            shown: shown, traitSources: sources, unavailable: unavailable)
    }

    /// This engine with the group `peers` available: each municipality's nearest neighbours in the year compared.
    /// `indicators` is called when a neighbour group is first asked for (an indicator can be a trait).
    public func withPeers(
        _ settings: PeerSettings, indicators: @escaping @Sendable () throws -> IndicatorCatalog, strict: Bool = false
    ) -> ComparisonEngine {
        var engine = self
        let base = self
        // A municipality's neighbours in a year are the same for every indicator: found once per run.
        let found = PeerMemory()
        engine.resolver.peerFinder = { municipality, year in
            try found.group("\(municipality.code)|\(year)") {
                try base.peers(of: municipality, year: year, settings: settings, indicators: indicators(), strict: strict).group
            }
        }
        return engine
    }
}

/// The neighbour groups found in a run, by municipality and year; shared by the engine's copies, so a class with a lock.
final class PeerMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var groups: [String: ResolvedPeerGroup] = [:]

    func group(_ key: String, _ find: () throws -> ResolvedPeerGroup) throws -> ResolvedPeerGroup {
        if let known = lock.withLock({ groups[key] }) { return known }
        let group = try find()
        lock.withLock { groups[key] = group }
        return group
    }
}
