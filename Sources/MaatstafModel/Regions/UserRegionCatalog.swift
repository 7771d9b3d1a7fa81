public import Foundation
public import MaatstafCore

/// All regions of the shipped folder and the user's (`./regions` or `--regions DIR`), checked as a whole: a user's
/// folder adds to the shipped regions (1stroom, liemers …), never hides them, and an id in both is named.
public struct UserRegionCatalog: Sendable {
    /// The folders read, the shipped one first.
    public let folders: [URL]
    public let regions: [UserRegion]

    /// The folders as a reader is told them (`regions/ and ./mijn-regios`).
    public var folder: URL { folders.last ?? URL(fileURLWithPath: "regions") }
    public var foldersText: String { folders.map(\.path).joined(separator: ", ") }

    /// Reads every `*.yaml` / `*.yml` file. Any problem in any file fails the whole catalog (naming the first, counting
    /// the rest):
    /// a comparison must never silently run without a region the user defined.
    public init(folder: URL, directory: MunicipalityDirectory) throws {
        try self.init(folders: [folder], directory: directory)
    }

    /// The regions of every folder; a folder named twice (the shipped one given as `--regions`) is read once.
    public init(folders: [URL], directory: MunicipalityDirectory) throws {
        self.folders = Self.distinct(folders)
        let (regions, problems) = Self.collect(folders: self.folders, directory: directory)
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
    public static func check(folders: [URL], directory: MunicipalityDirectory) -> (
        regions: [UserRegion], problems: [LocalizedText]
    ) {
        let (regions, problems) = collect(folders: distinct(folders), directory: directory)
        return (regions, problems.map { .en($0.described(.en), nl: $0.described(.nl)) })
    }

    /// Each folder once, by its resolved path.
    public static func distinct(_ folders: [URL]) -> [URL] {
        var seen: Set<String> = []
        return folders.filter { seen.insert($0.standardizedFileURL.resolvingSymlinksInPath().path).inserted }
    }

    static func collect(folders: [URL], directory: MunicipalityDirectory) -> ([UserRegion], [UserRegionFile.Problem]) {
        var regions: [UserRegion] = []
        var problems: [UserRegionFile.Problem] = []
        for file in folders.flatMap({ regionFiles(in: $0) }) {
            switch UserRegionFile.read(file, directory: directory) {
            case .success(let region):
                if let earlier = regions.first(where: { $0.id == region.id }) {
                    // The same file twice (a checkout's regions/ beside the installed copy of them): one region.
                    if let mine = FileManager.default.contents(atPath: file.path),
                        mine == FileManager.default.contents(atPath: earlier.file)
                    {
                        continue
                    }
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
