import ArgumentParser
import Foundation
import MaatstafApp
import MaatstafCore
import MaatstafModel

struct RegionsCheckCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: ReaderLanguage.text(
                en: "Check every region file; list every problem with its file and line.",
                nl: "Controleer elk regiobestand; noem elk probleem met bestand en regel."),
            discussion: ReaderLanguage.text(
                en: "Exits with 65 when any file has a problem, so it can guard a CI job.",
                nl: "Sluit af met 65 als een bestand een probleem heeft, zodat het een CI-taak kan bewaken."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var language: LocaleOption
    @OptionGroup var data: DataOptions

    func run() async throws {
        // Not Workspace.open: that stops at the first broken region file, and this command lists them all.
        let directory = try MunicipalityDirectory(store: try global.openStoreWithSnapshot())
        let folders = try ProjectPaths.regionsFolders(option: data.regionsFolder)
        let (regions, problems) = UserRegionCatalog.check(folders: folders, directory: directory)
        let folder = UserRegionCatalog.distinct(folders).map(\.path).joined(separator: ", ")
        let nl = ReaderLanguage.current == .nl
        for region in regions {
            try StandardOutput.line(
                "ok      \(region.file): \(region.id) (\(region.members.count) \(nl ? "leden" : "members"))")
        }
        for problem in problems {
            try StandardOutput.line((nl ? "fout    " : "error   ") + problem.text(ReaderLanguage.current))
        }
        try StandardOutput.line(
            nl
                ? "\(regions.count) regio('s) geldig, \(problems.count) probleem/problemen in \(folder)"
                : "\(regions.count) region(s) valid, \(problems.count) problem(s) in \(folder)")
        if !problems.isEmpty { throw ExitCode(ExitStatus.dataError) }
    }
}
