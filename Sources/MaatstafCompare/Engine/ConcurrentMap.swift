import Dispatch
import Foundation

/// Work over many independent items — every indicator and period of an export — on every core, with the results in
/// the items' order, so what is written does not depend on which core finished first.
///
/// Why not a task group: the engine is synchronous (SQLite reads, plain arithmetic), and `concurrentPerform` runs
/// it on as many threads as there are cores without suspending anything. An error stops the remaining items; the
/// one of the earliest item is thrown, as running them one by one would have thrown it.
public enum ConcurrentMap {
    public static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) throws -> Result
    ) throws -> [Result] {
        if items.count < 2 { return try items.map(transform) }
        let slots = Slots<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            guard !slots.failedBefore(index) else { return }
            do {
                slots.set(index, .success(try transform(items[index])))
            } catch {
                slots.set(index, .failure(error))
            }
        }
        return try slots.results()
    }

    /// The results as they come in, under a lock (each is written once, by one thread).
    private final class Slots<Result: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Swift.Result<Result, any Error>?]
        /// The earliest item that failed so far: later items need not run.
        private var firstFailure = Int.max

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func failedBefore(_ index: Int) -> Bool { lock.withLock { firstFailure < index } }

        func set(_ index: Int, _ value: Swift.Result<Result, any Error>) {
            lock.withLock {
                values[index] = value
                if case .failure = value { firstFailure = min(firstFailure, index) }
            }
        }

        /// Every result in order, or the error of the earliest item that failed.
        func results() throws -> [Result] {
            try lock.withLock {
                try values.map { value in
                    guard let value else { preconditionFailure("an item ran after an earlier one failed") }
                    return try value.get()
                }
            }
        }
    }
}
