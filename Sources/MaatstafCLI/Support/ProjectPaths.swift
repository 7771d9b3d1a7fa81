import Foundation
import MaatstafCore

/// Where the embedded snapshot and the shipped regions are, wherever maatstaf is run from.
///
/// A clone carries them in `cache/snapshot` and `regions/`; the binary knows the checkout it was built from, so
/// `swift run maatstaf` works from any folder.
enum ProjectPaths {
    /// The package root of the checkout this binary was built from (this file is Sources/MaatstafCLI/Support/…).
    static let sourceRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `MAATSTAF_SNAPSHOT_DIR`, else `<cache>/snapshot` when it holds a snapshot, else the checkout's `cache/snapshot`.
    static func snapshotFolder(cacheRoot: URL) -> URL {
        if let environment = Console.variable("MAATSTAF_SNAPSHOT_DIR") {
            return URL(fileURLWithPath: environment, isDirectory: true)
        }
        let inCache = cacheRoot.appendingPathComponent("snapshot", isDirectory: true)
        if FileManager.default.fileExists(atPath: inCache.appendingPathComponent("SHA256SUMS").path) { return inCache }
        return sourceRoot.appendingPathComponent("cache/snapshot", isDirectory: true)
    }

    /// `--regions DIR`, else `MAATSTAF_REGIONS_DIR`, else `./regions` when it exists, else the checkout's `regions/`.
    static func regionsFolder(option: String?) -> URL {
        if let option { return URL(fileURLWithPath: option, isDirectory: true) }
        if let environment = Console.variable("MAATSTAF_REGIONS_DIR") {
            return URL(fileURLWithPath: environment, isDirectory: true)
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: "regions", isDirectory: &isFolder), isFolder.boolValue {
            return URL(fileURLWithPath: "regions", isDirectory: true)
        }
        return sourceRoot.appendingPathComponent("regions", isDirectory: true)
    }
}
