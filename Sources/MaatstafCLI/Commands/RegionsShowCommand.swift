import ArgumentParser
import MaatstafApp
import MaatstafCore
import MaatstafModel
import MaatstafReport

struct RegionsShowCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "show",
            abstract: ReaderLanguage.text(
                en: "Show a user region's members, or every group a municipality belongs to.",
                nl: "Toon de leden van een eigen regio, of elke groep waar een gemeente bij hoort."),
            discussion: ReaderLanguage.text(
                en: """
                    Examples:
                      maatstaf regions show liemers
                      maatstaf regions show Westervoort --year 2025
                    """,
                nl: """
                    Voorbeelden:
                      maatstaf regions show liemers
                      maatstaf regions show Westervoort --year 2025
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var data: DataOptions

    @Argument(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "A user region id, or a municipality (name or code).",
                nl: "Een id van een eigen regio, of een gemeente (naam of code).")))
    var subject: String

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Classification year (default: the latest in the store).",
                nl: "Jaar van de indeling (standaard: het laatste in de opslag).")))
    var year: Int?

    struct Membership: Encodable {
        var municipality: MunicipalityProfile
        var groups: [ResolvedPeerGroup]
    }

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let year = try workspace.year(year)
        let profiles = try workspace.atlas.profiles(year: year)
        let nl = output.locale == .nl
        if let region = workspace.regions.region(id: subject) {
            var table = Table(columns: [
                .init("code"), .init(nl ? "naam" : "name"), .init(nl ? "inwoners" : "population", .right),
            ])
            let members = region.members.map { code in (code, profiles[code]) }
            table.rows = members.map { code, profile in
                [
                    code, profile?.name ?? workspace.atlas.directory.byCode[code]?.name ?? code,
                    profile.map { String($0.population) } ?? (nl ? "in \(year) geen gemeente" : "not a municipality in \(year)"),
                ]
            }
            let total = members.compactMap { $0.1?.population }.reduce(0, +)
            table.notes = [
                nl
                    ? "\(region.name) (\(region.id)), \(year): \(region.members.count) leden, \(total) inwoners op 1 januari."
                    : "\(region.name) (\(region.id)), \(year): \(region.members.count) members, \(total) inhabitants on 1 January.",
                region.description,
                nl
                    ? "Vastgelegd in \(region.file). Inwoners: \(Attribution.cbs)."
                    : "Defined in \(region.file). Population: \(Attribution.cbs).",
            ].filter { !$0.isEmpty }
            try output.write(Listing(table, name: region.name, locale: output.locale, json: region))
            return
        }
        if PeerGroupKind(rawValue: subject.lowercased()) != nil || subject.lowercased() == "amr" {
            throw ValidationError(
                en: "\"\(subject)\" is a built-in group that depends on the municipality; "
                    + "give a municipality instead, e.g. `maatstaf regions show Westervoort`.",
                nl: "\"\(subject)\" is een ingebouwde groep die van de gemeente afhangt; "
                    + "geef in plaats daarvan een gemeente, bijvoorbeeld `maatstaf regions show Westervoort`.")
        }
        let municipality = try workspace.atlas.directory.resolve(subject)
        let profile = try workspace.atlas.profile(municipality, year: year)
        let groups =
            PeerGroup.standard + workspace.regions.regions(containing: municipality.code, year: year).map { .userRegion($0.id) }
        let resolved = try groups.map { try workspace.resolver.resolve($0, for: municipality, year: year) }
        var table = Table(columns: [
            .init(nl ? "groep" : "group"), .init(nl ? "gebied" : "region"), .init("code"),
            .init(nl ? "leden" : "members", .right),
        ])
        table.rows = resolved.map {
            [
                $0.group.description, ReportWording.groupLabel($0, locale: output.locale), $0.code ?? "",
                String($0.members.count),
            ]
        }
        table.notes = [
            nl
                ? "\(municipality.name) (\(municipality.code)), \(year): \(profile.population) inwoners op 1 januari \(year)."
                : "\(municipality.name) (\(municipality.code)), \(year): \(profile.population) inhabitants on 1 January \(year).",
            nl
                ? "Klassen en inwoners: \(profile.source); COROP en arbeidsmarktregio: regions/municipalities.csv (één indeling voor alle jaren)."
                : "Classes and population: \(profile.source); COROP and labour-market region: regions/municipalities.csv (one classification for all years).",
            Attribution.cbs + ".",
        ]
        try output.write(
            Listing(
                table, name: profile.name, locale: output.locale,
                json: Membership(municipality: profile, groups: resolved)))
    }
}
