public import Foundation
public import MaatstafCore
import MaatstafFetch
public import MaatstafModel
import MaatstafSources
public import MaatstafStore

/// The municipal fund's circulaires: read from the store and checked against the municipalities of their year,
/// imported from a folder of BZK's files (`maatstaf fund import`). What `maatstaf fund` computes allocations from.
public struct FundAllocations: Sendable {
    public let store: Store
    public let atlas: MunicipalityAtlas

    public init(store: Store, atlas: MunicipalityAtlas) {
        self.store = store
        self.atlas = atlas
    }

    /// The circulaires in the store, oldest first, with where each came from.
    public func list() throws -> [(id: String, origin: String)] { try store.fundCirculaires() }

    /// A circulaire from the store, checked; an unknown id is an error naming the ones there are.
    public func circulaire(_ id: String) throws -> FundCirculaire {
        let known = try store.fundCirculaires().map(\.id)
        guard known.contains(id) else {
            throw FundRefused(
                subject: id,
                reason: .en("is no circulaire in the store", nl: "is geen circulaire in de opslag"),
                hint: .en("Circulaires: \(known.joined(separator: ", "))", nl: "Circulaires: \(known.joined(separator: ", "))"))
        }
        return try checked(id, files: try store.fundFiles(id), place: id)
    }

    /// The files a circulaire was read from, with their sha256, by name.
    public func files(_ id: String) throws -> [(name: String, sha256: String)] {
        try store.fundFiles(id).map { ($0.key, SHA256.hex($0.value)) }.sorted { $0.name < $1.name }
    }

    /// Reads the circulaire in `folder` (its `GF_<C>_*.csv` files and `Uitkeringsfactor.csv`), checks it whole and
    /// stores it; nothing is stored when anything is wrong. Returns the circulaire and whether an earlier import of it
    /// was replaced.
    public func importFolder(_ folder: URL) throws -> (circulaire: FundCirculaire, replaced: Bool) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let ids = Set(
            names.compactMap { name -> String? in
                guard name.hasPrefix("GF_"), name.hasSuffix("_Gewichten.csv") else { return nil }
                return String(name.dropFirst(3).dropLast("_Gewichten.csv".count))
            }
        ).sorted()
        guard ids.count == 1, let id = ids.first else {
            throw FundRefused(
                subject: folder.path,
                reason: ids.isEmpty
                    ? .en("has no GF_<circulaire>_Gewichten.csv", nl: "heeft geen GF_<circulaire>_Gewichten.csv")
                    : .en(
                        "holds several circulaires (\(ids.joined(separator: ", ")))",
                        nl: "bevat meerdere circulaires (\(ids.joined(separator: ", ")))"),
                hint: .en(
                    "Give a folder with one circulaire's GF_<C>_Gewichten.csv, GF_<C>_Volumina.csv, GF_<C>_SIUDU.csv and Uitkeringsfactor.csv",
                    nl:
                        "Geef een map met van één circulaire GF_<C>_Gewichten.csv, GF_<C>_Volumina.csv, GF_<C>_SIUDU.csv en Uitkeringsfactor.csv"
                ))
        }
        var files: [String: Data] = [:]
        for name in FundCirculaireFiles.names(id) {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) {
                files[name] = data
            }
        }
        let circulaire = try checked(id, files: files, place: folder.path)
        let replaced = try store.importFund(id, files: files)
        return (circulaire, replaced)
    }

    /// Parses the files and checks that the circulaire has exactly the municipalities of its year (those of the
    /// nearest earlier year with classes when the snapshot has none for it), by CBS code.
    func checked(_ id: String, files: [String: Data], place: String) throws -> FundCirculaire {
        let parsed = FundCirculaireFiles(id: id, files: files)
        var problems = parsed.problems.map { LocalizedText.en($0.described(.en), nl: $0.described(.nl)) }
        if let circulaire = parsed.circulaire {
            let year = atlas.years.last(where: { $0 <= circulaire.year }) ?? atlas.years.first ?? circulaire.year
            let profiles = try atlas.profiles(year: year)
            let volumes = "GF_\(id)_Volumina.csv"
            for code in profiles.keys.sorted() where circulaire.municipalities[code] == nil {
                problems.append(
                    .en(
                        "\(volumes): has no row for \(profiles[code]!.name) (\(code)), a municipality in \(year)",
                        nl: "\(volumes): heeft geen regel voor \(profiles[code]!.name) (\(code)), een gemeente in \(year)"))
            }
            for code in circulaire.municipalities.keys.sorted() where profiles[code] == nil {
                let name = circulaire.municipalities[code]!.fundName
                problems.append(
                    .en(
                        "\(volumes): \(name) (\(code)) was no municipality in \(year)",
                        nl: "\(volumes): \(name) (\(code)) was in \(year) geen gemeente"))
            }
            if problems.isEmpty { return circulaire }
        }
        throw FundRefused(
            subject: place,
            reason: .en(
                "has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n  "
                    + problems.map(\.en).joined(separator: "\n  "),
                nl: "heeft \(problems.count) \(problems.count == 1 ? "probleem" : "problemen"):\n  "
                    + problems.map(\.nl).joined(separator: "\n  ")),
            hint: .en(
                "Fix the files and import them again; nothing was stored (format: docs/need.md)",
                nl: "Verbeter de bestanden en lees ze opnieuw in; er is niets opgeslagen (indeling: docs/need.md)"))
    }
}

/// A circulaire that cannot be used or imported (exit 65).
public struct FundRefused: MaatstafError {
    public var subject: String
    public var reason: LocalizedText
    public var hint: Advice
    public var category: ErrorCategory { .badInput }
}
