public import MaatstafCore

/// A table's data as maatstaf keeps it: one row per combination of dimension codes, a value per topic, held in
/// columns (one array per dimension and per topic) because a table of 200,000 rows as 200,000 dictionaries cost
/// hundreds of megabytes and most of a fetch's time.
public struct CBSDataSet: Sendable {
    public var table: CBSTableInfo
    public var properties: [CBSDataProperty]
    /// Every URL read and the sha256 of its body, for provenance.
    public var responses: [(url: String, sha256: String)]
    /// One array per entry of `dimensions`, one trimmed code per row (`GM0293`, not `GM0293    `).
    public private(set) var codes: [[String]]
    /// One array per entry of `topics`, one value per row; missing cells are explicit, never 0.
    public private(set) var values: [[CBSValue]]
    /// Dimension key → its code list (titles, and for periods their status: definitive or provisional). A
    /// dimension CBS serves no list for is absent.
    public var codeLists: [String: [CBSDimensionCode]] = [:]
    /// Data pages read, and how many of them the cache already held: a fetch that broke off continues from the
    /// pages it received (`CBSODataV3Source` checks first that the table has not changed since).
    public var pageCount = 0
    public var pagesFromCache = 0

    public init(table: CBSTableInfo, properties: [CBSDataProperty], responses: [(url: String, sha256: String)]) {
        self.table = table
        self.properties = properties
        self.responses = responses
        codes = Array(repeating: [], count: properties.filter(\.isDimension).count)
        values = Array(repeating: [], count: properties.filter { $0.kind == .topic }.count)
    }

    public var dimensions: [CBSDataProperty] { properties.filter(\.isDimension) }
    public var topics: [CBSDataProperty] { properties.filter { $0.kind == .topic } }
    public var rowCount: Int { codes.first?.count ?? values.first?.count ?? 0 }

    /// Appends rows given as columns in the order of `dimensions` and `topics`, all of one length.
    public mutating func append(codes newCodes: [[String]], values newValues: [[CBSValue]]) {
        precondition(newCodes.count == codes.count && newValues.count == values.count, "columns do not match the table")
        for index in codes.indices { codes[index] += newCodes[index] }
        for index in values.indices { values[index] += newValues[index] }
    }

    /// Room for `rows` more rows in every column, so appending pages does not regrow them page after page.
    public mutating func reserveCapacity(rows: Int) {
        for index in codes.indices { codes[index].reserveCapacity(codes[index].count + rows) }
        for index in values.indices { values[index].reserveCapacity(values[index].count + rows) }
    }

    /// The code of a dimension in a row, by dimension key.
    public func code(_ dimension: String, row: Int) -> String? {
        dimensions.firstIndex { $0.key == dimension }.map { codes[$0][row] }
    }

    /// The value of a topic in a row, by topic key.
    public func value(_ topic: String, row: Int) -> CBSValue? {
        topics.firstIndex { $0.key == topic }.map { values[$0][row] }
    }
}
