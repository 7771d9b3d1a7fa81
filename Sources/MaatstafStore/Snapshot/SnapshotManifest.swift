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
                .snapshotDamaged, subject: manifestURL.path,
                reason: .en(
                    "the snapshot's checksum list is missing", nl: "de lijst met controlesommen van de snapshot ontbreekt"),
                hint: .en(
                    "Restore cache/snapshot from git (git checkout -- cache/snapshot), or point MAATSTAF_SNAPSHOT_DIR at a complete copy",
                    nl:
                        "Zet cache/snapshot terug uit git (git checkout -- cache/snapshot), of laat MAATSTAF_SNAPSHOT_DIR naar een volledige kopie wijzen"
                )
            )
        }
        fingerprint = SHA256.hex(data)
        files = try String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated().map { index, line in
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 64 else {
                throw StoreError(
                    .snapshotDamaged, subject: "\(manifestURL.path):\(index + 1)",
                    reason: .en("not a \"sha256  path\" line", nl: "geen regel \"sha256  pad\""),
                    hint: .en("Restore cache/snapshot from git", nl: "Zet cache/snapshot terug uit git"))
            }
            return File(path: parts[1].trimmingCharacters(in: .whitespaces), sha256: String(parts[0]))
        }
    }
}
