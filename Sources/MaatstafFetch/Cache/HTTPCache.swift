public import Foundation
import MaatstafCore

/// The on-disk HTTP cache: one file per normalised URL under `<root>/http/<2 hex>/<sha256 of URL>.entry`.
///
/// Safety across processes comes from the layout rather than from long-held locks: every write goes to a temporary
/// file in the entry's own folder and is renamed into place, so a reader sees the old entry or the new one, never half
/// of one. Writers take a shared `flock` on `<root>/http/.lock`; `verify` and `clear` take it exclusively, so they never
/// delete a file another process is about to rename.
public struct HTTPCache: Sendable {
    public let root: URL
    var httpFolder: URL { root.appendingPathComponent("http", isDirectory: true) }
    private var lockFile: URL { httpFolder.appendingPathComponent(".lock") }

    public init(root: URL) {
        self.root = root
    }

    /// Where the entry for `url` lives (whether or not it exists).
    public func fileURL(for url: String) -> URL {
        let key = SHA256.hex(URLNormalizer.normalize(url))
        return
            httpFolder
            .appendingPathComponent(String(key.prefix(2)), isDirectory: true)
            .appendingPathComponent(key + ".entry")
    }

    /// The result of looking up a URL.
    public enum Lookup: Sendable {
        case hit(CacheEntry)
        case miss
        /// The file exists but is damaged; it is never served.
        case corrupt
    }

    public func lookup(_ url: String) -> Lookup {
        let file = fileURL(for: url)
        guard let data = try? Data(contentsOf: file) else { return .miss }
        guard let entry = try? CacheEntryFile.decode(data) else { return .corrupt }
        // The file name is a hash of the URL; an entry that names another URL was put there by something else.
        guard entry.metadata.url == URLNormalizer.normalize(url) else { return .corrupt }
        return .hit(entry)
    }

    /// Stores a body and its metadata atomically, replacing any earlier entry. `sha256` is the body's digest when the
    /// caller already has it (made as the body arrived); otherwise the body is hashed here.
    @discardableResult
    public func store(
        url: String, status: Int, headers: [HTTPHeader], body: Data, sha256: String? = nil, now: Date = Date()
    ) throws -> CacheEntry {
        let entry = Self.entry(url: url, status: status, headers: headers, body: body, sha256: sha256, now: now)
        try save(entry)
        return entry
    }

    /// The entry `store` would write, not yet written: a fetcher hands the metadata on at once and writes the file
    /// while the body is read.
    static func entry(
        url: String, status: Int, headers: [HTTPHeader], body: Data, sha256: String?, now: Date = Date()
    ) -> CacheEntry {
        let metadata = CacheMetadata(
            url: URLNormalizer.normalize(url), status: status, etag: headers.value(for: "ETag"),
            lastModified: headers.value(for: "Last-Modified"), fetchedAt: Self.wholeSeconds(now), size: body.count,
            sha256: sha256 ?? SHA256.hex(body), contentType: headers.value(for: "Content-Type"))
        return CacheEntry(metadata: metadata, body: body)
    }

    /// After a 304: keeps the body, takes the new validators and marks it confirmed now.
    @discardableResult
    public func refresh(_ entry: CacheEntry, headers: [HTTPHeader], now: Date = Date()) throws -> CacheEntry {
        var updated = entry
        updated.metadata.fetchedAt = Self.wholeSeconds(now)
        if let etag = headers.value(for: "ETag") { updated.metadata.etag = etag }
        if let modified = headers.value(for: "Last-Modified") { updated.metadata.lastModified = modified }
        try save(updated)
        return updated
    }

    /// Dates are stored as ISO 8601 with whole seconds; rounding before writing keeps what a caller gets back equal
    /// to what a later read returns.
    static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// Removes one entry (a corrupt one, typically). Missing files are fine.
    public func remove(_ url: String) {
        try? FileManager.default.removeItem(at: fileURL(for: url))
    }

    /// Writes an entry atomically (a temporary file renamed into place), replacing any earlier one.
    func save(_ entry: CacheEntry) throws {
        let target = fileURL(for: entry.metadata.url)
        let folder = target.deletingLastPathComponent()
        try withLock(exclusive: false) {
            try ensureFolder(folder)
            let temporary = folder.appendingPathComponent(".tmp-\(getpid())-\(UUID().uuidString)")
            do {
                try CacheEntryFile.write(entry, toNewFile: temporary.path)
                guard rename(temporary.path, target.path) == 0 else {
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw Self.ioError(
                    path: folder.path, action: .en("cannot write a cache entry", nl: "kan geen item in de cache schrijven"),
                    underlying: error)
            }
        }
    }

    private func ensureFolder(_ folder: URL) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            if isFolder.boolValue { return }
            throw FetchError(
                .cacheIO, subject: folder.path, reason: .en("exists but is not a folder", nl: "bestaat, maar is geen map"),
                hint: .en(
                    "Move that file away, or choose another cache folder with \(option: .cacheDirectory)",
                    nl: "Verplaats dat bestand, of kies een andere cachemap met \(option: .cacheDirectory)"))
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw Self.ioError(
                path: folder.path, action: .en("cannot create the cache folder", nl: "kan de cachemap niet maken"),
                underlying: error)
        }
    }

    /// Runs `body` holding the cache lock: shared for writers, exclusive for verify and clear.
    func withLock<T>(exclusive: Bool, _ body: () throws -> T) throws -> T {
        try ensureFolder(httpFolder)
        let descriptor = open(lockFile.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Self.ioError(
                path: lockFile.path, action: .en("cannot open the cache lock", nl: "kan het slot van de cache niet openen"),
                underlying: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
        }
        defer { close(descriptor) }
        while flock(descriptor, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            if errno != EINTR {
                throw Self.ioError(
                    path: lockFile.path, action: .en("cannot lock the cache", nl: "kan de cache niet vergrendelen"),
                    underlying: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    static func ioError(path: String, action: LocalizedText, underlying: Error) -> FetchError {
        if let fetchError = underlying as? FetchError { return fetchError }
        let detail: LocalizedText
        if let posix = underlying as? POSIXError {
            detail = SystemErrorText.describe(posix.code.rawValue)
        } else if let cocoa = underlying as? CocoaError, let posix = cocoa.userInfo[NSUnderlyingErrorKey] as? POSIXError {
            detail = SystemErrorText.describe(posix.code.rawValue)
        } else {
            let english = (underlying as NSError).localizedDescription
            detail = .en(english, nl: "systeemfout")
        }
        return FetchError(
            .cacheIO, subject: path, reason: .en("\(action.en) (\(detail.en))", nl: "\(action.nl) (\(detail.nl))"),
            hint: .en(
                "Check that the folder is writable and the disk is not full, or choose another folder with \(option: .cacheDirectory)",
                nl:
                    "Controleer of de map beschrijfbaar is en de schijf niet vol, of kies een andere map met \(option: .cacheDirectory)"
            )
        )
    }
}
