import ArgumentParser
import Foundation
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafStore

/// What a data command works with: the store (with the snapshot loaded), the municipality atlas and user regions.
struct Workspace {
    let store: Store
    let atlas: MunicipalityAtlas
    let regions: UserRegionCatalog
    let indicatorsFile: URL?
    var iv3Source: Iv3SourcePreference = .fetched
    /// The traits of nearest neighbours (group `peers`) and whether the user chose them in a file.
    var peerSettings: PeerSettings = .standard
    /// The indicators the peer traits are read with; nil when the catalog cannot be read (the command that needs
    /// an indicator says why).
    var peerIndicators: IndicatorCatalog?

    /// Opens the store in the cache folder, loads the embedded snapshot on first use, reads the region files.
    static func open(global: GlobalOptions, data: DataOptions) throws -> Workspace {
        var workspace = try open(global: global, regionsFolder: data.regionsFolder, indicatorsFile: data.indicatorsFile)
        workspace.iv3Source = data.iv3Source
        if let file = data.traitsFile {
            workspace.peerSettings = try PeerSettingsFile.read(
                URL(fileURLWithPath: file), indicators: try workspace.indicators())
        }
        return workspace
    }

    static func open(global: GlobalOptions, regionsFolder: String?, indicatorsFile: String?) throws -> Workspace {
        let store = try global.openStoreWithSnapshot()
        let atlas = try MunicipalityAtlas(store: store)
        let regions = try UserRegionCatalog(
            folder: ProjectPaths.regionsFolder(option: regionsFolder),
            directory: atlas.directory)
        var workspace = Workspace(
            store: store, atlas: atlas, regions: regions,
            indicatorsFile: indicatorsFile.map { URL(fileURLWithPath: $0) })
        workspace.peerIndicators = try? IndicatorCatalog(store: store, userFile: workspace.indicatorsFile)
        return workspace
    }

    var resolver: PeerGroupResolver { PeerGroupResolver(atlas: atlas, regions: regions) }

    /// The indicator catalog: read once when the workspace opens (it parses the built-in YAML and lists every Iv3
    /// taakveld), again only when that failed, so the error is thrown where an indicator is needed.
    func indicators() throws -> IndicatorCatalog {
        if let peerIndicators { return peerIndicators }
        return try IndicatorCatalog(store: store, userFile: indicatorsFile)
    }

    /// The engine, with the group `peers` (each municipality's nearest neighbours) available.
    var engine: ComparisonEngine {
        let engine = ComparisonEngine(store: store, atlas: atlas, regions: regions, iv3Source: iv3Source)
        guard let peerIndicators else { return engine }
        return engine.withPeers(peerSettings, indicators: peerIndicators, strict: peerSettings.file != nil)
    }

    /// The year asked for, or the latest year for which the indicator has data in the store (in the Iv3 document
    /// `kind`, when one is asked for).
    func year(_ requested: Int?, for indicator: Indicator, kind: Iv3DocumentKind? = nil) throws -> Int {
        if kind != nil, case .cbs = indicator.numerator {
            throw ValidationError("--kind chooses an Iv3 document; \(indicator.id) is computed from CBS tables.")
        }
        if let requested { return requested }
        let periods = try engine.periods(for: indicator).filter { kind == nil || $0.kind == kind }
        guard let latest = periods.last?.year else {
            if let error = try engine.notFetchedError(indicator, year: nil) { throw error }
            throw CompareError(
                .yearNotAvailable, subject: indicator.id, reason: "has no data for any year in the store",
                hint: "Run `maatstaf indicators show \(indicator.id)` to see what it needs")
        }
        return latest
    }

    /// The year asked for, or the latest year with classes.
    func year(_ requested: Int?) throws -> Int {
        if let requested {
            _ = try atlas.profiles(year: requested)
            return requested
        }
        return atlas.years.last ?? 0
    }
}
