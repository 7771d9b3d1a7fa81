public import MaatstafCore
public import MaatstafReport
public import MaatstafStore

/// The fetched CBS tables in the store, as `tables --stored`, `describe` and `export` show them: the use cases that
/// read them, so no command queries the store itself.
public struct StoredTables: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Every fetched table, by id.
    public func list() throws -> [CBSTableRecord] { try store.cbsTables() }

    /// One fetched table, or an error naming the stored ones.
    public func record(_ id: String) throws -> CBSTableRecord {
        let tables = try store.cbsTables()
        guard let record = tables.first(where: { $0.id == id }) else {
            throw TableNotStored(table: id, stored: tables.map(\.id))
        }
        return record
    }

    /// A table's topics and dimensions, with how many codes each dimension has in the rows and in CBS's list.
    public func describe(_ id: String) throws -> (
        record: CBSTableRecord, properties: [CBSPropertyRecord], counts: [String: (used: Int, listed: Int)]
    ) {
        let record = try record(id)
        return (record, try store.cbsProperties(table: id), try store.cbsCodeCounts(table: id))
    }

    /// A table written back out, in the reader's number format.
    public func export(_ id: String, locale: ReportLocale) throws -> CBSTableExport {
        let record = try record(id)
        let properties = try store.cbsProperties(table: id)
        let period = properties.first { $0.kind == "TimeDimension" }?.key
        return CBSTableExport(
            table: record, properties: properties, columns: try store.cbsColumns(table: id), locale: locale,
            periodCodes: try period.map { try store.cbsCodes(table: id, dimension: $0) } ?? [])
    }
}
