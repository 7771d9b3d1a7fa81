import Foundation

/// A plain, fast byte format for values maatstaf keeps in its store for itself (the municipality atlas): integers as
/// LEB128 varints (zig-zag for signed), strings as their UTF-8 length and bytes, doubles as their 8 bytes. No field
/// names and no types — whoever writes and whoever reads is the same code of the same build (a kept value names the
/// build that made it), so the order *is* the format. Reading with `Codable` would cost more than making the value.
struct CompactWriter {
    private(set) var data = Data()

    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        while rest >= 0x80 {
            data.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        data.append(UInt8(rest))
    }

    mutating func bool(_ value: Bool) { data.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            int(bytes.count)
            data.append(bytes.baseAddress!, count: bytes.count)
        }
    }

    mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
    }

    /// A present/absent byte, then the value when present.
    mutating func optional<T>(_ value: T?, _ write: (inout CompactWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    /// The count, then each element.
    mutating func array<C: Collection>(_ values: C, _ write: (inout CompactWriter, C.Element) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
}

/// Reads what `CompactWriter` wrote; any byte out of place is `CompactReader.Malformed` (the caller then makes the
/// value anew rather than trust it).
struct CompactReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var position = 0

    init(_ data: Data) { bytes = [UInt8](data) }

    var isAtEnd: Bool { position == bytes.count }

    mutating func int() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Malformed() }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: result >> 1) ^ -Int64(bitPattern: result & 1))
    }

    mutating func bool() throws -> Bool {
        guard position < bytes.count, bytes[position] <= 1 else { throw Malformed() }
        defer { position += 1 }
        return bytes[position] == 1
    }

    mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, count <= bytes.count - position else { throw Malformed() }
        defer { position += count }
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[position..<position + count]), as: UTF8.self)
        }
    }

    mutating func double() throws -> Double {
        guard bytes.count - position >= 8 else { throw Malformed() }
        var pattern: UInt64 = 0
        for index in 0..<8 { pattern |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
        position += 8
        return Double(bitPattern: UInt64(littleEndian: pattern))
    }

    mutating func optional<T>(_ read: (inout CompactReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout CompactReader) throws -> T) throws -> [T] {
        let count = try int()
        // Each element takes at least a byte: a count past what is left is damage, not a reason to reserve memory.
        guard count >= 0, count <= bytes.count - position else { throw Malformed() }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }
}
