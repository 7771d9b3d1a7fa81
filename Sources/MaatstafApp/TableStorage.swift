public import Foundation
import MaatstafCore
import MaatstafReport
public import MaatstafSources
public import MaatstafStore

/// "Fetch a table and load what it holds", the store's side: a table streams into the store through a writer, or is
/// stored whole — an Iv3 table checked and read into Iv3 documents in the same transaction. The CLI's `fetch` says
/// what happened; nothing here writes words for it but the Iv3 summary's facts.
public struct TableStorage: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// The writer a whole table streams into, page by page; it opens its transaction when the table starts.
    public func writer(catalog: String) -> CBSTableWriter { store.cbsTableWriter(catalog: catalog) }

    /// What storing a table held whole did.
    public struct Stored: Sendable {
        public var cells: Int
        /// Cells by status (`ok`, `unknown`, …).
        public var counts: [String: Int]
        /// The Iv3 documents read from it, when it is a CBS Iv3 table.
        public var iv3: Iv3ThirdPartyTable?
        /// Every municipality code's name, for saying who did not deliver.
        public var names: [String: String]
    }

    /// Stores a table held whole; an Iv3 table (recognised by its shape) is checked against CBS's code list of its
    /// year, maatstaf's municipalities and — unless `acceptRevision` — the snapshot's copy of the same document, and
    /// becomes Iv3 documents in the same transaction. Nothing is stored when a check fails.
    public func storeWhole(
        _ set: CBSDataSet, catalog: String, filter: CBSFilter, snapshot: URL, acceptRevision: Bool
    ) throws -> Stored {
        let iv3 = try FetchedIv3.read(
            set, filter: filter, store: store, snapshot: snapshot, acceptRevision: acceptRevision)
        let cells = try store.replaceCBSTable(set, catalog: catalog, iv3: iv3)
        let counts = try store.cbsObservationCounts(table: set.table.identifier)
        let names =
            iv3 == nil
            ? [:] : Dictionary(try store.municipalities().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        return Stored(cells: cells, counts: counts, iv3: iv3, names: names)
    }
}
