import Foundation
import MaatstafCore
import MaatstafFetch
import MaatstafStore

/// What `maatstaf --version` says: the version, where the data was found, which CBS files the embedded snapshot
/// holds (from its checksum list, so it cannot drift from the files), and where the cache is.
enum VersionText {
    /// In the run's language (`LANG`; `--version` comes before any option).
    static func describe(_ locale: ReportLocale = ReaderLanguage.current) -> String {
        let nl = locale == .nl
        var lines = ["maatstaf \(MaatstafVersion.current)"]
        guard let root = ProjectPaths.dataRoot() else {
            lines.append(
                (nl ? "gegevens: niet gevonden — " : "data:     not found — ")
                    + (ProjectPaths.dataMissing.hint.plainText(locale) ?? ""))
            return lines.joined(separator: "\n")
        }
        lines.append(
            nl
                ? "gegevens: \(root.snapshot.path) en \(root.regions.path) (\(root.origin.nl))"
                : "data:     \(root.snapshot.path) and \(root.regions.path) (\(root.origin.en))")
        // The documentation help and errors point to (docs/own-data.md …): installed beside the data, or the checkout's.
        let share = root.snapshot.deletingLastPathComponent().deletingLastPathComponent()
        let docs = [share.appendingPathComponent("doc/maatstaf/docs"), share.appendingPathComponent("docs")]
            .first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("own-data.md").path) }
        if let docs {
            lines.append(
                nl
                    ? "docs:     \(docs.path) (de docs/… waar hulp en meldingen naar verwijzen)"
                    : "docs:     \(docs.path) (the docs/… help and messages refer to)")
        }
        if let (fingerprint, files) = try? SnapshotLoader(folder: root.snapshot).contents() {
            lines.append(
                nl
                    ? "snapshot: \(files.count) echte CBS-bestanden, verzameld in november 2026 (Bron: CBS, CC BY 4.0; herkomst van elk in snapshot/PROVENANCE.md)"
                    : "snapshot: \(files.count) real CBS files collected in November 2026 (Bron: CBS, CC BY 4.0; origin of each in snapshot/PROVENANCE.md)"
            )
            for group in Dictionary(grouping: files, by: { $0.split(separator: "/").first.map(String.init) ?? "" })
                .sorted(by: { $0.key < $1.key })
            {
                let names = group.value.map { $0.split(separator: "/").last.map(String.init) ?? $0 }.sorted()
                lines.append("          \(group.key)/: \(names.joined(separator: ", "))")
            }
            lines.append(
                (nl ? "          lijst met controlesommen sha256 " : "          checksum list sha256 ") + fingerprint.prefix(16)
                    + "…")
        }
        lines.append(
            nl
                ? "cache:    \(cacheFolder().path) (te wijzigen met --cache-dir of MAATSTAF_CACHE_DIR)"
                : "cache:    \(cacheFolder().path) (change with --cache-dir or MAATSTAF_CACHE_DIR)")
        return lines.joined(separator: "\n")
    }

    private static func cacheFolder() -> URL {
        if let environment = Console.variable("MAATSTAF_CACHE_DIR") { return URL(fileURLWithPath: environment) }
        return ProjectPaths.defaultCache()
    }
}
