import Synchronization

/// Rendered views by their address, the least recently asked-for dropped first past `maximumBytes`.
///
/// Why: the dashboard computes from one engine for as long as it serves (the store does not change under it), so a
/// view's page is the same every time its address is asked for — and a team looks at the same few views (their own
/// municipality, their region). Rendering one costs 4–7 ms of CPU; on two cores, twenty people at once queued behind
/// each other (p99 287 ms in `scripts/bench-dashboard`). A page asked for again is sent as it was made. Only pages
/// rendered without error are kept; rendering happens outside the lock (two first requests for one view may both
/// render it).
final class ViewCache: Sendable {
    private struct Entry {
        var page: String
        var lastUsed: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    let maximumBytes: Int
    private let state = Mutex(State())

    /// 32 MiB holds a few hundred views (a 20-municipality view with maps is about 150 kB).
    init(maximumBytes: Int = 32 << 20) {
        self.maximumBytes = maximumBytes
    }

    /// The page for `address`: kept from before, or rendered now and kept.
    func page<E: Error>(_ address: String, render: () throws(E) -> String) throws(E) -> String {
        let kept: String? = state.withLock { state in
            guard var entry = state.entries[address] else { return nil }
            state.clock += 1
            entry.lastUsed = state.clock
            state.entries[address] = entry
            return entry.page
        }
        if let kept { return kept }
        let page = try render()
        let size = page.utf8.count
        guard size <= maximumBytes else { return page }
        state.withLock { state in
            state.clock += 1
            if let old = state.entries.updateValue(Entry(page: page, lastUsed: state.clock), forKey: address) {
                state.bytes -= old.page.utf8.count
            }
            state.bytes += size
            while state.bytes > maximumBytes, let oldest = state.entries.min(by: { $0.value.lastUsed < $1.value.lastUsed }) {
                state.entries[oldest.key] = nil
                state.bytes -= oldest.value.page.utf8.count
            }
        }
        return page
    }

    /// How many pages are kept (for tests).
    var count: Int { state.withLock { $0.entries.count } }
}
