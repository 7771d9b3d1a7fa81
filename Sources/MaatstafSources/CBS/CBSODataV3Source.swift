import Foundation
import MaatstafFetch

/// Downloads a CBS table through OData v3: metadata, code lists and the full data set.
///
/// Data comes from the bulk feed (`ODataFeed`), 10,000 rows a page. When `TableInfos` announces a `RecordCount`, all
/// pages are requested at once by `$skip` through the multi interface rather than walked one `nextLink` at a time;
/// either way the rows received must equal the count announced, or the download fails.
public struct CBSODataV3Source: Sendable {
    public let fetcher: CachedFetcher
    /// Scheme and host of the catalog, e.g. `https://opendata.cbs.nl`, or a local mirror in tests.
    public let base: String
    public static let pageSize = 10_000

    public init(fetcher: CachedFetcher, base: String) {
        self.fetcher = fetcher
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
    }

    func url(_ table: String, _ entity: String, query: String = "") -> String {
        "\(base)/ODataFeed/odata/\(table)/\(entity)?$format=json\(query)"
    }

    public func tableInfo(_ table: String) async throws -> (CBSTableInfo, FetchResult) {
        let url = url(table, "TableInfos")
        let result = try await fetcher.fetch(url)
        return (try CBSResponseParser.tableInfo(result.body, url: url), result)
    }

    public func dataProperties(_ table: String) async throws -> ([CBSDataProperty], FetchResult) {
        let url = url(table, "DataProperties")
        let result = try await fetcher.fetch(url)
        return (try CBSResponseParser.dataProperties(result.body, url: url), result)
    }

    public func codes(_ table: String, dimension: String) async throws -> [CBSDimensionCode] {
        let url = url(table, dimension)
        return try CBSResponseParser.codes(try await fetcher.fetch(url).body, url: url)
    }

    /// The whole typed data set, verified against the announced row count.
    public func dataSet(_ table: String) async throws -> CBSDataSet {
        // The two metadata requests go out together: each costs a round trip to CBS.
        async let infoRequest = tableInfo(table)
        async let propertiesRequest = dataProperties(table)
        let (info, infoResult) = try await infoRequest
        let (properties, propertiesResult) = try await propertiesRequest
        let responses = [(infoResult.url, SHA256.hex(infoResult.body)), (propertiesResult.url, SHA256.hex(propertiesResult.body))]
        var set = CBSDataSet(table: info, properties: properties, responses: responses.map { (url: $0.0, sha256: $0.1) })
        let layout = PageLayout(dimensionKeys: set.dimensions.map(\.key), topicKeys: set.topics.map(\.key))
        let pages: [Page]
        if let count = info.recordCount {
            pages = try await pagesBySkip(table, count: count, layout: layout)
        } else {
            pages = try await pagesByNextLink(table, layout: layout)
        }
        for page in pages {
            set.append(codes: page.columns.codes, values: page.columns.values)
            set.responses.append((url: page.url, sha256: page.sha256))
        }
        try Self.checkUniqueRows(set, url: url(table, "TypedDataSet"))
        if let count = info.recordCount, set.rowCount != count {
            throw SourceError(subject: url(table, "TypedDataSet"),
                              reason: "received \(set.rowCount) rows but TableInfos announces \(count)",
                              hint: "The download is incomplete; run again with --refresh (nothing was stored)")
        }
        return set
    }

    /// Every row of a data set is one combination of dimension codes. A combination seen twice means a page
    /// repeated rows (and, with the count right, that others are missing): refused rather than stored.
    static func checkUniqueRows(_ set: CBSDataSet, url: String) throws {
        guard !set.codes.isEmpty else { return }
        // Each row's combination as one integer: the codes numbered per column, mixed-radix. Hashing 200,000
        // integers is cheap where joining 200,000 strings was not.
        var numbered: [[Int]] = []
        var radix: [Int] = []
        for column in set.codes {
            var numbers: [String: Int] = [:]
            var last: (code: String, number: Int)?
            numbered.append(column.map { code in
                if let last, last.code == code { return last.number }
                let number = numbers[code] ?? numbers.count
                numbers[code] = number
                last = (code, number)
                return number
            })
            radix.append(max(1, numbers.count))
        }
        var product = 1
        for size in radix {
            let (result, overflow) = product.multipliedReportingOverflow(by: size)
            guard !overflow else { return try checkUniqueRowsByText(set, url: url) }
            product = result
        }
        var seen: [Int: Int] = [:]
        seen.reserveCapacity(set.rowCount)
        for row in 0..<set.rowCount {
            var key = 0
            for column in numbered.indices { key = key * radix[column] + numbered[column][row] }
            if let first = seen.updateValue(row, forKey: key) { throw repeated(set, row: row, first: first, url: url) }
        }
    }

