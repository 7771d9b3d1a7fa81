import Foundation
import MaatstafCore

/// What the engine's source answered to the small questions it asks for every indicator and year — which documents
/// and taakvelden exist, who delivered nothing, the files' checksums, the fetched tables — kept for as long as the
/// engine lives (one command run), so a report or a benchmark over every indicator asks each once.
///
/// Amounts are kept per document and taakveld: a report asks for an indicator's rows for its comparison, its spread
/// and its trend, and gets them once (the store checks every row when it reads them). Shared between the
/// engine's copies (a struct), so a class; the lock makes it safe across threads.
final class RunMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var documents: [Iv3DocumentRecord]?
    private var taakvelden: [String: Set<String>] = [:]
    private var undelivered: [String: Set<String>] = [:]
    private var files: [(path: String, sha256: String)]?
    private var tables: [CBSTableRecord]?
    private var amounts: [String: [Iv3AmountRecord]] = [:]
    private var circulaires: [String: FundCirculaire?] = [:]
    private var mergers: MergerHistory??

    private func remembered<T>(_ read: () -> T?, _ write: (T) -> Void, _ load: () throws -> T) rethrows -> T {
        lock.lock()
        if let known = read() {
            lock.unlock()
            return known
        }
        lock.unlock()
        let value = try load()
        lock.lock()
        write(value)
        lock.unlock()
        return value
    }

    /// A circulaire of the municipal fund (nil: not in the store), parsed from its files once per run: the years of a
    /// fund indicator, each fund indicator of a report and an explanation all ask for the same one.
    func fundCirculaire(_ id: String, _ load: () throws -> FundCirculaire?) rethrows -> FundCirculaire? {
        try remembered({ circulaires[id] }, { circulaires[id] = $0 }, load)
    }

    /// CBS's record of mergers (nil: not fetched), parsed once per run: every point of a series asks.
    func mergerHistory(_ load: () throws -> MergerHistory?) rethrows -> MergerHistory? {
        try remembered({ mergers }, { mergers = $0 }, load)
    }

    func iv3Documents(_ load: () throws -> [Iv3DocumentRecord]) rethrows -> [Iv3DocumentRecord] {
        try remembered({ documents }, { documents = $0 }, load)
    }

    func iv3Taakvelden(year: Int, kind: Iv3DocumentKind, table: String?, _ load: () throws -> Set<String>) rethrows -> Set<String>
    {
        let key = "\(year)|\(kind)|\(table ?? "")"
        return try remembered({ taakvelden[key] }, { taakvelden[key] = $0 }, load)
    }

    func iv3NoDelivery(year: Int, kind: Iv3DocumentKind, table: String?, _ load: () throws -> Set<String>) rethrows -> Set<String>
    {
        let key = "\(year)|\(kind)|\(table ?? "")"
        return try remembered({ undelivered[key] }, { undelivered[key] = $0 }, load)
    }

    /// The amounts of `taakvelden` in one document. Kept per taakveld, so that indicators sharing a taakveld (its
    /// lasten, baten and netto; a named indicator and the taakveld's own) read it once: only the taakvelden not
    /// read before are asked of the source, in one query.
    func iv3Amounts(
        year: Int, kind: Iv3DocumentKind, table: String?, taakvelden: [String], _ load: ([String]) throws -> [Iv3AmountRecord]
    ) rethrows -> [Iv3AmountRecord] {
        let document = "\(year)|\(kind)|\(table ?? "")"
        let missing = lock.withLock { taakvelden.filter { amounts[document + "|" + $0] == nil } }
        if !missing.isEmpty {
            var read = Dictionary(uniqueKeysWithValues: missing.map { ($0, [Iv3AmountRecord]()) })
            for record in try load(missing) { read[record.taakveld, default: []].append(record) }
            lock.withLock {
                for (taakveld, records) in read { amounts[document + "|" + taakveld] = records }
            }
        }
        var seen = Set<String>()
        let unique = taakvelden.filter { seen.insert($0).inserted }
        return lock.withLock { unique.flatMap { amounts[document + "|" + $0] ?? [] } }
    }

    func snapshotFiles(_ load: () throws -> [(path: String, sha256: String)]) rethrows -> [(path: String, sha256: String)] {
        try remembered({ files }, { files = $0 }, load)
    }

    func cbsTables(_ load: () throws -> [CBSTableRecord]) rethrows -> [CBSTableRecord] {
        try remembered({ tables }, { tables = $0 }, load)
    }
}
