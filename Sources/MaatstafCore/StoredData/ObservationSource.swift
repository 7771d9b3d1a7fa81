/// What the engine reads its numbers from: the Iv3 documents and fetched CBS tables, with their provenance — the
/// engine's port, in core's own values, so the engine does not depend on the store.
///
/// The store implements it; tests hand the engine a source built in memory, so the engine's own rules (who counts,
/// what a zero means, how a rate is formed) are tested without SQLite. Everything the engine reads goes through
/// here — nothing in the engine runs a query.
public protocol ObservationSource: Sendable {
    /// Every Iv3 document: year, kind (`jaarrekening`, `begroting`) and the file or fetched table it came from.
    /// The questions below name the document by year, kind and `table` (nil: the embedded snapshot).
    func iv3Documents() throws -> [Iv3DocumentRecord]
    /// A circulaire of the municipal fund (`M2024_2025`), read and checked; nil when there is none of that id.
    func fundCirculaire(_ id: String) throws -> FundCirculaire?
    /// CBS's record of municipal mergers and changes of name, when fetched (`fetch mergers`).
    func mergerHistory() throws -> MergerHistory?
    /// The taakvelden a document lists.
    func iv3Taakvelden(year: Int, kind: Iv3DocumentKind, table: String?) throws -> [Iv3TaakveldRecord]
    /// Baten and lasten of every municipality on these taakvelden, in thousands of euros; nil is not reported.
    func iv3Amounts(year: Int, kind: Iv3DocumentKind, taakvelden: [String], table: String?) throws -> [Iv3AmountRecord]
    /// The municipalities without a delivery for a document.
    func iv3NoDelivery(year: Int, kind: Iv3DocumentKind, table: String?) throws -> Set<String>
    /// The embedded files with their checksums, for the provenance of every figure.
    func snapshotFiles() throws -> [(path: String, sha256: String)]

    /// The fetched CBS tables.
    func cbsTables() throws -> [CBSTableRecord]
    func cbsPeriods(table: String) throws -> [String]
    /// Topic stem → key.
    func cbsTopicKeys(table: String) throws -> [String: String]
    /// Per dimension other than region and period, the codes the stored rows hold.
    func cbsCodesInRows(table: String) throws -> [String: [String]]
    func cbsColumns(table: String, topics wanted: [String]?) throws -> CBSStoredColumns
    func cbsCodes(table: String, dimension: String) throws -> [CBSDimensionCode]
    func cbsResponses(table: String) throws -> [(url: String, sha256: String)]

    /// A measure of the municipalities' own figures in a period (every period when nil).
    func ownFigures(measure: String, period: Period?) throws -> [OwnFigureRecord]
    /// The imported measures and the file each comes from.
    func ownMeasures() throws -> [(measure: String, file: String, unit: String)]
    /// The imported files, with their checksums.
    func ownImports() throws -> [OwnImportRecord]
}
