import ArgumentParser
import Foundation
import MaatstafApp
import MaatstafCore
import MaatstafModel
import MaatstafReport

/// `maatstaf municipalities`: who is who, with regions, classes and population.
struct MunicipalitiesCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "municipalities",
            abstract: ReaderLanguage.text(
                en: "List municipalities with their province, COROP, labour-market region, classes and population.",
                nl: "Noem gemeenten met hun provincie, COROP-gebied, arbeidsmarktregio, klassen en inwonertal."),
            discussion: ReaderLanguage.text(
                en: """
                    Names are matched without regard to case or accents; codes may be written GM0293, 0293 or 293.
                    Examples:
                      maatstaf municipalities --search berg
                      maatstaf municipalities --year 2023 --format csv > gemeenten-2023.csv
                      maatstaf municipalities --dissolved --search haaren
                    """,
                nl: """
                    Namen worden gevonden zonder op hoofdletters of accenten te letten; codes mogen GM0293, 0293 of 293 zijn.
                    Voorbeelden:
                      maatstaf municipalities --search berg
                      maatstaf municipalities --year 2023 --format csv > gemeenten-2023.csv
                      maatstaf municipalities --dissolved --search haaren
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var data: DataOptions

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Only municipalities whose name or code contains this text.",
                nl: "Alleen gemeenten waarvan naam of code deze tekst bevat.")))
    var search: String?

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Classification year (default: the latest in the store).",
                nl: "Jaar van de indeling (standaard: het laatste in de opslag).")))
    var year: Int?

    @Flag(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "List dissolved municipalities (merged into others) instead of current ones.",
                nl: "Noem opgeheven gemeenten (opgegaan in andere) in plaats van de huidige.")))
    var dissolved = false

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let atlas = workspace.atlas
        let candidates = search.map { atlas.directory.search($0) } ?? Array(atlas.directory.byCode.values)
        if dissolved {
            let list = candidates.filter { !$0.isCurrent }.sorted { $0.name < $1.name }
            try output.write(
                Listing(
                    dissolvedTable(list), name: output.locale == .nl ? "Opgeheven gemeenten" : "Dissolved municipalities",
                    locale: output.locale, json: list))
            return
        }
        let year = try workspace.year(year)
        let profiles = try atlas.profiles(year: year)
        let list = candidates.compactMap { profiles[$0.code] }.sorted { $0.name < $1.name }
        if list.isEmpty, let search {
            let closest = atlas.directory.closest(to: search).joined(separator: ", ")
            throw ValidationError(
                en: "No municipality in \(year) matches \"\(search)\". "
                    + (closest.isEmpty ? "" : "Closest: \(closest). ") + "Try --dissolved for former municipalities.",
                nl: "Geen gemeente in \(year) past bij \"\(search)\". "
                    + (closest.isEmpty ? "" : "Het dichtst erbij: \(closest). ")
                    + "Probeer --dissolved voor voormalige gemeenten."
            )
        }
        let nl = output.locale == .nl
        var table = Table(columns: [
            .init("code"), .init(nl ? "naam" : "name"), .init(nl ? "provincie" : "province"), .init("COROP"),
            .init(nl ? "arbeidsmarktregio" : "labour-market region"), .init(nl ? "grootteklasse" : "size class"),
            .init(nl ? "stedelijkheid" : "urbanity"), .init(nl ? "inwoners" : "population", .right),
        ])
        table.rows = list.map { profile in
            [
                profile.code, profile.name, profile.province, profile.municipality.corop.name,
                profile.municipality.labourMarketRegion.name, ReportWording.sizeClass(profile.sizeClass, locale: output.locale),
                ReportWording.urbanity(profile.urbanity, locale: output.locale),
                String(profile.population),
            ]
        }
        table.notes = [
            nl
                ? "\(list.count) gemeenten, \(year); inwoners op 1 januari \(year). \(Attribution.cbs)."
                : "\(list.count) municipalities, \(year); population on 1 January \(year). \(Attribution.cbs)."
        ]
        try output.write(Listing(table, name: nl ? "Gemeenten" : "Municipalities", locale: output.locale, json: list))
    }

    private func dissolvedTable(_ list: [Municipality]) -> Table {
        let nl = output.locale == .nl
        var table = Table(columns: [
            .init("code"), .init(nl ? "naam" : "name"), .init(nl ? "laatste jaar" : "last year", .right),
            .init(nl ? "provincie" : "province"), .init("COROP"),
        ])
        table.rows = list.map { [$0.code, $0.name, String($0.lastYear), $0.province.name, $0.corop.name] }
        table.notes = [
            nl
                ? "\(list.count) opgeheven gemeenten. \(Attribution.cbs)."
                : "\(list.count) dissolved municipalities. \(Attribution.cbs)."
        ]
        return table
    }
}
