import Foundation
import GRDB
import MaatstafCore

/// A checksum of one stored row, written with the row and checked whenever the row is read.
///
/// SQLite's `quick_check` finds damage to the file's structure, but a flipped byte inside a stored number is a valid
/// number: only a checksum written beside it shows that it changed. FNV-1a (64 bits) over the fields in a fixed
/// form (a tag per type, integers as 8 bytes, text as UTF-8): fast enough to check every row a comparison reads,
/// and stable across processes (Swift's `Hasher` is not). Writers add typed fields; readers add the row's
/// `DatabaseValue`s, which come out in the same form.
struct RowChecksum {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    var value: Int64 { Int64(bitPattern: hash) }

    private mutating func byte(_ byte: UInt8) {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    private mutating func bytes(_ buffer: UnsafeRawBufferPointer) {
        var h = hash
        for byte in buffer { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        hash = h
    }

    mutating func add(_ value: Int64?) {
        guard var value = value?.littleEndian else { return byte(0) }
        byte(1)
        withUnsafeBytes(of: &value) { bytes($0) }
    }

    mutating func add(_ value: Int?) { add(value.map(Int64.init)) }

    /// SQLite stores a Bool as the integer 0 or 1.
    mutating func add(_ value: Bool) { add(Int64(value ? 1 : 0)) }

    mutating func add(_ value: Double) {
        var bits = value.bitPattern.littleEndian
        byte(2)
        withUnsafeBytes(of: &bits) { bytes($0) }
    }

    mutating func add(_ value: String?) {
        guard var value else { return byte(0) }
        byte(3)
        value.withUTF8 { bytes(UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ value: Data?) {
        guard let value else { return byte(0) }
        byte(4)
        value.withUnsafeBytes { bytes($0) }
    }

    mutating func add(_ value: DatabaseValue) {
        switch value.storage {
        case .null: byte(0)
        case .int64(let integer): add(integer)
        case .double(let double): add(double)
        case .string(let string): add(string)
        case .blob(let data): add(data)
        }
    }
}

/// The store found damage: what and where, so the error can say it.
struct StoreDamage: Error {
    var reason: LocalizedText
}
