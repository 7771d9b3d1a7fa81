import Foundation
import GRDB
import MaatstafStore
import MaatstafTestServer
import Testing

/// The binary where an install puts it: data found beside it, the per-user cache, and a clear error without data.
@Suite("An installed maatstaf: data beside the program, a cache per user")
struct InstallLayoutTests {
    /// PREFIX/bin/maatstaf and PREFIX/share/maatstaf/{snapshot,regions}, as scripts/install lays them out.
    static func installed() throws -> URL {
        let prefix = RepositoryFixtures.temporaryFolder()
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try fileManager.copyItem(at: CLIRunner.executable, to: prefix.appendingPathComponent("bin/maatstaf"))
        let share = prefix.appendingPathComponent("share/maatstaf")
        try fileManager.createDirectory(at: share, withIntermediateDirectories: true)
        try fileManager.copyItem(at: RepositoryFixtures.snapshot, to: share.appendingPathComponent("snapshot"))
        try fileManager.copyItem(at: RepositoryFixtures.regions, to: share.appendingPathComponent("regions"))
        return prefix
    }

    func run(_ program: URL, _ arguments: [String], environment: [String: String]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: NSTemporaryDirectory())
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test("from another folder, the installed program reads its own share/maatstaf and keeps its store in XDG_CACHE_HOME")
    func installedRun() throws {
        let prefix = try Self.installed()
        let home = RepositoryFixtures.temporaryFolder()
        let environment = [
            "PATH": "/usr/bin:/bin", "HOME": home.path, "XDG_CACHE_HOME": home.appendingPathComponent("xdg").path,
            "LANG": "en_US.UTF-8",
        ]
        let program = prefix.appendingPathComponent("bin/maatstaf")
        var (status, stdout, stderr) = try run(program, ["--version"], environment: environment)
        #expect(status == 0, "\(stderr)")
        #expect(stdout.contains("\(prefix.path)/share/maatstaf/snapshot"))
        #expect(stdout.contains("installed beside the executable"))
        #expect(stdout.contains("iv3/: 2023_begroting.csv, 2023_jaarrekening.csv, 2025_begroting.csv"))
        (status, stdout, stderr) = try run(
            program, ["compare", "--indicator", "jeugd.hulp", "--year", "2023", "--against", "liemers", "Duiven"],
            environment: environment)
        #expect(status == 0, "\(stderr)")
        #expect(stdout.contains("De Liemers"))
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("xdg/maatstaf/maatstaf.sqlite").path))
    }

    @Test(
        "a new cache starts from the store template beside the data, byte for byte; a template of another snapshot is loaded over"
    )
    func storeTemplate() throws {
        let prefix = try Self.installed()
        let share = prefix.appendingPathComponent("share/maatstaf")
        let program = prefix.appendingPathComponent("bin/maatstaf")
        let home = RepositoryFixtures.temporaryFolder()
        let environment = ["PATH": "/usr/bin:/bin", "HOME": home.path]
        // The template as scripts/install makes it: the installed program loading its own snapshot into a cache.
        let making = RepositoryFixtures.temporaryFolder()
        var (status, _, stderr) = try run(program, ["regions", "list", "--cache-dir", making.path], environment: environment)
        #expect(status == 0, "\(stderr)")
        let template = share.appendingPathComponent("store-template.sqlite")
        try FileManager.default.copyItem(at: making.appendingPathComponent("maatstaf.sqlite"), to: template)
        let cache = RepositoryFixtures.temporaryFolder().appendingPathComponent("new")
        (status, _, stderr) = try run(
            program, ["compare", "--indicator", "jeugd.hulp", "--year", "2023", "--cache-dir", cache.path, "Duiven"],
            environment: environment)
        #expect(status == 0, "\(stderr)")
        // Unchanged: copied and found loaded, not loaded again.
        #expect(try Data(contentsOf: cache.appendingPathComponent("maatstaf.sqlite")) == Data(contentsOf: template))

        // A template that does not hold this snapshot (an empty store) is copied, found wanting, and loaded over.
        try FileManager.default.removeItem(at: template)
        _ = try Store(path: template.path)
        let other = RepositoryFixtures.temporaryFolder().appendingPathComponent("other")
        let compared: (Int32, String, String) = try run(
            program, ["compare", "--indicator", "jeugd.hulp", "--year", "2023", "--cache-dir", other.path, "Duiven"],
            environment: environment)
        #expect(compared.0 == 0, "\(compared.2)")
        #expect(compared.1.contains("Duiven"))
    }

    @Test(
        "in a checkout, a first load into a new cache leaves a template under .build; the next new cache starts from it, byte for byte"
    )
    func checkoutTemplate() async throws {
        // Named by the snapshot's checksum list and the schema, so only a binary of this schema and snapshot uses it.
        let fingerprint = try SnapshotLoader(folder: RepositoryFixtures.snapshot).contents().fingerprint
        let template = RepositoryFixtures.root.appendingPathComponent(
            ".build/store-template-\(fingerprint.prefix(16))-schema\(Store.schemaVersion).sqlite")
        // Another test copying it meanwhile then loads the snapshot as it would without one.
        try? FileManager.default.removeItem(at: template)
        let first = RepositoryFixtures.temporaryFolder()
        var runner = CLIRunner.binary
        runner.environment = ["MAATSTAF_CACHE_DIR": first.path]
        var result = try await runner.run(["regions", "list"])
        #expect(result.status == 0, "\(result.stderr)")
        // Kept by this run, or by another test's first load in between (both go through the same code).
        #expect(FileManager.default.fileExists(atPath: template.path))

        // Two loads of the snapshot differ in their bytes (the time of loading), so equal bytes mean copied. Asked
        // with `tables --stored`, which reads the store and keeps nothing in it (a comparison keeps the atlas it made).
        let second = RepositoryFixtures.temporaryFolder()
        runner.environment = ["MAATSTAF_CACHE_DIR": second.path]
        result = try await runner.run(["tables", "--stored"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: second.appendingPathComponent("maatstaf.sqlite")) == Data(contentsOf: template))
        result = try await runner.run(["compare", "--indicator", "jeugd.hulp", "--year", "2023", "Duiven"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Duiven"))

        // A store that already existed is never made the template, even when the snapshot is loaded into it again.
        try FileManager.default.removeItem(at: template)
        try await DatabaseQueue(path: second.appendingPathComponent("maatstaf.sqlite").path).write { db in
            try db.execute(sql: "UPDATE store_meta SET value = 'an older snapshot' WHERE key = 'snapshot'")
        }
        result = try await runner.run(["regions", "list"])
        #expect(result.status == 0, "\(result.stderr)")
        // (Another test may have left a template meanwhile: one of its own load, never this store.)
        let reloaded = try Data(contentsOf: second.appendingPathComponent("maatstaf.sqlite"))
        #expect((try? Data(contentsOf: template)) != reloaded)
    }

    @Test("without XDG_CACHE_HOME the store goes to ~/.cache/maatstaf, never the working folder")
    func homeCache() async throws {
        let home = RepositoryFixtures.temporaryFolder()
        var runner = CLIRunner.binary
        runner.environment = ["HOME": home.path, "XDG_CACHE_HOME": ""]
        runner.currentDirectory = RepositoryFixtures.temporaryFolder()
        let result = try await runner.run(["regions", "list"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent(".cache/maatstaf/maatstaf.sqlite").path))
        #expect(!FileManager.default.fileExists(atPath: runner.currentDirectory!.appendingPathComponent("cache").path))
    }

    @Test("data that cannot be found: one line naming the install and MAATSTAF_DATA_DIR, exit 65")
    func dataMissing() async throws {
        var runner = CLIRunner.binary
        runner.environment = ["MAATSTAF_DATA_DIR": RepositoryFixtures.temporaryFolder().path]
        let result = try await runner.run([
            "compare", "--indicator", "jeugd.hulp", "Duiven", "--cache-dir", RepositoryFixtures.temporaryFolder().path,
        ])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("maatstaf: error: maatstaf: cannot find its embedded data"))
        #expect(result.stderr.contains("MAATSTAF_DATA_DIR"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
