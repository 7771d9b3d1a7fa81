import Foundation
import MaatstafFetch

/// A table's first data pages, asked for at the same moment as its metadata.
///
/// Which pages a table has follows from its row count, which only the metadata gives; waiting for it cost a whole
/// round trip before the first page (at 50 ms latency, a quarter of a 200,000-row fetch). The first pages' addresses
/// are the same for every table (`$top=10000&$skip=0`, `…&$skip=10000`, …), so they are asked for at once — as many
/// as there are connections to the host less the two the metadata takes, so the first round fills them all. A table
/// with fewer pages answers the rest with no rows; those are dropped, and taken out of the cache again when this fetch
/// put them there.
///
/// The bodies are read (and checked) only once the metadata says how; a failed request matters only when its page is
/// one the table has.
struct PagePrefetch: Sendable {
    let urls: [String]
    /// The addresses the cache already held before they were asked for: a fetch continued from cached pages counts
    /// these, not the ones this prefetch has just stored.
    let cachedBefore: Set<String>
    private let fetcher: CachedFetcher
    private let requests: [Task<FetchResult, any Error>]

    init(urls: [String], fetcher: CachedFetcher) {
        self.urls = urls
        self.fetcher = fetcher
        cachedBefore =
            fetcher.policy == .bypass
            ? [] : Set(urls.filter { FileManager.default.fileExists(atPath: fetcher.cache.fileURL(for: $0).path) })
        requests = urls.map { url in Task { try await fetcher.fetch(url) } }
    }

    /// The response for the page at `index` (an index below `urls.count`).
    func response(_ index: Int) async throws -> FetchResult {
        try await withTaskCancellationHandler {
            try await requests[index].value
        } onCancel: {
            requests[index].cancel()
        }
    }

    /// Stops the requests from `first` on and takes out of the cache what they stored there: pages past the table's
    /// last one, or every page when the table is read another way.
    func discard(from first: Int = 0) async {
        for index in requests.indices where index >= first {
            requests[index].cancel()
            let result = try? await requests[index].value
            if fetcher.policy != .bypass, !cachedBefore.contains(urls[index]), result?.origin != .cache {
                fetcher.cache.remove(urls[index])
            }
        }
    }
}
