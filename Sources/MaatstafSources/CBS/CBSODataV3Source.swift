import Foundation
public import MaatstafCore
public import MaatstafFetch

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
    /// At most this many pages (100 million rows) are followed for a table that announces no count.
    public var maxPagesWithoutCount = 10_000

    public init(fetcher: CachedFetcher, base: String) {
        self.fetcher = fetcher
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
    }

    func url(_ table: String, _ entity: String, query: String = "") -> String {
        "\(base)/ODataFeed/odata/\(table)/\(entity)?$format=json\(query)"
    }

    public func tableInfo(_ table: String) async throws -> (CBSTableInfo, FetchResult) {
        try CBSTableID.check(table)
        let url = url(table, "TableInfos")
        return try await fetcher.fetch(url) { result in
            let info = try CBSResponseParser.tableInfo(result.body, url: url)
            if let count = info.recordCount, !(0...Self.maxRecordCount).contains(count) {
                throw SourceError(
                    subject: url,
                    reason: .en(
                        "announces \(count) rows, which no CBS table has (maatstaf accepts up to \(Self.maxRecordCount))",
                        nl:
                            "kondigt \(count) rijen aan, wat geen CBS-tabel heeft (maatstaf aanvaardt er tot \(Self.maxRecordCount))"
                    ),
                    hint: .en(
                        "Check the table id and \(option: .cbsBase); the server's answer cannot be right",
                        nl: "Controleer de tabelcode en \(option: .cbsBase); het antwoord van de server kan niet kloppen"))
            }
            return (info, result)
        }
    }

    /// The most rows a table may announce: CBS's largest tables hold a few tens of millions. A larger claim is not
    /// planned for (it would mean millions of page requests and gigabytes reserved on the server's word).
    public static let maxRecordCount = 100_000_000

    public func dataProperties(_ table: String) async throws -> ([CBSDataProperty], FetchResult) {
        try CBSTableID.check(table)
        let url = url(table, "DataProperties")
        return try await fetcher.fetch(url) { (try CBSResponseParser.dataProperties($0.body, url: url), $0) }
    }

    public func codes(_ table: String, dimension: String) async throws -> [CBSDimensionCode] {
        let url = url(table, dimension)
        return try await fetcher.fetch(url) { try CBSResponseParser.codes($0.body, url: url) }
    }

    /// The typed data set, whole or filtered. A whole table is verified against the announced row count; a
    /// filtered one (CBS announces no count for it) against repeated rows.
    public func dataSet(_ table: String, filter: CBSFilter = CBSFilter()) async throws -> CBSDataSet {
        filter.isEmpty ? try await wholeDataSet(table) : try await filteredDataSet(table, filter: filter)
    }

    /// The whole typed data set, verified against the announced row count. `metadata`: the table's metadata when
    /// already read (`fetch` read it to decide whether to stream).
    func wholeDataSet(_ table: String, metadata: CBSDataSet? = nil) async throws -> CBSDataSet {
        var set = if let metadata { metadata } else { try await emptyDataSet(table) }
        let layout = PageLayout(dimensionKeys: set.dimensions.map(\.key), topicKeys: set.topics.map(\.key))
        let dimensions = set.dimensions
        async let codeLists = codeLists(table, dimensions: dimensions)
        let pages: [Page]
        if let count = set.table.recordCount {
            pages = try await pagesBySkip(table, count: count, layout: layout)
        } else {
            pages = try await pagesByNextLink(table, layout: layout)
        }
        let fromCache = pages.filter(\.fromCache).count
        // Some pages from the cache and some from the server: a download that broke off is continuing. Its cached
        // pages are used only if the table is still the one they came from — CBS's TableInfos, asked again, must be
        // what it was; otherwise every page is asked for again.
        if fromCache > 0 && fromCache < pages.count && fetcher.policy == .standard {
            let current = try await fetcher.with(policy: .refresh).fetch(url(table, "TableInfos"))
            if Self.sha256(current) != set.responses.first?.sha256 {
                return try await CBSODataV3Source(fetcher: fetcher.with(policy: .refresh), base: base).wholeDataSet(table)
            }
        }
        set.codeLists = try await codeLists
        try add(pages, to: &set)
        set.pageCount = pages.count
        set.pagesFromCache = fromCache
        if let count = set.table.recordCount, set.rowCount != count {
            throw Self.rowCountMismatch(set.rowCount, count, url: url(table, "TypedDataSet"), atLeast: false)
        }
        return set
    }

    /// A table's metadata as a data set without rows. The two requests go out together: each costs a round trip.
    func emptyDataSet(_ table: String) async throws -> CBSDataSet {
        async let infoRequest = tableInfo(table)
        async let propertiesRequest = dataProperties(table)
        let (info, infoResult) = try await infoRequest
        let (properties, propertiesResult) = try await propertiesRequest
        return CBSDataSet(
            table: info, properties: properties,
            responses: [infoResult, propertiesResult].map { (url: $0.url, sha256: Self.sha256($0)) })
    }

    /// The body's checksum, as the cache recorded it when it stored the body.
    static func sha256(_ result: FetchResult) -> String {
        result.metadata?.sha256 ?? SHA256.hex(result.body)
    }

    /// Appends the pages' rows and responses, then refuses the set if a row repeats another.
    private func add(_ pages: [Page], to set: inout CBSDataSet) throws {
        set.reserveCapacity(rows: pages.reduce(0) { $0 + $1.columns.rowCount })
        for page in pages {
            set.append(codes: page.columns.codes, values: page.columns.values)
            set.responses.append((url: page.url, sha256: page.sha256))
        }
        try Self.checkUniqueRows(set, hashes: pages.flatMap(\.columns.rowHashes), url: url(set.table.identifier, "TypedDataSet"))
    }

    /// Every row of a data set is one combination of dimension codes. A combination seen twice means a page
    /// repeated rows (and, with the count right, that others are missing): refused rather than stored.
    /// `hashes`: one per row, computed by the scanner while the codes' bytes were at hand.
    static func checkUniqueRows(_ set: CBSDataSet, hashes: [UInt64], url: String) throws {
        guard !set.codes.isEmpty else { return }
        // Only when two rows hash alike is the exact check run. An open-addressing table indexed by the hash's own
        // bits: the hashes are already well mixed.
        let capacity = 1 << max(4, (hashes.count * 2).bitWidth - (hashes.count * 2).leadingZeroBitCount)
        let mask = capacity - 1
        var slots = [UInt64](repeating: 0, count: capacity)
        var sawZero = false
        for hash in hashes {
            if hash == 0 {
                if sawZero { return try checkUniqueRowsByText(set.codes, keys: set.dimensions.map(\.key), url: url) }
                sawZero = true
                continue
            }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 {
                if slots[slot] == hash { return try checkUniqueRowsByText(set.codes, keys: set.dimensions.map(\.key), url: url) }
                slot = (slot + 1) & mask
            }
            slots[slot] = hash
        }
    }

    /// The exact check, by the codes themselves (one array per dimension, `keys` their names): names the first
    /// repeated row.
    static func checkUniqueRowsByText(_ columns: [[String]], keys: [String], url: String) throws {
        var seen: [String: Int] = [:]
        for row in 0..<(columns.first?.count ?? 0) {
            let key = columns.map { $0[row] }.joined(separator: "\u{1F}")
            if let first = seen.updateValue(row, forKey: key) {
                throw repeated(columns.map { $0[row] }, keys: keys, row: row, first: first, url: url)
            }
        }
    }

    /// Row `row` (its dimension codes `row codes`) repeats row `first`.
    static func repeated(_ rowCodes: [String], keys: [String], row: Int, first: Int, url: String) -> SourceError {
        let codes = zip(keys, rowCodes).map { "\($0)=\($1)" }.joined(separator: ", ")
        return SourceError(
            subject: url,
            reason: .en(
                "row \(row) repeats the dimension codes of row \(first) (\(codes)): a page repeated rows",
                nl: "rij \(row) herhaalt de dimensiecodes van rij \(first) (\(codes)): een pagina herhaalde rijen"),
            hint: .en(
                "The server sent inconsistent pages; run again with \(option: .refresh) (nothing was stored)",
                nl:
                    "De server stuurde pagina's die elkaar tegenspreken; probeer opnieuw met \(option: .refresh) (er is niets opgeslagen)"
            ))
    }

    /// CBS writes absolute next-page links to its own host; they are followed on the base maatstaf was given (a
    /// mirror, or the local server of the tests).
    static func rebased(_ link: String, onto base: String) -> String {
        guard var components = URLComponents(string: link), let target = URLComponents(string: base) else { return link }
        components.scheme = target.scheme
        components.host = target.host
        components.port = target.port
        return components.string ?? link
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
        /// Served by the cache without asking the server.
        var fromCache = false
    }

    /// Reads a page's body into columns; a row without a dimension code means the page does not fit the table.
    static func page(_ result: FetchResult, layout: PageLayout) throws -> Page {
        let body = result.body
        let url = result.url
        let columns: ODataPageScanner.Columns
        do {
            columns = try ODataPageScanner.scan(body, dimensionKeys: layout.dimensionKeys, topicKeys: layout.topicKeys)
        } catch let error as ODataPageScanner.Malformed {
            throw SourceError(
                subject: url,
                reason: .en(
                    "is not a valid CBS OData page: \(error.reason.en) at byte \(error.offset) of \(body.count)",
                    nl: "is geen geldige CBS-OData-pagina: \(error.reason.nl) bij byte \(error.offset) van \(body.count)"),
                hint: .en(
                    "The response may be cut off or an error page; run again with \(option: .refresh)",
                    nl: "Het antwoord is misschien afgebroken of een foutpagina; probeer opnieuw met \(option: .refresh)"))
        }
        if columns.rowsWithoutCode > 0 {
            throw SourceError(
                subject: url,
                reason: .en(
                    "\(columns.rowsWithoutCode) row(s) lack a code for a dimension of the table",
                    nl: "\(columns.rowsWithoutCode) rij(en) missen een code voor een dimensie van de tabel"),
                hint: .en(
                    "The response does not match the table's DataProperties; run again with \(option: .refresh)",
                    nl: "Het antwoord past niet bij de DataProperties van de tabel; probeer opnieuw met \(option: .refresh)"))
        }
        return Page(url: url, columns: columns, sha256: sha256(result), fromCache: result.origin == .cache)
    }

    /// All pages at once: `$skip` = 0, 10000, … up to the announced count. Each page is read into columns as soon
    /// as it arrives, so parsing runs in parallel with the remaining downloads and on every core.
    private func pagesBySkip(_ table: String, count: Int, layout: PageLayout) async throws -> [Page] {
        let urls = pageURLs(table, count: count)
        do {
            return try await withThrowingTaskGroup(of: (Int, Page).self) { group in
                for (index, url) in urls.enumerated() {
                    group.addTask { (index, try await fetcher.fetch(url) { try Self.page($0, layout: layout) }) }
                }
                var pages = [Page?](repeating: nil, count: urls.count)
                for try await (index, page) in group { pages[index] = page }
                return pages.compactMap { $0 }
            }
        } catch let error as FetchError {
            throw keptPages(error, urls: urls)
        }
    }

    /// The page URLs of a table of `count` rows: `$skip` = 0, 10000, …
    func pageURLs(_ table: String, count: Int) -> [String] {
        stride(from: 0, to: max(count, 1), by: Self.pageSize).map {
            url(table, "TypedDataSet", query: "&$top=\(Self.pageSize)&$skip=\($0)")
        }
    }

    /// A failed download's error, saying how many of its pages the cache kept: what a second run starts from.
    func keptPages(_ error: FetchError, urls: [String]) -> FetchError {
        guard error.kind != .cancelled && fetcher.policy != .bypass else { return error }
        // The group has waited for every page by now: those in the cache are what a second run starts from.
        let kept = urls.filter { url in
            if case .hit = fetcher.cache.lookup(url) { return true }
            return false
        }.count
        guard kept > 0 else { return error }
        return FetchError(
            error.kind, subject: error.subject, reason: error.reason,
            hint: .en(
                "\(line: error.hint.english)\(error.hint.isEmpty ? "" : ". ")\(kept) of \(urls.count) pages are in the cache; the same command continues from them",
                nl:
                    "\(line: error.hint.dutch)\(error.hint.isEmpty ? "" : ". ")\(kept) van de \(urls.count) pagina's staan in de cache; dezelfde opdracht gaat daarmee verder"
            ))
    }

    /// The code list of every dimension, fetched together. CBS serves one per dimension; where a mirror has none
    /// (HTTP 404), or an offline fetch finds none in the cache, the table is stored without those titles rather
    /// than not at all.
    func codeLists(
        _ table: String, dimensions: [CBSDataProperty],
        known: [String: [CBSDimensionCode]] = [:]
    ) async throws -> [String: [CBSDimensionCode]] {
        try await withThrowingTaskGroup(of: (String, [CBSDimensionCode]?).self) { group in
            for dimension in dimensions where known[dimension.key] == nil {
                group.addTask {
                    do {
                        return (dimension.key, try await codes(table, dimension: dimension.key))
                    } catch let error as FetchError {
                        // No list on the server, or (offline) none in the cache: titles are a courtesy, the data is not.
                        switch error.kind {
                        case .httpStatus(404), .notCached: return (dimension.key, nil)
                        default: throw error
                        }
                    }
                }
            }
            var lists = known
            for try await (key, codes) in group { lists[key] = codes }
            return lists
        }
    }

    /// Part of a table: the keys of the chosen regions and years looked up in the table's code lists, topics in its
    /// DataProperties, and the request split so no filter holds more than `CBSFilter.codesPerRequest` codes.
    private func filteredDataSet(_ table: String, filter: CBSFilter) async throws -> CBSDataSet {
        let metadata = try await emptyDataSet(table)
        let allProperties = metadata.properties
        let dimensions = allProperties.filter(\.isDimension)
        let topics = try Self.topics(filter.topics, of: allProperties, table: table)
        var regionKeys: [String] = []
        var periodKeys: [String] = []
        var knownLists: [String: [CBSDimensionCode]] = [:]
        var dimensionNames: (region: String?, period: String?) = (nil, nil)
        if !filter.regions.isEmpty {
            guard let region = dimensions.first(where: { $0.kind == .geoDimension || $0.kind == .geoDetail }) else {
                throw SourceError(
                    subject: table,
                    reason: .en("has no region dimension to filter on", nl: "heeft geen regiodimensie om op te filteren"),
                    hint: .en(
                        "Leave out \(option: .region) (dimensions: \(dimensions.map(\.key).joined(separator: ", ")))",
                        nl: "Laat \(option: .region) weg (dimensies: \(dimensions.map(\.key).joined(separator: ", ")))"))
            }
            let codes = try await self.codes(table, dimension: region.key)
            knownLists[region.key] = codes
            let byKey = Dictionary(codes.map { ($0.key.uppercased(), $0) }, uniquingKeysWith: { first, _ in first })
            regionKeys = try filter.regions.map { wanted in
                guard let code = byKey[wanted.uppercased()] else {
                    let close = codes.filter { $0.key.uppercased().hasPrefix(String(wanted.uppercased().prefix(2))) }.prefix(5)
                        .map(\.key)
                    throw SourceError(
                        subject: "\(table) \(region.key)",
                        reason: .en("has no region \(wanted)", nl: "heeft geen regio \(wanted)"),
                        hint: close.isEmpty
                            ? .en(
                                "Check the code (e.g. GM0293, PV25, NL01)",
                                nl: "Controleer de code (bijvoorbeeld GM0293, PV25, NL01)")
                            : .en(
                                "Codes look like \(close.joined(separator: ", "))",
                                nl: "Codes zien eruit als \(close.joined(separator: ", "))"))
                }
                return code.filterKey
            }
            dimensionNames.region = region.key
        }
        if let years = filter.years {
            guard let period = dimensions.first(where: { $0.kind == .timeDimension }) else {
                throw SourceError(
                    subject: table,
                    reason: .en("has no period dimension to filter on", nl: "heeft geen periodedimensie om op te filteren"),
                    hint: .en("Leave out \(option: .period)", nl: "Laat \(option: .period) weg"))
            }
            let codes = try await self.codes(table, dimension: period.key)
            knownLists[period.key] = codes
            periodKeys = codes.filter { Int($0.key.prefix(4)).map(years.contains) ?? false }.map(\.filterKey)
            guard !periodKeys.isEmpty else {
                let known = Set(codes.compactMap { Int($0.key.prefix(4)) }).sorted()
                throw SourceError(
                    subject: "\(table) \(period.key)",
                    reason: .en(
                        "has no periods in \(years.lowerBound)–\(years.upperBound)",
                        nl: "heeft geen perioden in \(years.lowerBound)–\(years.upperBound)"),
                    hint: known.isEmpty
                        ? .en("Leave out \(option: .period)", nl: "Laat \(option: .period) weg")
                        : .en(
                            "The table covers \(known.first!)–\(known.last!)",
                            nl: "De tabel beslaat \(known.first!)–\(known.last!)"))
            }
            dimensionNames.period = period.key
        }
        var picked: [(key: String, codes: [String])] = []
        for selection in filter.selections {
            let (key, codes) = try await selectionKeys(table, selection, dimensions: dimensions)
            knownLists[key] = codes.list
            picked.append((key, codes.keys))
        }
        let pickedCount = picked.reduce(0) { $0 + $1.codes.count }
        guard pickedCount <= CBSFilter.codesPerRequest / 2 else {
            throw SourceError(
                subject: table,
                reason: .en(
                    "the selection picks \(pickedCount) codes; CBS refuses filters that long",
                    nl: "de selectie kiest \(pickedCount) codes; CBS weigert zulke lange filters"),
                hint: .en(
                    "Pick at most \(CBSFilter.codesPerRequest / 2) codes, or fetch without \(option: .selection(dimension: nil))",
                    nl:
                        "Kies hoogstens \(CBSFilter.codesPerRequest / 2) codes, of haal op zonder \(option: .selection(dimension: nil))"
                ))
        }
        let properties = allProperties.filter { $0.isDimension || $0.kind == .topicGroup || topics.contains($0.key) }
        var set = CBSDataSet(table: metadata.table, properties: properties, responses: metadata.responses)
        let layout = PageLayout(dimensionKeys: set.dimensions.map(\.key), topicKeys: set.topics.map(\.key))
        let select =
            filter.topics.isEmpty ? "" : "&$select=" + (set.dimensions.map(\.key) + set.topics.map(\.key)).joined(separator: ",")
        // The picked codes go into every request; regions and periods share the room they leave.
        let requests = CBSFilter.chunks(regionKeys, periodKeys, limit: CBSFilter.codesPerRequest - pickedCount).map { chunk in
            url(
                table, "TypedDataSet",
                query: Self.filterQuery(
                    [
                        (dimensionNames.region, chunk.regions),
                        (dimensionNames.period, chunk.periods),
                    ] + picked.map { ($0.key, $0.codes) }) + select)
        }
        let pages = try await withThrowingTaskGroup(of: (Int, [Page]).self) { group in
            for (index, request) in requests.enumerated() {
                group.addTask {
                    (index, try await pagesByNextLink(startingAt: request, layout: layout, announced: metadata.table.recordCount))
                }
            }
            var results = [[Page]](repeating: [], count: requests.count)
            for try await (index, pages) in group { results[index] = pages }
            return results.flatMap { $0 }
        }
        set.codeLists = try await codeLists(table, dimensions: dimensions, known: knownLists)
        try add(pages, to: &set)
        return set
    }

    /// The topic keys asked for (by key or stem), in the table's order; every topic when none is asked for.
    static func topics(_ wanted: [String], of properties: [CBSDataProperty], table: String) throws -> Set<String> {
        let topics = properties.filter { $0.kind == .topic }
        guard !wanted.isEmpty else { return Set(topics.map(\.key)) }
        return Set(
            try wanted.map { name in
                guard let topic = topics.first(where: { $0.key == name || $0.keyStem == name }) else {
                    throw SourceError(
                        subject: table, reason: .en("has no topic \(name)", nl: "heeft geen onderwerp \(name)"),
                        hint: .en(
                            "Topics: \(topics.prefix(12).map(\.keyStem).joined(separator: ", "))\(topics.count > 12 ? ", …" : "") (\(action: .describeTable(table)) after a fetch)",
                            nl:
                                "Onderwerpen: \(topics.prefix(12).map(\.keyStem).joined(separator: ", "))\(topics.count > 12 ? ", …" : "") (\(action: .describeTable(table)) na het ophalen)"
                        )
                    )
                }
                return topic.key
            })
    }

    /// A `--where` selection checked against the dimension's code list: keys or titles → the padded keys CBS
    /// filters on. Region and period have their own options, so only other dimensions may be picked here.
    private func selectionKeys(
        _ table: String, _ selection: CBSFilter.Selection,
        dimensions: [CBSDataProperty]
    ) async throws -> (String, (keys: [String], list: [CBSDimensionCode])) {
        let others = dimensions.filter { $0.kind == .dimension }
        guard let dimension = others.first(where: { $0.key.caseInsensitiveCompare(selection.dimension) == .orderedSame }) else {
            let isRegionOrPeriod = dimensions.contains { $0.key.caseInsensitiveCompare(selection.dimension) == .orderedSame }
            throw SourceError(
                subject: table,
                reason: isRegionOrPeriod
                    ? .en(
                        "\(selection.dimension) is its region or period dimension, which a selection of codes cannot pick",
                        nl: "\(selection.dimension) is de regio- of periodedimensie, die een selectie van codes niet kan kiezen")
                    : .en(
                        "has no dimension \(selection.dimension) to pick codes of",
                        nl: "heeft geen dimensie \(selection.dimension) om codes uit te kiezen"),
                hint: isRegionOrPeriod
                    ? .en(
                        "Pick regions with \(option: .region) and periods with \(option: .period)",
                        nl: "Kies regio's met \(option: .region) en perioden met \(option: .period)")
                    : .en(
                        "Dimensions \(option: .selection(dimension: nil)) can pick: \(others.isEmpty ? "none" : others.map(\.key).joined(separator: ", "))",
                        nl:
                            "Dimensies die \(option: .selection(dimension: nil)) kan kiezen: \(others.isEmpty ? "geen" : others.map(\.key).joined(separator: ", "))"
                    )
            )
        }
        let list: [CBSDimensionCode]
        do {
            list = try await codes(table, dimension: dimension.key)
        } catch let error as FetchError where error.kind == .httpStatus(404) {
            throw SourceError(
                subject: "\(table) \(dimension.key)",
                reason: .en(
                    "CBS serves no code list for it, so the codes picked cannot be checked",
                    nl: "CBS levert er geen codelijst voor, dus de gekozen codes zijn niet te controleren"),
                hint: .en(
                    "Fetch without \(option: .selection(dimension: dimension.key))",
                    nl: "Haal op zonder \(option: .selection(dimension: dimension.key))"))
        }
        let keys = try selection.codes.map { wanted -> String in
            switch CBSDimensionCode.match(wanted, in: list) {
            case .found(let code): return code.filterKey
            case .ambiguous(let codes):
                throw SourceError(
                    subject: "\(table) \(dimension.key)",
                    reason: .en(
                        "\"\(wanted)\" is the title of several codes", nl: "\"\(wanted)\" is de titel van meerdere codes"),
                    hint: .en(
                        "Write one of the codes: \(codes.map(\.described).joined(separator: ", "))",
                        nl: "Schrijf een van de codes: \(codes.map(\.described).joined(separator: ", "))"))
            case .unknown(let near):
                throw SourceError(
                    subject: "\(table) \(dimension.key)",
                    reason: .en("has no code or title \"\(wanted)\"", nl: "heeft geen code of titel \"\(wanted)\""),
                    hint: near.isEmpty
                        ? .en(
                            "Codes look like \(list.prefix(5).map(\.described).joined(separator: ", "))",
                            nl: "Codes zien eruit als \(list.prefix(5).map(\.described).joined(separator: ", "))")
                        : .en(
                            "Did you mean \(near.map(\.described).joined(separator: ", "))?",
                            nl: "Bedoelt u \(near.map(\.described).joined(separator: ", "))?"))
            }
        }
        return (dimension.key, (keys, list))
    }

    /// `&$filter=(RegioS eq 'GM0293    ' or …) and (Perioden eq '2023JJ00' or …)`, percent-encoded; a clause per
    /// dimension with codes, none for a dimension without.
    static func filterQuery(_ clauses: [(key: String?, codes: [String])]) -> String {
        func clause(_ key: String?, _ codes: [String]) -> String? {
            guard let key, !codes.isEmpty else { return nil }
            return "(" + codes.map { "\(key) eq '\($0.replacingOccurrences(of: "'", with: "''"))'" }.joined(separator: " or ")
                + ")"
        }
        let filter = clauses.compactMap { clause($0.key, $0.codes) }.joined(separator: " and ")
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return filter.isEmpty ? "" : "&$filter=" + (filter.addingPercentEncoding(withAllowedCharacters: allowed) ?? filter)
    }

    /// Tables that announce no count: follow `odata.nextLink` one page at a time.
    private func pagesByNextLink(_ table: String, layout: PageLayout) async throws -> [Page] {
        try await pagesByNextLink(startingAt: url(table, "TypedDataSet"), layout: layout, announced: nil)
    }

    /// Follows next-page links, only within the table being fetched and on `base`, and no further than the table
    /// can hold: the announced row count when there is one (a filtered part is never larger than the table),
    /// otherwise `maxPagesWithoutCount`.
    private func pagesByNextLink(startingAt start: String, layout: PageLayout, announced: Int?) async throws -> [Page] {
        let limit = announced.map { $0 / Self.pageSize + 1 } ?? maxPagesWithoutCount
        var pages: [Page] = []
        var next: String? = start
        var seen: Set<String> = []
        while let url = next {
            guard seen.insert(url).inserted else { throw Self.circularLinks(url) }
            guard pages.count < limit else { throw Self.endlessLinks(start, pages: pages.count) }
            let page = try await fetcher.fetch(url) { try Self.page($0, layout: layout) }
            pages.append(page)
            next = try page.columns.nextLink.map { try Self.nextPage($0, after: url, base: base) }
        }
        return pages
    }

    /// A next-page link leads back to a page already read.
    static func circularLinks(_ url: String) -> SourceError {
        SourceError(
            subject: url,
            reason: .en(
                "the next-page links go round in a circle",
                nl: "de verwijzingen naar volgende pagina's gaan in een kringetje"),
            hint: .en(
                "The server's paging is broken; try again later (nothing was stored)",
                nl: "Het pagineren van de server is kapot; probeer het later opnieuw (er is niets opgeslagen)"))
    }

    /// The server links on past `pages` pages, more than a table can hold.
    static func endlessLinks(_ start: String, pages: Int) -> SourceError {
        SourceError(
            subject: start,
            reason: .en(
                "the server keeps linking to further pages after \(pages) pages (\(pages * Self.pageSize) rows), more than the table can hold",
                nl:
                    "de server blijft naar volgende pagina's verwijzen na \(pages) pagina's (\(pages * Self.pageSize) rijen), meer dan de tabel kan bevatten"
            ),
            hint: .en(
                "The server's paging is broken or hostile; nothing was stored",
                nl: "Het pagineren van de server is kapot of vijandig; er is niets opgeslagen"))
    }

    /// A next-page link, on `base` (CBS writes links to its own host; a mirror serves them itself), and only into
    /// the same table and entity as the page it came from: a link elsewhere is an error, never followed.
    static func nextPage(_ link: String, after current: String, base: String) throws -> String {
        let rebased = rebased(link, onto: base)
        guard let here = URLComponents(string: current), let there = URLComponents(string: rebased), here.path == there.path
        else {
            throw SourceError(
                subject: current,
                reason: .en(
                    "links to a next page outside this table (\(link))",
                    nl: "verwijst naar een volgende pagina buiten deze tabel (\(link))"),
                hint: .en(
                    "The server's answer cannot be right; nothing was stored and the link was not followed",
                    nl: "Het antwoord van de server kan niet kloppen; er is niets opgeslagen en de verwijzing is niet gevolgd"))
        }
        return rebased
    }
}
