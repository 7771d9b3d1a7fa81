import ArgumentParser
import Foundation
import MaatstafCore
import MaatstafModel

/// What the shell completes for an indicator, a municipality or a reference group: the words a user would otherwise
/// look up with `indicators list`, `municipalities --search` or `regions list`.
///
/// Why read this way: a completion runs at every Tab, so it must not open (or, in a new cache, build) the store, nor
/// print anything: the built-in indicator ids come from the embedded file, the names from the newest class file of the
/// snapshot the commands use (the cache's, else the installed one), the groups from core's list and the regions
/// folder. The cache folder a command line names (`--cache-dir`) is followed.
enum Completions {
    static let indicators = CompletionKind.custom { _, _, prefix in
        IndicatorCatalog.builtInIDs().filter { $0.hasPrefix(prefix) }
    }

    /// Comma-separated ids (`--indicators a,b`): the last one is completed, the ones before kept.
    static let indicatorList = CompletionKind.custom { _, _, prefix in
        list(prefix, IndicatorCatalog.builtInIDs() + IndicatorCatalog.sets.map(\.name))
    }

    static let municipalities = CompletionKind.custom { words, _, prefix in
        let folded = prefix.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return names(cacheRoot: cacheRoot(words)).filter {
            $0.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).hasPrefix(folded)
        }
    }

    /// Comma-separated groups (`--against province,peers`): every group's English and Dutch name and the regions.
    static let groups = CompletionKind.custom { words, _, prefix in
        let regions = regionIDs(words)
        return list(prefix, GroupNames.completions + regions)
    }

    /// A region (`region NAME`): the user's and shipped regions, and the groups around a municipality.
    static let regions = CompletionKind.custom { words, _, prefix in
        (regionIDs(words) + GroupNames.completions).filter { $0.hasPrefix(prefix) }
    }

    /// Completes the part after the last comma of `prefix` from `choices`, keeping what comes before.
    static func list(_ prefix: String, _ choices: [String]) -> [String] {
        let head = prefix.lastIndex(of: ",").map { String(prefix[...$0]) } ?? ""
        let last = String(prefix.dropFirst(head.count))
        return choices.filter { $0.hasPrefix(last) }.map { head + $0 }
    }

    static func cacheRoot(_ words: [String]) -> URL {
        var named: String?
        if let index = words.firstIndex(of: "--cache-dir"), index + 1 < words.count { named = words[index + 1] }
        if let value = words.first(where: { $0.hasPrefix("--cache-dir=") }) { named = String(value.dropFirst(12)) }
        return GlobalOptions.cacheRoot(named: named)
    }

    /// The municipalities of the newest class file: today's names (a dissolved municipality is still typed by its
    /// code or found with `municipalities --search`).
    static func names(cacheRoot: URL) -> [String] {
        guard let snapshot = try? ProjectPaths.snapshotFolder(cacheRoot: cacheRoot) else { return [] }
        let folder = snapshot.appendingPathComponent("classes", isDirectory: true)
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasPrefix("gemeenteklassen_") && $0.hasSuffix(".tsv") }.sorted()
        guard let newest = files.last,
            let text = try? String(contentsOf: folder.appendingPathComponent(newest), encoding: .utf8)
        else { return [] }
        return text.split(whereSeparator: \.isNewline).dropFirst().compactMap {
            $0.split(separator: "\t", omittingEmptySubsequences: false).first.map(String.init)
        }
    }

    static func regionIDs(_ words: [String]) -> [String] {
        var folders: [URL] = []
        if let index = words.firstIndex(of: "--regions"), index + 1 < words.count {
            folders.append(URL(fileURLWithPath: words[index + 1], isDirectory: true))
        }
        folders.append(URL(fileURLWithPath: "regions", isDirectory: true))
        if let root = ProjectPaths.dataRoot() { folders.append(root.regions) }
        let ids = folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                .map { String($0.prefix { $0 != "." }) }
        }
        return Array(Set(ids)).sorted()
    }
}
