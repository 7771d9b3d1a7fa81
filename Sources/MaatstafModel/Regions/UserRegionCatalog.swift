public import Foundation
public import MaatstafCore

/// All user regions of a folder (`regions/` or `--regions DIR`), checked as a whole.
public struct UserRegionCatalog: Sendable {
    public let folder: URL
    public let regions: [UserRegion]

    /// Reads every `*.yaml` / `*.yml` file. Any problem in any file fails the whole catalog (naming the first, counting
    /// the rest):
    /// a comparison must never silently run without a region the user defined.
    public init(folder: URL, directory: MunicipalityDirectory) throws {
        self.folder = folder
        let (regions, problems) = Self.collect(folder: folder, directory: directory)
        if let first = problems.first {
            throw ModelError(
                .invalidRegionFile, subject: first.location,
                reason: YAMLReader.first(problems, more: .en("in the region files", nl: "in de regiobestanden")),
                hint: .en(
                    "Fix the file (format: regions/README.md); \(action: .checkRegions) lists every problem",
                    nl: "Verbeter het bestand (indeling: regions/README.md); \(action: .checkRegions) noemt elk probleem"))
        }
        self.regions = regions.sorted { $0.id < $1.id }
    }

    /// Checks every file and returns every problem without throwing (for `maatstaf regions check`).
    public static func check(folder: URL, directory: MunicipalityDirectory) -> (regions: [UserRegion], problems: [LocalizedText])
    {
        let (regions, problems) = collect(folder: folder, directory: directory)
        return (regions, problems.map { .en($0.described(.en), nl: $0.described(.nl)) })
    }

    static func collect(folder: URL, directory: MunicipalityDirectory) -> ([UserRegion], [UserRegionFile.Problem]) {
        var regions: [UserRegion] = []
        var problems: [UserRegionFile.Problem] = []
        for file in regionFiles(in: folder) {
            switch UserRegionFile.read(file, directory: directory) {
            case .success(let region):
                if let earlier = regions.first(where: { $0.id == region.id }) {
                    problems.append(
                        .init(
                            file: file.path, line: nil,
                            message: .en(
                                "id \"\(region.id)\" is already used by \(earlier.file)",
                                nl: "id \"\(region.id)\" is al in gebruik in \(earlier.file)")))
                } else {
                    regions.append(region)
                }
            case .failure(let found):
                problems.append(contentsOf: found)
            }
        }
        return (regions, problems)
    }

    static func regionFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    public func region(id: String) -> UserRegion? {
        regions.first { $0.id == id.lowercased() }
    }

    /// The regions `code` belongs to in `year`.
    public func regions(containing code: String, year: Int) -> [UserRegion] {
        regions.filter { $0.members.contains(code) && $0.isValid(in: year) }
    }
}
