import Foundation
import Testing

@testable import MaatstafModel

@Suite("The compact format of kept values")
struct CompactCodingTests {
    @Test("what is written reads back: integers of every size and sign, text, doubles, absent and present, lists")
    func roundTrip() throws {
        let integers = [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, Int(Int32.max), Int.max, Int.min]
        let texts = ["", "Súdwest-Fryslân", "'s-Hertogenbosch", "Bergen (NH.)", String(repeating: "x", count: 300)]
        let doubles = [0.0, -0.0, 1.5, -2_578.25, .pi, .greatestFiniteMagnitude, .leastNonzeroMagnitude]
        var writer = CompactWriter()
        writer.array(integers) { $0.int($1) }
        writer.array(texts) { $0.string($1) }
        writer.array(doubles) { $0.double($1) }
        writer.optional(nil as Int?) { $0.int($1) }
        writer.optional(42 as Int?) { $0.int($1) }
        writer.bool(true)
        var reader = CompactReader(writer.data)
        #expect(try reader.array { try $0.int() } == integers)
        #expect(try reader.array { try $0.string() } == texts)
        let read = try reader.array { try $0.double() }
        #expect(read.map(\.bitPattern) == doubles.map(\.bitPattern))
        #expect(try reader.optional { try $0.int() } == nil)
        #expect(try reader.optional { try $0.int() } == 42)
        #expect(try reader.bool())
        #expect(reader.isAtEnd)
    }

    @Test("integers are LEB128 varints after zig-zag: 0 → 00, -1 → 01, 1 → 02, 64 → 80 01 (the protobuf encoding)")
    func knownBytes() {
        var writer = CompactWriter()
        for value in [0, -1, 1, 64] { writer.int(value) }
        #expect([UInt8](writer.data) == [0x00, 0x01, 0x02, 0x80, 0x01])
    }

    @Test("cut short or with a byte out of place: Malformed, never a value", arguments: [1, 2, 5, 9])
    func truncated(_ keep: Int) {
        var writer = CompactWriter()
        writer.array(["Westervoort", "Duiven"]) { $0.string($1) }
        var reader = CompactReader(writer.data.prefix(keep))
        #expect(throws: CompactReader.Malformed.self) { try reader.array { try $0.string() } }
    }

    @Test("a count larger than the bytes left, a bool that is not 0 or 1, a varint that never ends")
    func hostile() {
        var huge = CompactReader(Data([0xfe, 0xff, 0xff, 0xff, 0x0f]))
        #expect(throws: CompactReader.Malformed.self) { try huge.array { try $0.int() } }
        var notBool = CompactReader(Data([2]))
        #expect(throws: CompactReader.Malformed.self) { try notBool.bool() }
        var endless = CompactReader(Data(repeating: 0xff, count: 12))
        #expect(throws: CompactReader.Malformed.self) { try endless.int() }
    }
}
