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
        let (info, infoResult) = try await tableInfo(table)
        let (properties, propertiesResult) = try await dataProperties(table)
        var responses = [(infoResult.url, SHA256.hex(infoResult.body)), (propertiesResult.url, SHA256.hex(propertiesResult.body))]
        let pages: [(String, CBSResponseParser.Page)]
        if let count = info.recordCount {
            pages = try await pagesBySkip(table, count: count)
        } else {
            pages = try await pagesByNextLink(table)
        }
        let dimensionKeys = properties.filter(\.isDimension).map(\.key)
        let topicKeys = properties.filter { $0.kind == .topic }.map(\.key)
        var rows: [CBSDataSet.Row] = []
        for (url, page) in pages {
            for raw in page.rows {
                var dimensions: [String: String] = [:]
                for key in dimensionKeys {
                    guard let code = raw[key] as? String else {
                        throw SourceError(subject: url, reason: "a row has no code for dimension \(key)",
                                          hint: "The response does not match the table's DataProperties; run again with --refresh")
                    }
                    dimensions[key] = code.trimmedSpaces
                }
                var values: [String: CBSValue] = [:]
                for key in topicKeys {
                    switch raw[key] {
                    case let number as NSNumber: values[key] = .number(number.doubleValue)
                    case let text as String: values[key] = CBSValue(untyped: text) ?? .unknown
                    default: values[key] = .unknown
                    }
                }
                rows.append(CBSDataSet.Row(dimensions: dimensions, values: values))
            }
            responses.append((url, page.sha256))
        }
        if let count = info.recordCount, rows.count != count {
            throw SourceError(subject: url(table, "TypedDataSet"),
                              reason: "received \(rows.count) rows but TableInfos announces \(count)",
                              hint: "The download is incomplete; run again with --refresh (nothing was stored)")
        }
        return CBSDataSet(table: info, properties: properties, rows: rows,
                          responses: responses.map { (url: $0.0, sha256: $0.1) })
    }

    /// All pages at once: `$skip` = 0, 10000, … up to the announced count.
    private func pagesBySkip(_ table: String, count: Int) async throws -> [(String, CBSResponseParser.Page)] {
        let skips = Array(stride(from: 0, to: max(count, 1), by: Self.pageSize))
        let bodies = try await withThrowingTaskGroup(of: (Int, String, Data).self) { group in
            for (index, skip) in skips.enumerated() {
                let url = url(table, "TypedDataSet", query: "&$top=\(Self.pageSize)&$skip=\(skip)")
                group.addTask { (index, url, try await fetcher.fetch(url).body) }
            }
            var bodies = [(String, Data)?](repeating: nil, count: skips.count)
            for try await (index, url, body) in group { bodies[index] = (url, body) }
            return bodies.compactMap { $0 }
        }
        return try bodies.map { url, body in (url, try CBSResponseParser.page(body, url: url)) }
    }

    /// Tables that announce no count: follow `odata.nextLink` one page at a time.
    private func pagesByNextLink(_ table: String) async throws -> [(String, CBSResponseParser.Page)] {
        var pages: [(String, CBSResponseParser.Page)] = []
        var next: String? = url(table, "TypedDataSet")
        var seen: Set<String> = []
        while let url = next {
            guard seen.insert(url).inserted, pages.count < 10_000 else {
                throw SourceError(subject: url, reason: "the next-page links go round in a circle",
                                  hint: "Report this table to the maatstaf developers")
            }
            let page = try CBSResponseParser.page(try await fetcher.fetch(url).body, url: url)
            pages.append((url, page))
            next = page.nextLink.map { link in
                // CBS writes absolute links to its own host; keep following on the base we were given (a mirror).
                guard let components = URLComponents(string: link), let path = components.percentEncodedPath.removingPercentEncoding else { return link }
                return base + path + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
            }
        }
        return pages
    }
}
