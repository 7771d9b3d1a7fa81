import Foundation
import GRDB
import MaatstafCore

/// The embedded SQLite database (GRDB) in the cache folder: the snapshot's municipalities, classes and Iv3 amounts,
/// and later fetched CBS tables beside them.
///
/// SQLite's own locking makes it safe for several maatstaf processes; every load is one transaction, so a failure
/// leaves the previous contents intact. No number is read from a damaged store: every row read is checked against the
/// checksum written with it (see `RowChecksum`), damage found is marked in a file beside the store, and SQLite's
/// `quick_check` runs when the store is opened after an unclean stop (a hot journal). A check on every open would cost
/// about 10 ms of a 60 ms comparison and find nothing the row checks miss.
public struct Store: Sendable {
    public let path: String
    let database: DatabaseQueue

    /// Opens (creating if needed) the store at `path`, brings its schema up to date and checks it.
    /// Throws `.damaged` when SQLite's check fails or an earlier run found a damaged row.
    public init(path: String) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if !folder.isEmpty, FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
            throw StoreError(
                .io, subject: folder, reason: .en("is a file, not a folder", nl: "is een bestand, geen map"),
                hint: .en(
                    "Choose a folder for the cache with \(option: .cacheDirectory)",
                    nl: "Kies een map voor de cache met \(option: .cacheDirectory)"))
        }
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            var configuration = Configuration()
            configuration.busyMode = .timeout(Double(Self.busyTimeoutMilliseconds) / 1000)
            configuration.allowsUnsafeTransactions = Self.writesTablesInOneTransaction
            configuration.prepareDatabase { db in try db.execute(sql: Self.readingCache) }
            if let found = try? String(contentsOfFile: Self.damageMark(path), encoding: .utf8) {
                let damage = Self.readMark(found)
                throw StoreError(
                    .damaged, subject: path,
                    reason: .en("the store is damaged (\(damage.en))", nl: "de opslag is beschadigd (\(damage.nl))"),
                    hint: Self.damagedHint)
            }
            let unclean = ["-journal", "-wal"].contains { FileManager.default.fileExists(atPath: path + $0) }
            database = try DatabaseQueue(path: path, configuration: configuration)
            if unclean, let damage = try database.read(Self.structuralDamage) {
                Self.markDamaged(path, damage)
                throw StoreError(
                    .damaged, subject: path,
                    reason: .en("the store is damaged (\(damage.en))", nl: "de opslag is beschadigd (\(damage.nl))"),
                    hint: Self.damagedHint)
            }
            try Self.migrator.migrate(database)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, path: path, action: .en("cannot open the store", nl: "kan de opslag niet openen"))
        }
    }

    /// How long a write waits for another process's (a fetch streaming a large table holds the store for seconds).
    static let busyTimeoutMilliseconds = 30_000

    /// An in-memory store, for tests.
    public static func inMemory() throws -> Store {
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = writesTablesInOneTransaction
        return try Store(queue: DatabaseQueue(configuration: configuration))
    }

    private init(queue: DatabaseQueue) throws {
        path = ":memory:"
        database = queue
        try Self.migrator.migrate(database)
    }

    /// SQLite's page cache while reading: 16 MiB rather than its 2 MiB, so that comparing every indicator reads the
    /// Iv3 amounts (found through an index, in key order, not file order) from memory instead of asking the file
    /// system for the same pages again (scripts/bench-compare: 0.60 → 0.55 s). It only grows as pages are read.
    static let readingCache = "PRAGMA cache_size = -16384"
    /// While a fetched table streams in: SQLite's default, so that the pages of the open transaction spill to the
    /// file rather than add 16 MiB to a fetch that promises constant memory.
    static let writingCache = "PRAGMA cache_size = -2000"

    /// A fetched table is written page by page in one transaction that stays open between GRDB accesses
    /// (`CBSTableWriter`), which GRDB allows only when told.
    private static let writesTablesInOneTransaction = true

    static let damagedHint = Advice.en(
        "Run the command again: maatstaf then moves the damaged file aside and builds a new store from the embedded snapshot",
        nl:
            "Voer de opdracht opnieuw uit: maatstaf zet het beschadigde bestand dan opzij en bouwt een nieuwe opslag uit de ingebouwde snapshot"
    )

    /// SQLite's structural check: nil when it finds nothing.
    private static func structuralDamage(_ db: Database) throws -> LocalizedText? {
        let check = try String.fetchAll(db, sql: "PRAGMA quick_check(3)")
        let found = check.joined(separator: "; ")
        return check == ["ok"] ? nil : .en("SQLite's check: " + found, nl: "controle door SQLite: " + found)
    }

    /// The file beside the store that records damage found: plain file I/O, so it can be written even when the
    /// database itself cannot.
    static func damageMark(_ path: String) -> String { path + ".damaged" }

    /// The mark holds the damage in English on its first line and in Dutch on its second, so a later run says it in
    /// its reader's language.
    static func markDamaged(_ path: String, _ reason: LocalizedText) {
        guard path != ":memory:" else { return }
        try? (reason.en + "\n" + reason.nl).write(toFile: damageMark(path), atomically: true, encoding: .utf8)
    }

    /// A damage mark read back; a mark of one line (written by an older maatstaf) in both languages.
    static func readMark(_ text: String) -> LocalizedText {
        let lines = text.split(separator: "\n", maxSplits: 1).map(String.init)
        return .en(lines.first ?? "", nl: lines.count > 1 ? lines[1] : lines.first ?? "")
    }

    /// SQLite's own message (English) and, for the causes a user can act on, the Dutch in words.
    static func describe(_ error: Error) -> LocalizedText {
        guard let database = error as? DatabaseError else {
            // A file-system error in the system's own words, not Foundation's description of its object.
            let ns = error as NSError
            if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
                return SystemErrorText.describe(Int32(posix.code))
            }
            if ns.domain == NSPOSIXErrorDomain { return SystemErrorText.describe(Int32(ns.code)) }
            return .en("\(error)", nl: "onbekende fout")
        }
        let english = database.message ?? "\(database.resultCode)"
        let dutch: String =
            switch database.resultCode {
            case .SQLITE_FULL: "de schijf is vol"
            case .SQLITE_CORRUPT: "het databasebestand is beschadigd"
            case .SQLITE_NOTADB: "het bestand is geen SQLite-database"
            case .SQLITE_CANTOPEN: "het bestand kan niet geopend worden"
            case .SQLITE_READONLY: "het bestand is alleen-lezen"
            case .SQLITE_PERM, .SQLITE_AUTH: "geen toestemming"
            case .SQLITE_IOERR: "invoer-/uitvoerfout"
            case .SQLITE_BUSY, .SQLITE_LOCKED: "in gebruik"
            default: "SQLite-fout \(database.resultCode.primaryResultCode.rawValue)"
            }
        return .en(english, nl: dutch)
    }

    /// A database error as the user must read it: locked (wait), damaged (rebuilt on the next run), or I/O.
    static func storeError(_ error: Error, path: String, action: LocalizedText) -> StoreError {
        let detail = describe(error)
        if let database = error as? DatabaseError {
            switch database.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return StoreError(
                    .locked, subject: path,
                    reason: .en(
                        "\(action.en): another maatstaf process is using it",
                        nl: "\(action.nl): een ander maatstaf-proces gebruikt haar"),
                    hint: .en(
                        "Wait until the other run has finished, then run again",
                        nl: "Wacht tot de andere opdracht klaar is en probeer het dan opnieuw"))
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                markDamaged(path, detail)
                return StoreError(
                    .damaged, subject: path,
                    reason: .en(
                        "\(action.en): the file is damaged (\(detail.en))",
                        nl: "\(action.nl): het bestand is beschadigd (\(detail.nl))"),
                    hint: damagedHint)
            default: break
            }
        }
        return StoreError(
            .io, subject: path, reason: .en("\(action.en) (\(detail.en))", nl: "\(action.nl) (\(detail.nl))"),
            hint: .en(
                "Check that the folder is writable and the disk is not full, or choose another folder with \(option: .cacheDirectory)",
                nl:
                    "Controleer of de map beschrijfbaar is en de schijf niet vol, of kies een andere map met \(option: .cacheDirectory)"
            )
        )
    }

    /// Runs a read and turns database errors into `StoreError`s naming the file. Damage found while reading is
    /// recorded in the store, so the next run rebuilds it even though SQLite's own check finds nothing wrong.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch let error as StoreError {
            throw error
        } catch let damage as StoreDamage {
            Self.markDamaged(path, damage.reason)
            throw StoreError(
                .damaged, subject: path,
                reason: .en(
                    "the store is damaged (\(damage.reason.en)); no figure was read from it",
                    nl: "de opslag is beschadigd (\(damage.reason.nl)); er is geen cijfer uit gelezen"),
                hint: Self.damagedHint)
        } catch {
            throw Self.storeError(error, path: path, action: .en("cannot read the store", nl: "kan de opslag niet lezen"))
        }
    }
}
