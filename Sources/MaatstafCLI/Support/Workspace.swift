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
    /// The indicator catalog, read on first use and then kept: commands that need no indicator (regions,
    /// municipalities) never parse it, and those that do read it once, also for the traits of `peers`.
    let catalog: CatalogCache

    /// Opens the store in the cache folder, loads the embedded snapshot on first use, reads the region files.
    static func open(global: GlobalOptions, data: DataOptions) throws -> Workspace {
        var workspace = try open(global: global, regionsFolder: data.regionsFolder, indicatorsFile: data.indicatorsFile)
        workspace.iv3Source = data.iv3Source
        try workspace.readTraits(data.traitsFile)
        return workspace
    }

    /// The traits of nearest neighbours from a file (`--traits`), when one is given.
    mutating func readTraits(_ file: String?) throws {
        guard let file else { return }
        peerSettings = try PeerSettingsFile.read(URL(fileURLWithPath: file), indicators: try indicators())
    }

    static func open(global: GlobalOptions, regionsFolder: String?, indicatorsFile: String?) throws -> Workspace {
        let store = try global.openStoreWithSnapshot()
        let atlas = try MunicipalityAtlas(store: store)
        let regions = try UserRegionCatalog(
            folder: ProjectPaths.regionsFolder(option: regionsFolder),
            directory: atlas.directory)
        let file = indicatorsFile.map { URL(fileURLWithPath: $0) }
        return Workspace(
            store: store, atlas: atlas, regions: regions, indicatorsFile: file,
            catalog: CatalogCache { try IndicatorCatalog(store: store, userFile: file) })
    }

    var resolver: PeerGroupResolver { PeerGroupResolver(atlas: atlas, regions: regions) }

    /// The indicator catalog (the built-in YAML, the user's file, a generic indicator per Iv3 taakveld).
    func indicators() throws -> IndicatorCatalog { try catalog.get() }

    /// The engine, with the group `peers` (each municipality's nearest neighbours) available; the catalog its
    /// traits need is read only when a neighbour group is asked for.
    var engine: ComparisonEngine {
        ComparisonEngine(source: store, atlas: atlas, regions: regions, iv3Source: iv3Source)
            .withPeers(peerSettings, indicators: catalog.get, strict: peerSettings.file != nil)
    }

    /// The year asked for, or the latest year for which the indicator has data in the store (in the Iv3 document
    /// `kind`, when one is asked for).
    func year(_ requested: Int?, for indicator: Indicator, kind: Iv3DocumentKind? = nil) throws -> Int {
        if kind != nil, case .cbs = indicator.numerator {
            throw ValidationError(
                en: "--kind chooses an Iv3 document; \(indicator.id) is computed from CBS tables.",
                nl: "--kind kiest een Iv3-document; \(indicator.id) wordt berekend uit CBS-tabellen.")
        }
        if let requested { return requested }
        let periods = try engine.periods(for: indicator).filter { kind == nil || $0.kind == kind }
        guard let latest = periods.last?.year else {
            if let error = try engine.notFetchedError(indicator, year: nil) { throw error }
            throw CompareError(
                .yearNotAvailable, subject: indicator.id,
                reason: .en("has no data for any year in the store", nl: "heeft in de opslag voor geen enkel jaar gegevens"),
                hint: .en(
                    "Run \(action: .showIndicator(indicator.id)) to see what it needs",
                    nl: "Voer \(action: .showIndicator(indicator.id)) uit om te zien wat zij nodig heeft"))
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

/// The indicator catalog of one command run, read on first use. A class, so the workspace's copies and the engine's
/// neighbour finder share one read; the lock makes that safe across threads.
final class CatalogCache: @unchecked Sendable {
    private let lock = NSLock()
    private let read: () throws -> IndicatorCatalog
    private var result: Result<IndicatorCatalog, any Error>?

    init(_ read: @escaping () throws -> IndicatorCatalog) {
        self.read = read
    }

    @Sendable func get() throws -> IndicatorCatalog {
        try lock.withLock {
            if let result { return try result.get() }
            let fresh = Result { try read() }
            result = fresh
            return try fresh.get()
        }
    }
}
