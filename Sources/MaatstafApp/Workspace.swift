public import Foundation
public import MaatstafCompare
public import MaatstafCore
public import MaatstafModel
public import MaatstafReport
public import MaatstafStore

/// What a use case works with, for the CLI and the dashboard alike: the store (with the snapshot loaded), the
/// municipality atlas, the user's regions and indicators, and the engine over them.
public struct Workspace: Sendable {
    public let store: Store
    public let atlas: MunicipalityAtlas
    public let regions: UserRegionCatalog
    public let indicatorsFile: URL?
    public var iv3Source: Iv3SourcePreference = .fetched
    /// The municipal fund's circulaire chosen for its year (`--circulaire`); nil: the May circular of the year before.
    public var circulaire: String?
    /// The traits of nearest neighbours (group `peers`) and whether the user chose them in a file.
    public var peerSettings: PeerSettings = .standard
    /// The indicator catalog, read on first use and then kept: commands that need no indicator (regions,
    /// municipalities) never parse it, and those that do read it once, also for the traits of `peers`.
    let catalog: CatalogCache

    /// The traits of nearest neighbours from a file (`--traits`), when one is given.
    public mutating func readTraits(_ file: String?) throws {
        guard let file else { return }
        peerSettings = try PeerSettingsFile.read(URL(fileURLWithPath: file), indicators: try indicators())
    }

    /// The workspace of an opened store (the snapshot loaded): its atlas, the user's regions from `regionsFolder`, and
    /// the indicator catalog with the user's file, read when first asked for.
    public static func open(store: Store, regionsFolder: URL, indicatorsFile: URL?) throws -> Workspace {
        try open(store: store, regionsFolders: [regionsFolder], indicatorsFile: indicatorsFile)
    }

    /// The workspace over several region folders: the shipped regions first, the user's after them. The atlas is the
    /// one kept in the store when it is current for this build (`MunicipalityAtlas.kept`), else made and kept.
    public static func open(store: Store, regionsFolders: [URL], indicatorsFile: URL?) throws -> Workspace {
        let atlas = try MunicipalityAtlas.kept(in: store, build: ProgramBuild.identity)
        let regions = try UserRegionCatalog(folders: regionsFolders, directory: atlas.directory)
        return Workspace(
            store: store, atlas: atlas, regions: regions, indicatorsFile: indicatorsFile,
            catalog: CatalogCache { try IndicatorCatalog(store: store, userFile: indicatorsFile) })
    }

    /// The municipal boundaries of every year with a map, as SVG paths per municipality code, each year prepared
    /// once for drawing (`MapShapes`).
    public func shapes() throws -> [Int: MapShapes] { try store.municipalityShapes().mapValues(MapShapes.init) }

    public var resolver: PeerGroupResolver { PeerGroupResolver(atlas: atlas, regions: regions) }

    /// The indicator catalog (the built-in YAML, the user's file, a generic indicator per Iv3 taakveld).
    public func indicators() throws -> IndicatorCatalog { try catalog.get() }

    /// The engine, with the group `peers` (each municipality's nearest neighbours) available; the catalog its
    /// traits need is read only when a neighbour group is asked for.
    public var engine: ComparisonEngine {
        ComparisonEngine(source: store, atlas: atlas, regions: regions, iv3Source: iv3Source, circulaire: circulaire)
            .withPeers(peerSettings, indicators: catalog.get, strict: peerSettings.file != nil)
    }
}
