import ArgumentParser
import Foundation
import MaatstafCore
import MaatstafModel

struct RegionsCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every region file; list every problem with its file and line.",
        discussion: "Exits with 65 when any file has a problem, so it can guard a CI job.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var language: LocaleOption
    @OptionGroup var data: DataOptions

    func run() async throws {
        // Not Workspace.open: that stops at the first broken region file, and this command lists them all.
        let directory = try MunicipalityDirectory(store: try global.openStoreWithSnapshot())
        let folder = ProjectPaths.regionsFolder(option: data.regionsFolder)
        let (regions, problems) = UserRegionCatalog.check(folder: folder, directory: directory)
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
                ? "\(regions.count) regio('s) geldig, \(problems.count) probleem/problemen in \(folder.path)"
                : "\(regions.count) region(s) valid, \(problems.count) problem(s) in \(folder.path)")
        if !problems.isEmpty { throw ExitCode(ExitStatus.dataError) }
    }
}
