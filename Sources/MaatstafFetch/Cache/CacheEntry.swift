public import Foundation

/// What the cache knows about one stored response, written as one JSON line before the body.
public struct CacheMetadata: Codable, Sendable, Equatable {
    /// The normalised URL the entry answers.
    public var url: String
    public var status: Int
    public var etag: String?
    public var lastModified: String?
    /// When the body was last confirmed by the server (fetched, or revalidated by a 304).
    public var fetchedAt: Date
    public var size: Int
    /// SHA-256 of the body, hex. An entry whose body no longer matches is never served.
    public var sha256: String
    public var contentType: String?
}

/// A stored response: metadata and body, verified when read.
public struct CacheEntry: Sendable {
    public var metadata: CacheMetadata
    public var body: Data
}

/// How the on-disk file is laid out: `maatstaf-cache/1\n`, one line of JSON metadata, then the body bytes.
/// One file per entry, so that a rename replaces metadata and body together.
enum CacheEntryFile {
    static let magic = Data("maatstaf-cache/1\n".utf8)

    /// The magic line and the metadata line that precede the body.
    static func header(_ entry: CacheEntry) throws -> Data {
        var data = magic
        data.append(try encoder.encode(entry.metadata))
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Writes an entry to a new file: header, then the body straight from its buffer, without first copying both
    /// into one (bodies of CBS pages are megabytes).
    static func write(_ entry: CacheEntry, toNewFile path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        for part in [try header(entry), entry.body] {
            try part.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                    }
                    offset += written
                }
            }
        }
    }

    enum DecodeFailure: Error {
        case notAnEntry
        case checksumMismatch
    }

    static func decode(_ data: Data) throws -> CacheEntry {
        guard data.starts(with: magic) else { throw DecodeFailure.notAnEntry }
        let afterMagic = data.index(data.startIndex, offsetBy: magic.count)
        guard let newline = data[afterMagic...].firstIndex(of: UInt8(ascii: "\n")) else { throw DecodeFailure.notAnEntry }
        guard let metadata = try? decoder.decode(CacheMetadata.self, from: data[afterMagic..<newline]) else {
            throw DecodeFailure.notAnEntry
        }
        let body = Data(data[data.index(after: newline)...])
        guard body.count == metadata.size, SHA256.hex(body) == metadata.sha256 else { throw DecodeFailure.checksumMismatch }
        return CacheEntry(metadata: metadata, body: body)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
