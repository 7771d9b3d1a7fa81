public import Foundation
import GRDB
import MaatstafCore
import MaatstafFetch
import MaatstafSources

/// Loads the embedded snapshot (real CBS files under `cache/snapshot`) into the store.
///
/// Runs on first use and again only when the snapshot's checksum list changes. Every file is checked against its
/// sha256 first; everything is written in one transaction, so a failure leaves the store as it was. Fetched CBS tables
/// live in other tables and are never touched.
public struct SnapshotLoader: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    public struct Report: Sendable {
        /// False when the store already held this snapshot.
        public var loaded: Bool
        public var files: Int
        public var municipalities: Int
        public var iv3Amounts: Int
    }

    /// The snapshot's files (as its checksum list names them) and the checksum of that list, for `--version`.
    public func contents() throws -> (fingerprint: String, files: [String]) {
        let manifest = try SnapshotManifest(folder: folder)
        return (manifest.fingerprint, manifest.files.map(\.path))
    }

    /// Loads the snapshot unless the store already has exactly this one.
    @discardableResult
    public func loadIfNeeded(into store: Store) throws -> Report {
        let manifest = try SnapshotManifest(folder: folder)
        let current = try store.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM store_meta WHERE key = 'snapshot'")
        }
        if current == manifest.fingerprint {
            return Report(loaded: false, files: manifest.files.count, municipalities: 0, iv3Amounts: 0)
        }
        let contents = try readFiles(manifest)
        let plan = try SnapshotPlan(contents: contents)
        do {
            try store.database.write { db in
                try plan.write(to: db, files: contents, fingerprint: manifest.fingerprint)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(
                .io, subject: store.path,
                reason: .en(
                    "cannot load the snapshot into the store (\(Store.describe(error).en))",
                    nl: "kan de snapshot niet in de opslag laden (\(Store.describe(error).nl))"),
                hint: .en(
                    "Check that the folder is writable and the disk is not full; the store was left as it was",
                    nl: "Controleer of de map beschrijfbaar is en de schijf niet vol; de opslag is gelaten zoals ze was"))
        }
        return Report(
            loaded: true, files: contents.count, municipalities: plan.municipalities.count,
            iv3Amounts: plan.iv3Amounts.count)
    }

    /// Every file of the manifest, checked against its sha256.
    private func readFiles(_ manifest: SnapshotManifest) throws -> [SnapshotFile] {
        try manifest.files.map { entry in
            let url = folder.appendingPathComponent(entry.path)
            guard let data = try? Data(contentsOf: url) else {
                throw StoreError(
                    .snapshotDamaged, subject: url.path,
                    reason: .en("the snapshot file is missing", nl: "het snapshotbestand ontbreekt"),
                    hint: .en(
                        "Restore cache/snapshot from git (git checkout -- cache/snapshot)",
                        nl: "Zet cache/snapshot terug uit git (git checkout -- cache/snapshot)"))
            }
            let actual = SHA256.hex(data)
            guard actual == entry.sha256 else {
                throw StoreError(
                    .snapshotDamaged, subject: url.path,
                    reason: .en(
                        "the file differs from the snapshot's checksum (sha256 \(actual.prefix(12))…, expected \(entry.sha256.prefix(12))…)",
                        nl:
                            "het bestand wijkt af van de controlesom van de snapshot (sha256 \(actual.prefix(12))…, verwacht \(entry.sha256.prefix(12))…)"
                    ),
                    hint: .en(
                        "Restore it from git (git checkout -- cache/snapshot); maatstaf never loads a changed snapshot file",
                        nl:
                            "Zet het terug uit git (git checkout -- cache/snapshot); maatstaf laadt nooit een gewijzigd snapshotbestand"
                    ))
            }
            return SnapshotFile(path: entry.path, url: url, data: data, sha256: actual)
        }
    }
}

/// One checked snapshot file.
struct SnapshotFile {
    var path: String
    var url: URL
    var data: Data
    var sha256: String
}
