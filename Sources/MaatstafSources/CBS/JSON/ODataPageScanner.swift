import Foundation
import MaatstafCore

/// Reads one OData data page (`{"value": [{…}, …], "odata.nextLink": …}`) straight into columns, without building a
/// dictionary per row.
///
/// Why not `JSONSerialization`: a 200,000-row table is 20 pages of 10,000 flat objects, and boxing every cell into
/// `[String: Any]` cost most of the CPU time of a fetch. This scanner reads the bytes once, keeps only the columns
/// asked for, and still rejects anything that is not well-formed JSON (a cut-off or garbled page is an error, never a
/// short table). Objects and arrays inside a row are skipped; rows are expected to be flat, as CBS's are.
struct ODataPageScanner {
    /// A page read into columns: `codes[i]` for `dimensionKeys[i]`, `values[j]` for `topicKeys[j]`.
    struct Columns {
        var rowCount = 0
        var codes: [[String]]
        var values: [[CBSValue]]
        var nextLink: String?
        /// Rows that lacked a dimension code (the caller decides whether that is an error).
        var rowsWithoutCode = 0
        /// Per row, a 64-bit FNV-1a hash of its dimension codes (trimmed), computed while the bytes are at hand, so
        /// checking that no row repeats another costs one set insertion per row.
        var rowHashes: [UInt64] = []
    }

    /// A row's hash: FNV-1a over its trimmed dimension codes, each followed by 0x1F. The same function reads stored
    /// rows back for the exact repeated-row check, so it must stay the one the scanner uses.
    static func rowHash(_ codes: some Sequence<String>) -> UInt64 {
        var hash = hashSeed
        for code in codes { mix(code, into: &hash) }
        return hash
    }

