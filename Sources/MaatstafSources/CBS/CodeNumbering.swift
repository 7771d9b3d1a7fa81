/// Numbers a dimension's codes in the order they first appear: a hash table for the hot loops of a streamed fetch
/// (`RowOrderCheck`, and the store's column dictionaries).
///
/// Why not a `Dictionary`: its seeded SipHash made the order check a tenth of a streamed fetch's CPU time; codes are
/// short ASCII, and FNV-1a over their bytes with linear probing does the same work in a fraction of it. Equal codes
/// are compared as strings, so the numbering is exact.
public struct CodeNumbering: Sendable {
    private var keys: [String?] = Array(repeating: nil, count: 64)
    private var numbers: [Int32] = Array(repeating: 0, count: 64)
    /// The codes by number.
    public private(set) var codes: [String] = []
    public var count: Int { codes.count }

    public init() {}

    /// The code's number, given the next free one when it is new.
    public mutating func number(_ code: String) -> Int32 {
        var slot = home(code)
        while let key = keys[slot] {
            if key == code { return numbers[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        let number = Int32(codes.count)
        keys[slot] = code
        numbers[slot] = number
        codes.append(code)
        if codes.count * 2 > keys.count { grow() }
        return number
    }

    private func home(_ code: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var bytes = code
        bytes.withUTF8 { for byte in $0 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 } }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29)) & (keys.count - 1)
    }

    /// Twice the room; the codes go back in their numbers' order, so each gets its own number again.
    private mutating func grow() {
        let known = codes
        keys = Array(repeating: nil, count: keys.count * 2)
        numbers = Array(repeating: 0, count: keys.count)
        codes = []
        for code in known { _ = number(code) }
    }
}
