import Foundation
import MaatstafCore
import MaatstafFetch

/// What a fetch delivered: a table streamed into a sink (stored as it came), or one held whole in memory.
public enum CBSFetched: Sendable {
    case streamed(CBSStreamSummary)
    case whole(CBSDataSet)
}

extension CBSODataV3Source {
    /// Pages held at once while streaming: being received, or received and waiting for an earlier page. Half again
    /// the transfers per host (8), so the connections stay busy while a slow page holds up the pages after it; each
    /// page held costs about 1 MiB (measured: 16 pages held 5 MiB more at peak than 10, for a 5-million-row table).
    public static let streamWindow = 12

    /// A table, streamed into the sink `makeSink` gives for it when it can be, otherwise held whole.
    ///
    /// Streams when the whole table is asked for, CBS announces its row count (so the pages are known up front) and
    /// `makeSink` returns a sink for the table's metadata (the caller declines, with nil, a table it must read whole,
    /// such as an Iv3 table that becomes documents). The pages are requested by `$skip`, at most `streamWindow` ahead
    /// of the first page not yet handed on, parsed as they arrive and handed to the sink in order; so memory is
    /// bounded by the window, not by the table (plus 5 bytes a row for the repeated-row check, only when the rows do
    /// not come in nested order).
    public func fetch(
        _ table: String, filter: CBSFilter = CBSFilter(),
        streamingInto makeSink: (CBSTableInfo, [CBSDataProperty]) async throws -> (any CBSTableSink)?
    ) async throws -> CBSFetched {
        guard filter.isEmpty else { return .whole(try await dataSet(table, filter: filter)) }
        try CBSTableID.check(table)
        // The first pages are asked for with the metadata (`PagePrefetch`): one round trip less. Two connections stay
        // free for TableInfos and DataProperties, which would otherwise queue behind the pages.
        let connections = fetcher.client.configuration.maxConcurrentPerHost
        let prefetch = PagePrefetch(
            urls: pageURLs(table, count: max(1, connections - 2) * Self.pageSize), fetcher: fetcher)
        let metadata: CBSDataSet
        do {
            metadata = try await emptyDataSet(table)
        } catch {
            await prefetch.discard()
            throw error
        }
        guard let count = metadata.table.recordCount else {
            await prefetch.discard()
            return try await fetchByNextLink(table, metadata: metadata, streamingInto: makeSink)
        }
        let urls = pageURLs(table, count: count)
        await prefetch.discard(from: urls.count)
        // Some pages in the cache but not all: a download that broke off. They are used only if the table is still
        // the one they came from — CBS's TableInfos, asked again, must be what it was; otherwise every page is asked
        // for again. (Checked before anything is stored: a table streams into the store as it comes.) The pages asked
        // for with the metadata count as cached only if they were before.
        if fetcher.policy == .standard {
            let cached = urls.enumerated().count { index, url in
                if index < prefetch.urls.count { return prefetch.cachedBefore.contains(url) }
                if case .hit = fetcher.cache.lookup(url) { return true }
                return false
            }
            if cached > 0 && cached < urls.count {
                let current = try await fetcher.with(policy: .refresh).fetch(url(table, "TableInfos"))
                if Self.sha256(current) != metadata.responses.first?.sha256 {
                    await prefetch.discard()
                    return try await CBSODataV3Source(fetcher: fetcher.with(policy: .refresh), base: base)
                        .fetch(table, streamingInto: makeSink)
                }
            }
        }
        let made: (any CBSTableSink)?
        do {
            made = try await makeSink(metadata.table, metadata.properties)
        } catch {
            // No sink (the store would not open): nothing of this fetch stays behind but the metadata.
            await prefetch.discard()
            throw error
        }
        guard let sink = made else {
            // Read whole: the pages asked for are in the cache by now, and read from there.
            for index in prefetch.urls.indices where index < urls.count { _ = try? await prefetch.response(index) }
            return .whole(try await wholeDataSet(table, metadata: metadata))
        }
        do {
            return .streamed(
                try await stream(table, metadata: metadata, count: count, urls: urls, prefetch: prefetch, into: sink))
        } catch let error as FetchError {
            sink.abandon()
            throw keptPages(error, urls: urls)
        } catch {
            sink.abandon()
            throw error
        }
    }

