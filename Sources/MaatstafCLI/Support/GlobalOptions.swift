import ArgumentParser
import Foundation
import MaatstafCore
import MaatstafFetch
import MaatstafStore

/// Options every command that touches the network or the cache accepts.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("cache-dir"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "Folder for fetched responses and the local store (default: $MAATSTAF_CACHE_DIR, else $XDG_CACHE_HOME/maatstaf, else ~/.cache/maatstaf).",
                nl:
                    "Map voor opgehaalde antwoorden en de lokale opslag (standaard: $MAATSTAF_CACHE_DIR, anders $XDG_CACHE_HOME/maatstaf, anders ~/.cache/maatstaf)."
            ),
            valueName: "dir"))
    var cacheDirectory: String?

    @Flag(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Use only the cache; fail instead of downloading.",
                nl: "Gebruik alleen de cache; stop in plaats van te downloaden.")))
    var offline = false

    @Flag(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Ask the server whether every cached response used is still current (conditional requests).",
                nl: "Vraag de server of elk gebruikt bewaard antwoord nog actueel is (voorwaardelijke verzoeken).")))
    var refresh = false

    @Flag(
        name: [.short, .long],
        help: ArgumentHelp(
            ReaderLanguage.text(en: "No progress output on stderr.", nl: "Geen voortgang op de foutuitvoer (stderr).")))
    var quiet = false

    func validate() throws {
        if offline && refresh {
            throw ValidationError(
                en: "--offline and --refresh contradict each other: --refresh needs the network.",
                nl: "--offline en --refresh spreken elkaar tegen: --refresh heeft het netwerk nodig.")
        }
    }

    var cacheRoot: URL { Self.cacheRoot(named: cacheDirectory) }

    /// `--cache-dir`, else `MAATSTAF_CACHE_DIR`, else the per-user default: for a parsed command and for shell
    /// completion, which reads the words itself (`Completions`).
    static func cacheRoot(named cacheDirectory: String?) -> URL {
        if let cacheDirectory { return URL(fileURLWithPath: cacheDirectory, isDirectory: true) }
        if let environment = Console.variable("MAATSTAF_CACHE_DIR") {
            return URL(fileURLWithPath: environment, isDirectory: true)
        }
        return ProjectPaths.defaultCache()
    }

    /// The local store (SQLite) in the cache folder, opened, migrated and checked. A damaged store is moved aside and
    /// replaced (the snapshot loader fills the new one); what happened is said on stderr.
    func openStore() throws -> Store {
        let path = cacheRoot.appendingPathComponent("maatstaf.sqlite").path
        Self.copyStoreTemplate(to: path, cacheRoot: cacheRoot)
        let (store, recovery) = try Store.openRecovering(path: path)
        if let recovery {
            let nl = ReaderLanguage.current == .nl
            var message =
                nl
                ? "maatstaf: \(store.path): \(recovery.reason.nl). Het bestand is verplaatst naar \(recovery.damagedCopy) en een nieuwe opslag wordt gebouwd uit de ingebouwde snapshot."
                : "maatstaf: \(store.path): \(recovery.reason.en). It was moved to \(recovery.damagedCopy) and a new store is built from the embedded snapshot."
            if !recovery.fetchedTables.isEmpty {
                let tables = recovery.fetchedTables.joined(separator: " ")
                message +=
                    nl
                    ? " Haal deze tabellen opnieuw op (uit de cache, zonder netwerk): maatstaf fetch \(tables)"
                    : " Fetch these tables again (from the cache, no network needed): maatstaf fetch \(tables)"
            }
            Console.current.error(message + "\n")
            store.recordLost(recovery.imports)
        }
        // Until they are imported again, every run says which imports a rebuild lost: its figures lack them.
        if let lost = try? store.lostImports(), !lost.isEmpty {
            Console.current.error(Self.lostImportsWarning(lost, nl: ReaderLanguage.current == .nl) + "\n")
        }
        return store
    }

    /// `maatstaf: warning: the store was rebuilt without 2 imports …: maatstaf import /path/a.csv …`.
    static func lostImportsWarning(_ lost: [LostImport], nl: Bool) -> String {
        let own = lost.filter { $0.kind == "own" }
        let fund = lost.filter { $0.kind == "fund" }
        var parts: [String] = []
        if !own.isEmpty {
            // Where each file was read from, and whether it is still there as it was.
            let files = own.map { entry -> String in
                let now = FileManager.default.contents(atPath: entry.path).map { SHA256.hex($0) }
                let state =
                    now == entry.sha256
                    ? ""
                    : now == nil
                        ? (nl ? " (niet meer op die plek)" : " (no longer there)")
                        : (nl ? " (sindsdien gewijzigd)" : " (changed since)")
                return entry.path + state
            }
            parts.append(
                nl
                    ? "eigen cijfers \(own.map(\.name).joined(separator: ", ")); lees ze opnieuw in: maatstaf import \(files.joined(separator: " "))"
                    : "own figures \(own.map(\.name).joined(separator: ", ")); import them again: maatstaf import \(files.joined(separator: " "))"
            )
        }
        if !fund.isEmpty {
            parts.append(
                nl
                    ? "circulaires \(fund.map(\.name).joined(separator: ", ")); lees ze opnieuw in met maatstaf fund import MAP"
                    : "circulaires \(fund.map(\.name).joined(separator: ", ")); import them again with maatstaf fund import FOLDER"
            )
        }
        return nl
            ? "maatstaf: let op: de opslag is opnieuw gebouwd zonder wat eerder was ingelezen, dus de uitkomsten missen het: "
                + parts.joined(separator: "; ") + "."
            : "maatstaf: warning: the store was rebuilt without what had been imported, so results lack it: "
                + parts.joined(separator: "; ") + "."
    }

    /// A new cache of an installed maatstaf starts from the store template beside its data, when that template was
    /// made from the snapshot this run would load: the snapshot loader then finds it loaded (it checks the files'
    /// checksums, and loads them after all if they differ). Copied under a temporary name and renamed, so a store is
    /// never half there; any failure leaves the normal first load to do the work.
    static func copyStoreTemplate(to path: String, cacheRoot: URL) {
        let fileManager = FileManager.default
        guard !fileManager.fileExists(atPath: path), let root = ProjectPaths.dataRoot(), let template = root.storeTemplate,
            (try? ProjectPaths.snapshotFolder(cacheRoot: cacheRoot))?.standardizedFileURL == root.snapshot.standardizedFileURL
        else { return }
        let temporary = path + ".template-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try fileManager.createDirectory(at: cacheRoot, withIntermediateDirectories: true)
            try fileManager.copyItem(atPath: template.path, toPath: temporary)
            try fileManager.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? fileManager.removeItem(atPath: temporary)
        }
    }

    /// The store with the embedded snapshot loaded (a no-op when it already holds this snapshot).
    func openStoreWithSnapshot() throws -> Store {
        let isNew = !FileManager.default.fileExists(atPath: cacheRoot.appendingPathComponent("maatstaf.sqlite").path)
        let store = try openStore()
        let snapshot = try ProjectPaths.snapshotFolder(cacheRoot: cacheRoot)
        let report = try SnapshotLoader(folder: snapshot).loadIfNeeded(into: store)
        if isNew, report.loaded { Self.keepStoreTemplate(store, snapshot: snapshot) }
        return store
    }

    /// In a checkout, a store that has just had the checkout's snapshot loaded into a new cache (and holds nothing
    /// else) is copied to the checkout's template, so that the next new cache starts from it (see
    /// `copyStoreTemplate`). Written under a temporary name and renamed: a process copying the template meanwhile reads
    /// the old file or the new one, whole. A failure (a read-only checkout) only means the next new cache loads again.
    static func keepStoreTemplate(_ store: Store, snapshot: URL) {
        let fileManager = FileManager.default
        guard let root = ProjectPaths.dataRoot(), let target = root.checkoutTemplate,
            snapshot.standardizedFileURL == root.snapshot.standardizedFileURL,
            !fileManager.fileExists(atPath: target.path)
        else { return }
        let temporary = target.path + ".\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fileManager.copyItem(atPath: store.path, toPath: temporary)
            try fileManager.moveItem(atPath: temporary, toPath: target.path)
        } catch {
            try? fileManager.removeItem(atPath: temporary)
        }
    }

    var cachePolicy: CachePolicy {
        if offline { return .offline }
        if refresh { return .refresh }
        return .standard
    }

    /// A fetcher configured from these options, with progress on stderr when it is a terminal.
    func makeFetcher(
        configuration: HTTPClientConfiguration = HTTPClientConfiguration(),
        policy: CachePolicy? = nil
    ) -> (CachedFetcher, ProgressReporter) {
        let reporter = ProgressReporter(enabled: !quiet && Console.current.errorIsTerminal)
        let handler: FetchEventHandler = { event in reporter.handle(event) }
        let client = HTTPClient(configuration: configuration, events: handler)
        let fetcher = CachedFetcher(
            client: client, cache: HTTPCache(root: cacheRoot), policy: policy ?? cachePolicy,
            events: handler)
        return (fetcher, reporter)
    }
}
