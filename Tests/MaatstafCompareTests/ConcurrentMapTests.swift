import Foundation
import MaatstafCompare
import Testing

@Suite("Work on every core, results in order")
struct ConcurrentMapTests {
    struct Failure: Error, Equatable {
        var item: Int
    }

    @Test("results come back in the items' order, whichever core finished first")
    func order() throws {
        let items = Array(0..<2_000)
        // Uneven work, so that items finish out of order.
        let results = try ConcurrentMap.map(items) { item -> String in
            var x = UInt64(item)
            for _ in 0..<((item % 7) * 500) { x = x &* 6_364_136_223_846_793_005 &+ 1 }
            return "\(item):\(x % 2)"
        }
        #expect(results.map { Int($0.split(separator: ":")[0])! } == items)
    }

    @Test("the error of the earliest failing item is thrown, as running them one by one would", arguments: [1, 2, 5])
    func earliestError(_ repeats: Int) {
        for _ in 0..<repeats {
            let error = #expect(throws: Failure.self) {
                try ConcurrentMap.map(Array(0..<500)) { item -> Int in
                    if item == 37 || item == 400 { throw Failure(item: item) }
                    return item
                }
            }
            #expect(error == Failure(item: 37))
        }
    }

    @Test("no items and one item")
    func small() throws {
        #expect(try ConcurrentMap.map([Int]()) { $0 }.isEmpty)
        #expect(try ConcurrentMap.map([41]) { $0 + 1 } == [42])
    }
}
