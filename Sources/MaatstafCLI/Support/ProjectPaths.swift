import Foundation
import MaatstafCore
import MaatstafStore

/// Where maatstaf's data (the embedded snapshot, the shipped regions) and the user's cache are, wherever maatstaf
/// is installed or run from.
///
/// An installed maatstaf (`scripts/install PREFIX`) keeps its data in `PREFIX/share/maatstaf`, found relative to the
/// executable, so the install can be moved and needs no source tree. A binary run from a checkout (`swift run`)
/// finds the checkout it was built from.
enum ProjectPaths {
    /// The package root of the checkout this binary was built from (this file is Sources/MaatstafCLI/Support/…).
    static let sourceRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The running executable, symbolic links resolved (`/usr/local/bin/maatstaf` → the installed file).
    static var executable: URL? {
        let link = URL(fileURLWithPath: "/proc/self/exe")
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link.path) {
            return URL(fileURLWithPath: target)
        }
        return Bundle.main.executableURL?.resolvingSymlinksInPath()
    }

    /// Where the data is, and how it was found (for `--version` and errors).
    struct DataRoot {
        var snapshot: URL
        var regions: URL
        var origin: LocalizedText
        /// Where `scripts/install` writes a store with this snapshot already loaded, beside the data; nil in a checkout.
        var installedTemplate: URL? = nil
        /// True for the checkout maatstaf was built from.
        var isCheckout = false

        /// In a checkout: where the first load of the snapshot into a new cache leaves a copy for the next new cache
        /// (under `.build/`, named by the snapshot's checksum list and the store's schema, so that a binary only
        /// starts from a template holding its own snapshot in its own schema). Nil for an install. Worked out when
        /// asked (it reads the checksum list), which is only when a cache is new.
        var checkoutTemplate: URL? {
            guard isCheckout, let fingerprint = try? SnapshotLoader(folder: snapshot).contents().fingerprint else {
                return nil
            }
            return sourceRoot.appendingPathComponent(
                ".build/store-template-\(fingerprint.prefix(16))-schema\(Store.schemaVersion).sqlite")
        }

        /// The store a first command in a new cache copies instead of loading the snapshot (0.7 s), when there is one:
        /// the install's, or the checkout's once a command has loaded the snapshot into a new cache.
        var storeTemplate: URL? {
            guard let template = installedTemplate ?? checkoutTemplate,
                FileManager.default.fileExists(atPath: template.path)
            else { return nil }
            return template
        }
    }

    /// `MAATSTAF_DATA_DIR`, else `share/maatstaf` beside the executable's `bin/`, else the checkout it was built
    /// from; the first that holds a snapshot. Nil when none does.
    static func dataRoot() -> DataRoot? {
        let fileManager = FileManager.default
        func installed(_ root: URL, _ origin: LocalizedText) -> DataRoot? {
            let snapshot = root.appendingPathComponent("snapshot", isDirectory: true)
            guard fileManager.fileExists(atPath: snapshot.appendingPathComponent("SHA256SUMS").path) else { return nil }
            return DataRoot(
                snapshot: snapshot, regions: root.appendingPathComponent("regions", isDirectory: true), origin: origin,
                installedTemplate: root.appendingPathComponent("store-template.sqlite"))
        }
        if let environment = Console.variable("MAATSTAF_DATA_DIR") {
            return installed(
                URL(fileURLWithPath: environment, isDirectory: true), .en("MAATSTAF_DATA_DIR", nl: "MAATSTAF_DATA_DIR"))
        }
        if let executable {
            let share = executable.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("share/maatstaf", isDirectory: true)
            if let root = installed(
                share, .en("installed beside the executable", nl: "geïnstalleerd naast het programma"))
            {
                return root
            }
        }
        let snapshot = sourceRoot.appendingPathComponent("cache/snapshot", isDirectory: true)
        if fileManager.fileExists(atPath: snapshot.appendingPathComponent("SHA256SUMS").path) {
            return DataRoot(
                snapshot: snapshot, regions: sourceRoot.appendingPathComponent("regions", isDirectory: true),
                origin: .en("the checkout maatstaf was built from", nl: "de werkmap waaruit maatstaf gebouwd is"),
                isCheckout: true)
        }
        return nil
    }

    /// `MAATSTAF_SNAPSHOT_DIR`, else `<cache>/snapshot` when it holds a snapshot, else the data root's snapshot.
    static func snapshotFolder(cacheRoot: URL) throws -> URL {
        if let environment = Console.variable("MAATSTAF_SNAPSHOT_DIR") {
            return URL(fileURLWithPath: environment, isDirectory: true)
        }
        let inCache = cacheRoot.appendingPathComponent("snapshot", isDirectory: true)
        if FileManager.default.fileExists(atPath: inCache.appendingPathComponent("SHA256SUMS").path) { return inCache }
        guard let root = dataRoot() else { throw dataMissing }
        return root.snapshot
    }

    /// `--regions DIR`, else `MAATSTAF_REGIONS_DIR`, else `./regions` when it exists, else the data root's regions.
    /// The region folders read: the shipped regions, and the user's (`--regions`, `$MAATSTAF_REGIONS_DIR` or a
    /// `./regions` of the working folder), which add to them.
    /// A folder named on purpose (`--regions`, `$MAATSTAF_REGIONS_DIR`) that is not there is an error: a comparison
    /// must not run without the regions the user meant.
    static func regionsFolders(option: String?) throws -> [URL] {
        let shipped = dataRoot()?.regions ?? sourceRoot.appendingPathComponent("regions", isDirectory: true)
        let user = regionsFolder(option: option)
        if option != nil || Console.variable("MAATSTAF_REGIONS_DIR") != nil {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: user.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw InputError(
                    subject: user.path, reason: .en("is no folder", nl: "is geen map"),
                    hint: .en(
                        "Give the folder of your region files (format: regions/README.md)",
                        nl: "Geef de map met uw regiobestanden (indeling: regions/README.md)"))
            }
        }
        return [shipped, user]
    }

    static func regionsFolder(option: String?) -> URL {
        if let option { return URL(fileURLWithPath: option, isDirectory: true) }
        if let environment = Console.variable("MAATSTAF_REGIONS_DIR") {
            return URL(fileURLWithPath: environment, isDirectory: true)
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: "regions", isDirectory: &isFolder), isFolder.boolValue {
            return URL(fileURLWithPath: "regions", isDirectory: true)
        }
        return dataRoot()?.regions ?? sourceRoot.appendingPathComponent("regions", isDirectory: true)
    }

    /// The cache folder when neither `--cache-dir` nor `MAATSTAF_CACHE_DIR` names one: per user, as the XDG base
    /// directories say (`$XDG_CACHE_HOME/maatstaf`, else `~/.cache/maatstaf`), so every folder one works in shares one
    /// store.
    static func defaultCache() -> URL {
        if let xdg = Console.variable("XDG_CACHE_HOME"), xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("maatstaf", isDirectory: true)
        }
        if let home = Console.variable("HOME"), !home.isEmpty {
            return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache/maatstaf", isDirectory: true)
        }
        return URL(fileURLWithPath: "cache", isDirectory: true)
    }

    static var dataMissing: InputError {
        InputError(
            subject: "maatstaf",
            reason: .en(
                "cannot find its embedded data (the snapshot of CBS files)",
                nl: "vindt zijn ingebouwde gegevens niet (de snapshot van CBS-bestanden)"),
            hint: .en(
                "Install it with scripts/install PREFIX (the data goes to PREFIX/share/maatstaf beside PREFIX/bin), or set MAATSTAF_DATA_DIR to a folder holding snapshot/ and regions/",
                nl:
                    "Installeer het met scripts/install PREFIX (de gegevens komen in PREFIX/share/maatstaf naast PREFIX/bin), of laat MAATSTAF_DATA_DIR wijzen naar een map met snapshot/ en regions/"
            )
        )
    }
}
