import Foundation
import Testing

@testable import MaatstafCore

@Suite("A value behind a shared reference")
struct SharedValueTests {
    struct Point: Sendable, Hashable, Codable {
        var x: Int
        var name: String
    }

    @Test("a copy changed leaves the original as it was; equal values are equal, whichever reference holds them")
    func valueSemantics() {
        let original = SharedValue(Point(x: 1, name: "Duiven"))
        var copy = original
        #expect(copy == original)
        copy.change { $0.x = 2 }
        #expect(original.value == Point(x: 1, name: "Duiven"))
        #expect(copy.value == Point(x: 2, name: "Duiven"))
        #expect(copy != original)
        let again = SharedValue(Point(x: 2, name: "Duiven"))
        #expect(again == copy)
        #expect(again.hashValue == copy.hashValue)
    }

    @Test("its Codable form is the value's own, without a wrapper")
    func codable() throws {
        let point = Point(x: 7, name: "Westervoort")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(SharedValue(point)) == encoder.encode(point))
        let read = try JSONDecoder().decode(SharedValue<Point>.self, from: Data(#"{"name":"Westervoort","x":7}"#.utf8))
        #expect(read.value == point)
    }
}