    /// A table that announces no row count: its pages are known only one at a time, from each page's `odata.nextLink`,
    /// so they are walked in order — the next page requested while the one before goes into the sink (two pages held at
    /// most) — up to `maxPagesWithoutCount`. Without a count to hold the rows against, the checks that remain are the
    /// ones every table gets: links stay within the table, none goes round in a circle, no row repeats another. A
    /// download continued from cached pages is checked afterwards, as a whole table is: if TableInfos changed since,
    /// the rows stored so far are undone and every page asked for again.
    private func fetchByNextLink(
        _ table: String, metadata: CBSDataSet,
        streamingInto makeSink: (CBSTableInfo, [CBSDataProperty]) async throws -> (any CBSTableSink)?
    ) async throws -> CBSFetched {
        guard let sink = try await makeSink(metadata.table, metadata.properties) else {
            return .whole(try await wholeDataSet(table, metadata: metadata))
        }
        let summary: CBSStreamSummary
        do {
            summary = try await streamByNextLink(table, metadata: metadata, into: sink)
        } catch is TableChangedMidway {
            sink.abandon()
            var refreshed = CBSODataV3Source(fetcher: fetcher.with(policy: .refresh), base: base)
            refreshed.maxPagesWithoutCount = maxPagesWithoutCount
            return try await refreshed.fetch(table, streamingInto: makeSink)
        } catch {
            sink.abandon()
            throw error
        }
        return .streamed(summary)
    }

    /// The page at `url`, read into columns; none when there is no URL (the last page was read).
    private static func page(at url: String?, fetcher: CachedFetcher, layout: PageLayout) async throws -> Page? {
        guard let url else { return nil }
        return try await fetcher.fetch(url) { try Self.page($0, layout: layout) }
    }

    /// Cached pages were continued from, and TableInfos says the table changed since they were kept.
    private struct TableChangedMidway: Error {}

    private func streamByNextLink(
        _ table: String, metadata: CBSDataSet, into sink: any CBSTableSink
    ) async throws -> CBSStreamSummary {
        let layout = PageLayout(dimensionKeys: metadata.dimensions.map(\.key), topicKeys: metadata.topics.map(\.key))
        let dimensions = metadata.dimensions
        let dataURL = url(table, "TypedDataSet")
        try sink.begin(table: metadata.table, properties: metadata.properties)
        async let codeLists = codeLists(table, dimensions: dimensions)
        var intake = PageIntake(announced: nil, dimensions: dimensions.count, responses: metadata.responses)
        var seen: Set<String> = [dataURL]
        let fetcher = self.fetcher
        var page: Page? = try await fetcher.fetch(dataURL) { try Self.page($0, layout: layout) }
        while let current = page {
            let next = try current.columns.nextLink.map { try Self.nextPage($0, after: current.url, base: base) }
            if let next {
                guard seen.insert(next).inserted else { throw Self.circularLinks(next) }
                guard intake.pages + 1 < maxPagesWithoutCount else {
                    throw Self.endlessLinks(dataURL, pages: intake.pages + 1)
                }
            }
            // The next page is on its way while this one is checked and stored.
            async let following = Self.page(at: next, fetcher: fetcher, layout: layout)
            try intake.take(current, into: sink)
            page = try await following
        }
        if intake.fromCache > 0 && intake.fromCache < intake.pages && fetcher.policy == .standard {
            let now = try await fetcher.with(policy: .refresh).fetch(url(table, "TableInfos"))
            if Self.sha256(now) != metadata.responses.first?.sha256 {
                throw TableChangedMidway()
            }
        }
        try intake.finish(into: sink, codeLists: try await codeLists, keys: dimensions.map(\.key), url: dataURL)
        return CBSStreamSummary(
            table: metadata.table, properties: metadata.properties, rowCount: intake.rows, pageCount: intake.pages,
            pagesFromCache: intake.fromCache, mostPagesHeld: min(intake.pages, 2), rowsInNestedOrder: intake.check == nil)
    }

