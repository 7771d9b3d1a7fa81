import Foundation
import GRDB

/// A checksum of one stored row, written with the row and checked whenever the row is read.
///
/// SQLite's `quick_check` finds damage to the file's structure, but a flipped byte inside a stored number is a valid
/// number: only a checksum written beside it shows that it changed. FNV-1a (64 bits) over the fields in a fixed
/// form: fast enough to check every row a comparison reads, and stable across processes (Swift's `Hasher` is not).
enum RowChecksum {
    static func of(_ fields: [(any DatabaseValueConvertible)?]) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        for field in fields {
            switch field?.databaseValue.storage {
            case nil, .null?: add(0)
            case .int64(let value)?: add(1); for byte in String(value).utf8 { add(byte) }
            case .double(let value)?: add(2); withUnsafeBytes(of: value.bitPattern) { for byte in $0 { add(byte) } }
            case .string(let value)?: add(3); for byte in value.utf8 { add(byte) }
            case .blob(let value)?: add(4); for byte in value { add(byte) }
            }
            add(0x1f)
        }
        return Int64(bitPattern: hash)
    }
}

/// The store found damage: what and where, so the error can say it.
struct StoreDamage: Error {
    var reason: String
}
