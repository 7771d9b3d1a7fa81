import Foundation
import MaatstafModel

/// The indicator catalog of one command run, read on first use. A class, so the workspace's copies and the engine's
/// neighbour finder share one read; the lock makes that safe across threads.
final class CatalogCache: @unchecked Sendable {
    private let lock = NSLock()
    private let read: () throws -> IndicatorCatalog
    private var result: Result<IndicatorCatalog, any Error>?

    init(_ read: @escaping () throws -> IndicatorCatalog) {
        self.read = read
    }

    @Sendable func get() throws -> IndicatorCatalog {
        try lock.withLock {
            if let result { return try result.get() }
            let fresh = Result { try read() }
            result = fresh
            return try fresh.get()
        }
    }
}
