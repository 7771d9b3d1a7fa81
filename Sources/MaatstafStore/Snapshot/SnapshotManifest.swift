import Foundation
import MaatstafCore
import MaatstafFetch

/// `SHA256SUMS` of the embedded snapshot: which files it has and the checksum each must match.
struct SnapshotManifest {
    struct File {
        var path: String
        var sha256: String
    }

    var files: [File]
    /// SHA-256 of the manifest itself: when it is unchanged, the store already holds this snapshot.
    var fingerprint: String

    init(folder: URL) throws {
        let manifestURL = folder.appendingPathComponent("SHA256SUMS")
        guard let data = try? Data(contentsOf: manifestURL) else {
            throw StoreError(
                .snapshotDamaged, subject: manifestURL.path, reason: "the snapshot's checksum list is missing",
                hint:
                    "Restore cache/snapshot from git (git checkout -- cache/snapshot), or point MAATSTAF_SNAPSHOT_DIR at a complete copy"
            )
        }
        fingerprint = SHA256.hex(data)
        files = try String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated().map { index, line in
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 64 else {
                throw StoreError(
                    .snapshotDamaged, subject: "\(manifestURL.path):\(index + 1)",
                    reason: "not a \"sha256  path\" line", hint: "Restore cache/snapshot from git")
            }
            return File(path: parts[1].trimmingCharacters(in: .whitespaces), sha256: String(parts[0]))
        }
    }
}