    /// One code into a row's hash.
    @inline(__always)
    static func mix(_ code: String, into hash: inout UInt64) {
        var code = code
        code.withUTF8 { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* hashPrime }
        }
        hash = (hash ^ 0x1F) &* hashPrime
    }

    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let hashPrime: UInt64 = 0x100_0000_01b3

    struct Malformed: Error {
        var offset: Int
        var reason: LocalizedText
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    /// The keys a row may hold, as bytes, in the order a row usually lists them.
    private let keys: [[UInt8]]
    private let dimensionCount: Int
    private let nextLinkKeys: Set<String>

    private init(bytes: UnsafeBufferPointer<UInt8>, dimensionKeys: [String], topicKeys: [String], nextLinkKeys: Set<String>) {
        self.bytes = bytes
        self.keys = (dimensionKeys + topicKeys).map { Array($0.utf8) }
        self.dimensionCount = dimensionKeys.count
        self.nextLinkKeys = nextLinkKeys
    }

    /// Scans `data`; `nextLinkKeys` are the top-level keys holding the next page's URL (`odata.nextLink` in v3).
    static func scan(
        _ data: Data, dimensionKeys: [String], topicKeys: [String],
        nextLinkKeys: Set<String> = ["odata.nextLink", "@odata.nextLink"]
    ) throws -> Columns {
        try data.withUnsafeBytes { raw in
            var scanner = ODataPageScanner(
                bytes: raw.bindMemory(to: UInt8.self), dimensionKeys: dimensionKeys,
                topicKeys: topicKeys, nextLinkKeys: nextLinkKeys)
            return try scanner.page()
        }
    }

    // MARK: - The page

    private mutating func page() throws -> Columns {
        var columns = Columns(
            codes: Array(repeating: [], count: dimensionCount),
            values: Array(repeating: [], count: keys.count - dimensionCount))
        // A CBS row takes at least ~40 bytes: reserving for that many rows spares the columns repeated regrowth.
        let expectedRows = bytes.count / 40
        for index in columns.codes.indices { columns.codes[index].reserveCapacity(expectedRows) }
        for index in columns.values.indices { columns.values[index].reserveCapacity(expectedRows) }
        columns.rowHashes.reserveCapacity(expectedRows)
        var sawValue = false
        try expect(UInt8(ascii: "{"))
        if try !consume(UInt8(ascii: "}")) {
            repeat {
                let key = try string()
                try expect(UInt8(ascii: ":"))
                if key == "value" {
                    try rows(into: &columns)
                    sawValue = true
                } else if nextLinkKeys.contains(key) {
                    skipWhitespace()
                    if peek() == UInt8(ascii: "\"") { columns.nextLink = try string() } else { try skipValue() }
                } else {
                    try skipValue()
                }
            } while try consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"))
        }
        skipWhitespace()
        guard position == bytes.count else {
            throw Malformed(
                offset: position,
                reason: .en("text after the end of the JSON document", nl: "tekst na het einde van het JSON-document"))
        }
        guard sawValue else { throw Malformed(offset: 0, reason: .en("no \"value\" list", nl: "geen lijst \"value\"")) }
        return columns
    }

    private mutating func rows(into columns: inout Columns) throws {
        try expect(UInt8(ascii: "["))
        if try consume(UInt8(ascii: "]")) { return }
        let columnCount = keys.count
        var seen = [Bool](repeating: false, count: columnCount)
        repeat {
            try expect(UInt8(ascii: "{"))
            for index in 0..<columnCount { seen[index] = false }
            var expected = 0
            if try !consume(UInt8(ascii: "}")) {
                repeat {
                    let column = try keyColumn(expected: expected)
                    try expect(UInt8(ascii: ":"))
                    if let column, !seen[column] {
                        seen[column] = true
                        if column < dimensionCount {
                            try columns.codes[column].append(code())
                        } else {
                            try columns.values[column - dimensionCount].append(cell())
                        }
                        expected = column + 1
                    } else {
                        try skipValue()
                    }
                } while try consume(UInt8(ascii: ","))
                try expect(UInt8(ascii: "}"))
            }
            // A missing topic is an unknown value; a missing dimension is counted so the caller can refuse the page.
            for index in 0..<columnCount where !seen[index] {
                if index < dimensionCount {
                    columns.codes[index].append("")
                    columns.rowsWithoutCode += 1
                } else {
                    columns.values[index - dimensionCount].append(.unknown)
                }
            }
            var hash = Self.hashSeed
            for index in 0..<dimensionCount { Self.mix(columns.codes[index][columns.rowCount], into: &hash) }
            columns.rowHashes.append(hash)
            columns.rowCount += 1
        } while try consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
    }

    /// The column of the next key, or nil for a key not asked for. Rows list their keys in the same order, so the
    /// key is first compared with the one expected at this place.
    private mutating func keyColumn(expected: Int) throws -> Int? {
        skipWhitespace()
        guard peek() == UInt8(ascii: "\"") else {
            throw Malformed(offset: position, reason: .en("expected a key", nl: "een sleutel verwacht"))
        }
        let start = position + 1
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\") { end += 1 }
        guard end < bytes.count else {
            throw Malformed(
                offset: position, reason: .en("the text ends inside a key", nl: "de tekst houdt op binnen een sleutel"))
        }
        if bytes[end] == UInt8(ascii: "\\") {
            // An escaped key: rare; decode it properly and look it up by name.
            let key = try string()
            return keys.firstIndex(of: Array(key.utf8))
        }
        position = end + 1
        let length = end - start
        func matches(_ index: Int) -> Bool {
            let key = keys[index]
            guard key.count == length else { return false }
            return key.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress! + start, length) == 0 }
        }
        if expected < keys.count, matches(expected) { return expected }
        for index in keys.indices where index != expected && matches(index) { return index }
        return nil
    }

    // MARK: - Values

    /// A dimension code, trimmed of CBS's padding.
    private mutating func code() throws -> String {
        skipWhitespace()
        switch peek() ?? 0 {
        case UInt8(ascii: "\""):
            let start = position + 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\") { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
                position = end + 1
                var first = start
                var last = end
                while first < last, bytes[first] == 0x20 { first += 1 }
                while last > first, bytes[last - 1] == 0x20 { last -= 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)
            }
            return try string().trimmedSpaces
        case UInt8(ascii: "n"):
            try literal("null")
            return ""
        default:
            // A numeric code (some tables): keep its text.
            let start = position
            try skipValue()
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self).trimmedSpaces
        }
    }

    /// A topic cell: a number, `null` (unknown), an UntypedDataSet string such as `"    12"` or `"x"`, or text (a
    /// classification's code or name).
    private mutating func cell() throws -> CBSValue {
        skipWhitespace()
        switch peek() ?? 0 {
        case UInt8(ascii: "n"):
            try literal("null")
            return .unknown
        case UInt8(ascii: "\""):
            let start = position
            let text = try string()
            if let value = CBSValue(untyped: text) { return value }
            if Double(text.trimmedSpaces) != nil {
                throw Malformed(
                    offset: start,
                    reason: .en(
                        "the cell \"\(text.trimmedSpaces)\" is not a finite number",
                        nl: "de cel \"\(text.trimmedSpaces)\" is geen eindig getal"))
            }
            return .text(text.trimmedSpaces)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try number())
        default:
            try skipValue()
            return .unknown
        }
    }

    /// A JSON number. Up to 15 significant digits with a small exponent are exact in a Double (the usual case for
    /// statistics), so they are computed directly; anything else goes through Swift's `Double(String)`.
    private mutating func number() throws -> Double {
        let start = position
        var negative = false
        if peek() == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var simple = true
        guard position < bytes.count, isDigit(bytes[position]) else {
            throw Malformed(offset: start, reason: .en("a number without digits", nl: "een getal zonder cijfers"))
        }
        if bytes[position] == UInt8(ascii: "0"), position + 1 < bytes.count, isDigit(bytes[position + 1]) {
            throw Malformed(offset: start, reason: .en("a number with a leading zero", nl: "een getal met een voorloopnul"))
        }
        while position < bytes.count, isDigit(bytes[position]) {
            if digits < 18 { mantissa = mantissa * 10 + UInt64(bytes[position] - 48) } else { simple = false }
            if mantissa != 0 { digits += 1 }
            position += 1
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw Malformed(
                    offset: start,
                    reason: .en("a number ends after its decimal point", nl: "een getal houdt op na de decimale punt"))
            }
            while position < bytes.count, isDigit(bytes[position]) {
                if digits < 18 {
                    mantissa = mantissa * 10 + UInt64(bytes[position] - 48)
                    fractionDigits += 1
                } else {
                    simple = false
                }
                if mantissa != 0 { digits += 1 }
                position += 1
            }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            simple = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw Malformed(
                    offset: start, reason: .en("a number with an empty exponent", nl: "een getal met een lege exponent"))
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if simple, digits <= 15, fractionDigits <= 22 {
            let value = Double(mantissa) / Self.powersOfTen[fractionDigits]
            // -0 is 0: a statistic has no sign of zero, and "-0,00" in a report would only confuse.
            return negative && mantissa != 0 ? -value : value
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        // Swift's parser: correctly rounded and independent of the C locale (strtod would read "1,5" in nl_NL).
        // Double("1e999") is infinity: one such cell would make every group rate infinite.
        guard let value = Double(text), value.isFinite else {
            throw Malformed(
                offset: start, reason: .en("the cell \(text) is not a finite number", nl: "de cel \(text) is geen eindig getal"))
        }
        return value == 0 ? 0 : value
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    /// A JSON string, escapes decoded.
    private mutating func string() throws -> String {
        skipWhitespace()
        guard peek() == UInt8(ascii: "\"") else {
            throw Malformed(offset: position, reason: .en("expected a string", nl: "een tekenreeks verwacht"))
        }
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 {
                throw Malformed(
                    offset: position, reason: .en("a control character inside a string", nl: "een stuurteken in een tekenreeks"))
            }
            position += 1
        }
        throw Malformed(
            offset: start, reason: .en("the text ends inside a string", nl: "de tekst houdt op binnen een tekenreeks"))
    }

    private mutating func escapedString(from start: Int) throws -> String {
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { break }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                        bytes[position + 1] == UInt8(ascii: "u")
                    {
                        position += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else {
                            throw Malformed(
                                offset: position, reason: .en("a broken surrogate pair", nl: "een kapot surrogaatpaar"))
                        }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    utf8.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
                default:
                    throw Malformed(
                        offset: position - 1,
                        reason: .en("an unknown escape in a string", nl: "een onbekende escape in een tekenreeks"))
                }
            default:
                if byte < 0x20 {
                    throw Malformed(
                        offset: position - 1,
                        reason: .en("a control character inside a string", nl: "een stuurteken in een tekenreeks"))
                }
                utf8.append(byte)
            }
        }
        throw Malformed(
            offset: start, reason: .en("the text ends inside a string", nl: "de tekst houdt op binnen een tekenreeks"))
    }

    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else {
            throw Malformed(offset: position, reason: .en("a cut-off \\u escape", nl: "een afgebroken \\u-escape"))
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - 55)
            default: throw Malformed(offset: position, reason: .en("a bad \\u escape", nl: "een ongeldige \\u-escape"))
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    /// Skips any JSON value, checking its syntax.
    private mutating func skipValue(depth: Int = 0) throws {
        guard depth < 64 else {
            throw Malformed(offset: position, reason: .en("nesting deeper than 64 levels", nl: "dieper genest dan 64 niveaus"))
        }
        skipWhitespace()
        guard let next = peek() else {
            throw Malformed(
                offset: position,
                reason: .en("the text ends where a value should be", nl: "de tekst houdt op waar een waarde hoort"))
        }
        switch next {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "{"):
            position += 1
            if try consume(UInt8(ascii: "}")) { return }
            repeat {
                _ = try string()
                try expect(UInt8(ascii: ":"))
                try skipValue(depth: depth + 1)
            } while try consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"))
        case UInt8(ascii: "["):
            position += 1
            if try consume(UInt8(ascii: "]")) { return }
            repeat { try skipValue(depth: depth + 1) } while try consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "]"))
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try number()
        default: throw Malformed(offset: position, reason: .en("unexpected character", nl: "onverwacht teken"))
        }
    }

    // MARK: - Bytes

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func consume(_ byte: UInt8) throws -> Bool {
        skipWhitespace()
        guard position < bytes.count else {
            throw Malformed(offset: position, reason: .en("the text ends too early", nl: "de tekst houdt te vroeg op"))
        }
        if bytes[position] == byte {
            position += 1
            return true
        }
        return false
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard try consume(byte) else {
            throw Malformed(
                offset: position,
                reason: .en(
                    "expected \"\(Character(Unicode.Scalar(byte)))\"", nl: "\"\(Character(Unicode.Scalar(byte)))\" verwacht"))
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count,
            memcmp(word.utf8Start, bytes.baseAddress! + position, count) == 0
        else {
            throw Malformed(offset: position, reason: .en("unexpected characters", nl: "onverwachte tekens"))
        }
        position += count
    }
}
