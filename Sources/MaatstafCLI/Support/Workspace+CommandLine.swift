import ArgumentParser
import Foundation
import MaatstafApp
import MaatstafCompare
import MaatstafCore
import MaatstafModel

/// The workspace as a command opens it from its options, and the years a command's options ask for.
extension Workspace {
    /// Opens the store in the cache folder, loads the embedded snapshot on first use, reads the region files.
    static func open(global: GlobalOptions, data: DataOptions) throws -> Workspace {
        var workspace = try open(global: global, regionsFolder: data.regionsFolder, indicatorsFile: data.indicatorsFile)
        workspace.iv3Source = data.iv3Source
        workspace.circulaire = data.circulaire
        try workspace.readTraits(data.traitsFile)
        return workspace
    }

    static func open(global: GlobalOptions, regionsFolder: String?, indicatorsFile: String?) throws -> Workspace {
        try open(
            store: try global.openStoreWithSnapshot(), regionsFolders: try ProjectPaths.regionsFolders(option: regionsFolder),
            indicatorsFile: indicatorsFile.map { URL(fileURLWithPath: $0) })
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
