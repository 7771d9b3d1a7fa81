import Foundation
import Testing

@testable import MaatstafReport

/// `JSONLines` writes what `JSONSerialization` (sorted keys, unescaped slashes) writes for the same rows, byte for
/// byte: `export-all --format jsonl` kept its bytes when it stopped going through Foundation.
@Suite("JSON Lines written by hand, as JSONSerialization writes them")
struct JSONLinesTests {
    /// The reference: a row through Foundation, as `export-all` wrote it before.
    static func foundation(_ table: DataTable) throws -> String {
        try table.rows.map { row in
            var object: [String: Any] = [:]
            for (column, cell) in zip(table.columns, row) {
                switch cell {
                case .text(let text): object[column.key] = text
                case .number(let value): object[column.key] = value
                case .empty: object[column.key] = NSNull()
                }
            }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self) + "\n"
        }.joined()
    }

    @Test("numbers of every size and sign, seeded: the same text as Foundation's")
    func numbers() throws {
        var generator = SplitMix(state: 3_637)
        var values: [Double] = [
            0, -0.0, 1, -1, 0.1, 1e-5, 1e-7, .leastNonzeroMagnitude, 1.5e300, 9e15, 9e15 + 2, 1e16, 1e21, 2023, 123_456_789_012.5,
        ]
        for _ in 0..<20_000 {
            let exponent = Double(Int.random(in: -12...16, using: &generator))
            values.append(Double.random(in: -1...1, using: &generator) * pow(10, exponent))
            values.append((Double.random(in: -1e7...1e7, using: &generator)).rounded() / 100)
            values.append(Double(Int.random(in: -1_000_000...1_000_000, using: &generator)))
        }
        var table = DataTable(name: "t", columns: [.init("value", .number(decimals: 6)), .init("a")])
        table.rows = values.map { [.number($0), .text("x")] }
        let ours = JSONLines.render(table).split(separator: "\n")
        let theirs = try Self.foundation(table).split(separator: "\n")
        #expect(ours.count == theirs.count)
        for (index, (line, reference)) in zip(ours, theirs).enumerated() where line != reference {
            Issue.record("\(values[index]): \(line) ≠ \(reference)")
        }
    }

    @Test("text with quotes, backslashes, slashes, every control character, accents and emoji; empty cells; key order")
    func text() throws {
        var texts = ["a/b", "Súdwest-Fryslân", "\"q\"", "back\\slash", "€ 1.234,50", "𝄞", "\u{2028}", "<>&'", "\u{7F}", ""]
        texts += (0..<0x20).map { String(UnicodeScalar(UInt8($0))) + "x" }
        let columns: [DataTable.Column] = ["zeta", "reference_rate", "reference", "reference_code", "a_b", "ab", "A"].map {
            .init($0)
        }
        var table = DataTable(name: "t", columns: columns)
        table.rows = texts.enumerated().map { index, text in
            columns.indices.map { column in column == index % columns.count ? .empty : .text(text) }
        }
        #expect(JSONLines.render(table) == (try Self.foundation(table)))
    }

    /// SplitMix64: deterministic, so a failing case can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
