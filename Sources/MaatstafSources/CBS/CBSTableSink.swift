public import MaatstafCore

/// Where a streamed table's rows go as they arrive, page by page, in the table's order.
///
/// Why: a whole table held in memory before it is stored costs about 0.3 KB a row, so a 7-million-row CBS table would
/// need gigabytes. A source hands each page to the sink once every earlier page is in it and then forgets the page;
/// the sink (the store's table writer) keeps one transaction open from `begin` to `finish`, so the table is still
/// stored all or nothing. The sink is driven by one task at a time, never concurrently.
public protocol CBSTableSink: AnyObject {
    /// Before the first page: the table and the columns its pages hold (`properties` as CBS describes them).
    func begin(table: CBSTableInfo, properties: [CBSDataProperty]) throws

    /// One page's rows as columns, in the order of the table's dimensions and topics, all of one length.
    func append(codes: [[String]], values: [[CBSValue]]) throws

    /// The dimension codes of the rows appended so far, read back page by page in order (one array per dimension).
    /// Asked only when two rows look alike by their hashes, to tell a real repetition (named in the error) from a
    /// coincidence.
    func forEachStoredPage(_ body: ([[String]]) throws -> Void) throws

    /// After the last page, with every check passed: the code lists and the responses read; makes the table visible.
    func finish(codeLists: [String: [CBSDimensionCode]], responses: [(url: String, sha256: String)]) throws

    /// Undoes everything since `begin`: the previous copy of the table stays as it was. Safe to call at any time.
    func abandon()
}

/// What a streamed fetch read, for the summary a user sees.
public struct CBSStreamSummary: Sendable {
    public var table: CBSTableInfo
    public var properties: [CBSDataProperty]
    public var rowCount: Int
    public var pageCount: Int
    public var pagesFromCache: Int
    /// The most pages held in memory at once (received, not yet handed to the sink): bounded by the window, never by
    /// the table's size. Tests read it to see that the constant-memory path was taken.
    public var mostPagesHeld: Int
    /// The rows came in nested order, which showed that none repeats another without keeping anything per row;
    /// false when fingerprints of the rows had to be kept (`RowRepeatCheck`).
    public var rowsInNestedOrder: Bool

    public var topics: [CBSDataProperty] { properties.filter { $0.kind == .topic } }
}