    private func stream(
        _ table: String, metadata: CBSDataSet, count: Int, urls: [String], prefetch: PagePrefetch,
        into sink: any CBSTableSink
    ) async throws -> CBSStreamSummary {
        let layout = PageLayout(dimensionKeys: metadata.dimensions.map(\.key), topicKeys: metadata.topics.map(\.key))
        let dimensions = metadata.dimensions
        let dataURL = url(table, "TypedDataSet")
        try sink.begin(table: metadata.table, properties: metadata.properties)
        async let codeLists = codeLists(table, dimensions: dimensions)
        var intake = PageIntake(announced: count, dimensions: dimensions.count, responses: metadata.responses)
        var mostHeld = 0
        let fetcher = self.fetcher
        try await withThrowingTaskGroup(of: (Int, Page).self) { group in
            var requested = 0
            var handedOn = 0
            var waiting: [Int: Page] = [:]
            while requested < min(Self.streamWindow, urls.count) {
                let (index, url) = (requested, urls[requested])
                if index < prefetch.urls.count {
                    // Asked for with the metadata; read now that the metadata says how.
                    group.addTask {
                        (index, try fetcher.read(try await prefetch.response(index)) { try Self.page($0, layout: layout) })
                    }
                } else {
                    group.addTask { (index, try await fetcher.fetch(url) { try Self.page($0, layout: layout) }) }
                }
                requested += 1
            }
            while let (index, page) = try await group.next() {
                waiting[index] = page
                mostHeld = max(mostHeld, waiting.count)
                while let next = waiting.removeValue(forKey: handedOn) {
                    let rows = intake.rows + next.columns.rowCount
                    guard rows <= count else { throw Self.rowCountMismatch(rows, count, url: dataURL, atLeast: true) }
                    try intake.take(next, into: sink)
                    handedOn += 1
                    if requested < urls.count {
                        let (index, url) = (requested, urls[requested])
                        group.addTask { (index, try await fetcher.fetch(url) { try Self.page($0, layout: layout) }) }
                        requested += 1
                    }
                }
            }
        }
        guard intake.rows == count else {
            throw Self.rowCountMismatch(intake.rows, count, url: dataURL, atLeast: false)
        }
        try intake.finish(into: sink, codeLists: try await codeLists, keys: dimensions.map(\.key), url: dataURL)
        return CBSStreamSummary(
            table: metadata.table, properties: metadata.properties, rowCount: intake.rows, pageCount: urls.count,
            pagesFromCache: intake.fromCache, mostPagesHeld: mostHeld, rowsInNestedOrder: intake.check == nil)
    }

    /// The exact look behind the fingerprints: the stored rows read back page by page; those whose full hash is a
    /// suspect's are compared by their codes. Memory grows with the suspects, not with the table.
    static func checkSuspects(_ suspects: Set<UInt64>, in sink: any CBSTableSink, keys: [String], url: String) throws {
        var seen: [UInt64: [(row: Int, codes: [String])]] = [:]
        var row = 0
        try sink.forEachStoredPage { page in
            for index in 0..<(page.first?.count ?? 0) {
                defer { row += 1 }
                let hash = ODataPageScanner.rowHash(page.lazy.map { $0[index] })
                guard suspects.contains(hash) else { continue }
                let codes = page.map { $0[index] }
                if let first = seen[hash]?.first(where: { $0.codes == codes }) {
                    throw repeated(codes, keys: keys, row: row, first: first.row, url: url)
                }
                seen[hash, default: []].append((row, codes))
            }
        }
    }

    /// The rows received do not add up to the count TableInfos announced.
    static func rowCountMismatch(_ rows: Int, _ count: Int, url: String, atLeast: Bool) -> SourceError {
        SourceError(
            subject: url,
            reason: atLeast
                ? .en(
                    "received at least \(rows) rows but TableInfos announces \(count)",
                    nl: "minstens \(rows) rijen ontvangen, maar TableInfos kondigt er \(count) aan")
                : .en(
                    "received \(rows) rows but TableInfos announces \(count)",
                    nl: "\(rows) rijen ontvangen, maar TableInfos kondigt er \(count) aan"),
            hint: .en(
                "The download is incomplete; run again with \(option: .refresh) (nothing was stored)",
                nl: "De download is onvolledig; probeer opnieuw met \(option: .refresh) (er is niets opgeslagen)"))
    }
}
