public import Foundation
import MaatstafCore

/// A summary of the cache for `maatstaf cache status`.
public struct CacheStatus: Sendable, Equatable {
    public var entries: Int
    public var bytes: Int
    public var oldest: Date?
    public var newest: Date?
}

/// What `maatstaf cache verify` found.
public struct CacheVerification: Sendable, Equatable {
    public var checked: Int
    /// Files removed because they were damaged, by path.
    public var removed: [String]
}

extension HTTPCache {
    /// Every entry file currently in the cache (temporary files excluded).
    func entryFiles() -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: httpFolder, includingPropertiesForKeys: nil) else {
            return []
        }
        var files: [URL] = []
        for case let file as URL in enumerator where file.pathExtension == "entry" {
            files.append(file)
        }
        return files.sorted { $0.path < $1.path }
    }

    public func status() -> CacheStatus {
        var status = CacheStatus(entries: 0, bytes: 0, oldest: nil, newest: nil)
        for file in entryFiles() {
            guard let data = try? Data(contentsOf: file), let entry = try? CacheEntryFile.decode(data) else { continue }
            status.entries += 1
            status.bytes += entry.metadata.size
            let date = entry.metadata.fetchedAt
            status.oldest = min(status.oldest ?? date, date)
            status.newest = max(status.newest ?? date, date)
        }
        return status
    }

    /// Reads every entry, checks its checksum and removes damaged entries and leftover temporary files.
    public func verify() throws -> CacheVerification {
        guard FileManager.default.fileExists(atPath: httpFolder.path) else { return CacheVerification(checked: 0, removed: []) }
        return try withLock(exclusive: true) {
            var result = CacheVerification(checked: 0, removed: [])
            let leftovers =
                (FileManager.default.enumerator(at: httpFolder, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL } ?? []).filter { $0.lastPathComponent.hasPrefix(".tmp-") }
            for file in entryFiles() + leftovers {
                result.checked += file.pathExtension == "entry" ? 1 : 0
                let data = try? Data(contentsOf: file)
                if file.pathExtension == "entry", let data, (try? CacheEntryFile.decode(data)) != nil { continue }
                do {
                    try FileManager.default.removeItem(at: file)
                } catch {
                    throw Self.ioError(
                        path: file.path,
                        action: .en("cannot remove a damaged entry", nl: "kan een beschadigd item niet verwijderen"),
                        underlying: error)
                }
                result.removed.append(file.path)
            }
            return result
        }
    }

    /// Removes every cached response. The embedded snapshot and the store are not touched.
    @discardableResult
    public func clear() throws -> Int {
        guard FileManager.default.fileExists(atPath: httpFolder.path) else { return 0 }
        return try withLock(exclusive: true) {
            let files = entryFiles()
            for file in files {
                do {
                    try FileManager.default.removeItem(at: file)
                } catch {
                    throw Self.ioError(
                        path: file.path,
                        action: .en("cannot remove a cache entry", nl: "kan een item uit de cache niet verwijderen"),
                        underlying: error)
                }
            }
            return files.count
        }
    }
}
