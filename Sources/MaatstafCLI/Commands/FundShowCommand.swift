import ArgumentParser
import Foundation
import MaatstafApp
import MaatstafCore
import MaatstafModel
import MaatstafReport

/// `maatstaf fund [show]`: the allocation of chosen municipalities per cluster in one circulaire.
struct FundShowCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "show",
            abstract: ReaderLanguage.text(
                en: "The allocation per cluster of the chosen municipalities, in euros and per inhabitant.",
                nl: "De uitkering per cluster van de gekozen gemeenten, in euro's en per inwoner."),
            discussion: ReaderLanguage.text(
                en: """
                    Every cluster, or one with --cluster, which also lists each measure's and payment's contribution \
                    (they sum to the allocation). JSON is the contract maatstaf.fund/2 (docs/need.md).

                    Examples:
                      maatstaf fund --circulaire M2024_2025 Westervoort Duiven
                      maatstaf fund --circulaire M2024_2025 --cluster "Individuele voorzieningen Wmo" Westervoort
                      maatstaf fund --circulaire M2024_2025 --format json Westervoort
                    """,
                nl: """
                    Elk cluster, of één met --cluster, dat ook de bijdrage van elke maatstaf en uitkering noemt (samen de \
                    uitkering). JSON is het contract maatstaf.fund/2 (docs/need.md).

                    Voorbeelden:
                      maatstaf fund --circulaire M2024_2025 Westervoort Duiven
                      maatstaf fund --circulaire M2024_2025 --cluster "Individuele voorzieningen Wmo" Westervoort
                      maatstaf fund --circulaire M2024_2025 --format json Westervoort
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataOptions

    /// The circulaire shown: `--circulaire`, which this command needs.
    var circulaire: String { data.circulaire ?? "" }

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "One cluster, by its name (e.g. \"Individuele voorzieningen Wmo\"), with its contributions.",
                nl: "Eén cluster, met zijn naam (bijvoorbeeld \"Individuele voorzieningen Wmo\"), met de bijdragen."),
            valueName: "cluster"))
    var cluster: String?

    @Flag(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "With --cluster: why each municipality's need differs from the Netherlands, per measure per inhabitant.",
                nl: "Met --cluster: waarom de behoefte van elke gemeente verschilt van Nederland, per maatstaf per inwoner.")))
    var why = false

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "With --why: the group to set the need against instead of the Netherlands (province, corop, size-class, a region id …).",
                nl:
                    "Met --why: de groep om de behoefte tegen af te zetten in plaats van Nederland (province, corop, size-class, een regio-id …)."
            ),
            valueName: "group"),
        completion: Completions.groups)
    var against: String?

    @OptionGroup var output: OutputOptions

    @Argument(
        help: ArgumentHelp(ReaderLanguage.text(en: "Municipalities, by name or code.", nl: "Gemeenten, met naam of code.")),
        completion: Completions.municipalities)
    var municipalities: [String]

    func validate() throws {
        if data.circulaire == nil {
            throw ValidationError(
                ReaderLanguage.text(
                    en: "name the circulaire: --circulaire M2024_2025 (`maatstaf fund list` lists them)",
                    nl: "noem de circulaire: --circulaire M2024_2025 (`maatstaf fund list` noemt ze)"))
        }
        if municipalities.isEmpty {
            throw ValidationError(ReaderLanguage.text(en: "name at least one municipality", nl: "noem ten minste één gemeente"))
        }
        if why, cluster == nil {
            throw ValidationError(
                ReaderLanguage.text(
                    en: "--why explains one cluster: add --cluster NAME",
                    nl: "--why verklaart één cluster: voeg --cluster NAAM toe"))
        }
        if against != nil, !why {
            throw ValidationError(
                ReaderLanguage.text(
                    en: "--against sets the need of --why against a group: add --why",
                    nl: "--against zet de behoefte van --why af tegen een groep: voeg --why toe"))
        }
    }

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let fund = FundAllocations(store: workspace.store, atlas: workspace.atlas)
        let circulaire = try fund.circulaire(self.circulaire)
        var clusters = circulaire.clusters
        if let cluster {
            guard let match = circulaire.clusters.first(where: { $0.caseInsensitiveCompare(cluster) == .orderedSame }) else {
                throw InputError(
                    subject: cluster,
                    reason: .en("is no cluster of \(circulaire.id)", nl: "is geen cluster van \(circulaire.id)"),
                    hint: .en(
                        "Clusters: \(circulaire.clusters.joined(separator: ", "))",
                        nl: "Clusters: \(circulaire.clusters.joined(separator: ", "))"))
            }
            clusters = [match]
        }
        let year = workspace.atlas.years.last(where: { $0 <= circulaire.year }) ?? circulaire.year
        let profiles = try workspace.atlas.profiles(year: year)
        let chosen = try municipalities.map { name -> FundReport.Chosen in
            let municipality = try workspace.atlas.directory.resolve(name)
            guard let profile = profiles[municipality.code] else {
                throw InputError(
                    subject: municipality.name,
                    reason: .en("was no municipality in \(circulaire.year)", nl: "was in \(circulaire.year) geen gemeente"),
                    hint: .en("Choose a municipality of that year", nl: "Kies een gemeente van dat jaar"))
            }
            return FundReport.Chosen(code: municipality.code, name: profile.name, population: profile.population)
        }
        var report = FundReport(
            circulaire: circulaire, municipalities: chosen, clusters: clusters, populationYear: year,
            files: try fund.files(circulaire.id), locale: output.locale)
        if why, let cluster = clusters.first {
            // The Netherlands: every municipality of the circulaire, by its inhabitants on 1 January (CBS); a group:
            // its members, resolved for each municipality (its own province, its own size class).
            let population = profiles.filter { circulaire.municipalities[$0.key] != nil }.mapValues(\.population)
            let group = against.map { PeerGroup(parsing: $0) }
            report.why = try chosen.compactMap { chosen in
                guard let group, group != .builtIn(.national) else {
                    return circulaire.needDifference(of: chosen.code, in: cluster, population: population)
                }
                let municipality = try workspace.atlas.directory.resolve(chosen.code)
                let resolved = try workspace.resolver.resolve(group, for: municipality, year: year)
                let members = Set(resolved.members)
                // A reference is never only the municipality itself: its need would be its own, a difference of 0.
                guard members.contains(where: { $0 != chosen.code && population[$0] != nil }) else {
                    throw InputError(
                        subject: resolved.label,
                        reason: .en(
                            "holds no municipality besides \(chosen.name)", nl: "heeft geen andere gemeente dan \(chosen.name)"),
                        hint: .en(
                            "Set the need against a group with other members, or the Netherlands",
                            nl: "Zet de behoefte af tegen een groep met andere leden, of tegen Nederland"))
                }
                return circulaire.needDifference(
                    of: chosen.code, in: cluster, population: population.filter { members.contains($0.key) },
                    reference: resolved)
            }
        }
        try output.write(report)
    }
}