    /// For tables with so many codes that their combinations do not fit an integer.
    private static func checkUniqueRowsByText(_ set: CBSDataSet, url: String) throws {
        var seen: [String: Int] = [:]
        for row in 0..<set.rowCount {
            let key = set.codes.map { $0[row] }.joined(separator: "\u{1F}")
            if let first = seen.updateValue(row, forKey: key) { throw repeated(set, row: row, first: first, url: url) }
        }
    }

    private static func repeated(_ set: CBSDataSet, row: Int, first: Int, url: String) -> SourceError {
        let codes = zip(set.dimensions, set.codes).map { "\($0.key)=\($1[row])" }.joined(separator: ", ")
        return SourceError(subject: url, reason: "row \(row) repeats the dimension codes of row \(first) (\(codes)): a page repeated rows",
                           hint: "The server sent inconsistent pages; run again with --refresh (nothing was stored)")
    }

    /// The columns a page is read into.
    struct PageLayout: Sendable {
        var dimensionKeys: [String]
        var topicKeys: [String]
    }

    /// One data page, read into columns.
    struct Page: @unchecked Sendable {
        var url: String
        var columns: ODataPageScanner.Columns
        var sha256: String
    }

    /// Reads a page's body into columns; a row without a dimension code means the page does not fit the table.
    static func page(_ result: FetchResult, layout: PageLayout) throws -> Page {
        let body = result.body, url = result.url
        let columns: ODataPageScanner.Columns
        do {
            columns = try ODataPageScanner.scan(body, dimensionKeys: layout.dimensionKeys, topicKeys: layout.topicKeys)
        } catch let error as ODataPageScanner.Malformed {
            throw SourceError(subject: url, reason: "is not a valid CBS OData page: \(error.reason) at byte \(error.offset) of \(body.count)",
                              hint: "The response may be cut off or an error page; run again with --refresh")
        }
        if columns.rowsWithoutCode > 0 {
            throw SourceError(subject: url, reason: "\(columns.rowsWithoutCode) row(s) lack a code for a dimension of the table",
                              hint: "The response does not match the table's DataProperties; run again with --refresh")
        }
        // The cache already computed the body's checksum when it stored it.
        return Page(url: url, columns: columns, sha256: result.metadata?.sha256 ?? SHA256.hex(body))
    }

    /// All pages at once: `$skip` = 0, 10000, … up to the announced count. Each page is read into columns as soon
    /// as it arrives, so parsing runs in parallel with the remaining downloads and on every core.
    private func pagesBySkip(_ table: String, count: Int, layout: PageLayout) async throws -> [Page] {
        let skips = Array(stride(from: 0, to: max(count, 1), by: Self.pageSize))
        return try await withThrowingTaskGroup(of: (Int, Page).self) { group in
            for (index, skip) in skips.enumerated() {
                let url = url(table, "TypedDataSet", query: "&$top=\(Self.pageSize)&$skip=\(skip)")
                group.addTask { (index, try Self.page(try await fetcher.fetch(url), layout: layout)) }
            }
            var pages = [Page?](repeating: nil, count: skips.count)
            for try await (index, page) in group { pages[index] = page }
            return pages.compactMap { $0 }
        }
    }

    /// Tables that announce no count: follow `odata.nextLink` one page at a time.
    private func pagesByNextLink(_ table: String, layout: PageLayout) async throws -> [Page] {
        var pages: [Page] = []
        var next: String? = url(table, "TypedDataSet")
        var seen: Set<String> = []
        while let url = next {
            guard seen.insert(url).inserted, pages.count < 10_000 else {
                throw SourceError(subject: url, reason: "the next-page links go round in a circle",
                                  hint: "Report this table to the maatstaf developers")
            }
            let page = try Self.page(try await fetcher.fetch(url), layout: layout)
            pages.append(page)
            next = page.columns.nextLink.map { link in
                // CBS writes absolute links to its own host; keep following on the base we were given (a mirror).
                guard let components = URLComponents(string: link), let path = components.percentEncodedPath.removingPercentEncoding else { return link }
                return base + path + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
            }
        }
        return pages
    }
}
