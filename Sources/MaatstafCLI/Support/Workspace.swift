import Foundation
import MaatstafModel
import MaatstafStore

/// What a data command works with: the store (with the snapshot loaded), the municipality atlas and user regions.
struct Workspace {
    let store: Store
    let atlas: MunicipalityAtlas
    let regions: UserRegionCatalog

    /// Opens the store in the cache folder, loads the embedded snapshot on first use, reads the region files.
    static func open(global: GlobalOptions, data: DataOptions) throws -> Workspace {
        let storePath = global.cacheRoot.appendingPathComponent("maatstaf.sqlite").path
        let store = try Store(path: storePath)
        try SnapshotLoader(folder: ProjectPaths.snapshotFolder(cacheRoot: global.cacheRoot)).loadIfNeeded(into: store)
        let atlas = try MunicipalityAtlas(store: store)
        let regions = try UserRegionCatalog(folder: ProjectPaths.regionsFolder(option: data.regionsFolder),
                                            directory: atlas.directory)
        return Workspace(store: store, atlas: atlas, regions: regions)
    }

    var resolver: PeerGroupResolver { PeerGroupResolver(atlas: atlas, regions: regions) }

    /// The year asked for, or the latest year with classes.
    func year(_ requested: Int?) throws -> Int {
        if let requested {
            _ = try atlas.profiles(year: requested)
            return requested
        }
        return atlas.years.last ?? 0
    }
}
