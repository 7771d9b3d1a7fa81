import Foundation
import MaatstafCore
import MaatstafFetch
import MaatstafStore

/// What `maatstaf --version` says: the version, where the data was found, which CBS files the embedded snapshot
/// holds (from its checksum list, so it cannot drift from the files), and where the cache is.
enum VersionText {
    static func describe() -> String {
        var lines = ["maatstaf \(MaatstafVersion.current)"]
        guard let root = ProjectPaths.dataRoot() else {
            lines.append("data:     not found — " + (ProjectPaths.dataMissing.hint.plainText(.en) ?? ""))
            return lines.joined(separator: "\n")
        }
        lines.append("data:     \(root.snapshot.path) and \(root.regions.path) (\(root.origin))")
        if let (fingerprint, files) = try? SnapshotLoader(folder: root.snapshot).contents() {
            lines.append(
                "snapshot: \(files.count) real CBS files collected in November 2026 (Bron: CBS, CC BY 4.0; origin of each in snapshot/PROVENANCE.md)"
            )
            for group in Dictionary(grouping: files, by: { $0.split(separator: "/").first.map(String.init) ?? "" })
                .sorted(by: { $0.key < $1.key })
            {
                let names = group.value.map { $0.split(separator: "/").last.map(String.init) ?? $0 }.sorted()
                lines.append("          \(group.key)/: \(names.joined(separator: ", "))")
            }
            lines.append("          checksum list sha256 \(fingerprint.prefix(16))…")
        }
        lines.append("cache:    \(cacheFolder().path) (change with --cache-dir or MAATSTAF_CACHE_DIR)")
        return lines.joined(separator: "\n")
    }

    private static func cacheFolder() -> URL {
        if let environment = Console.variable("MAATSTAF_CACHE_DIR") { return URL(fileURLWithPath: environment) }
        return ProjectPaths.defaultCache()
    }
}
