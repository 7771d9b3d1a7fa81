import Foundation
import MaatstafCLI
import MaatstafCore
import MaatstafStore
import MaatstafTestServer

/// Runs `maatstaf` as a user would, capturing its output and exit code: in this process by default (the command is
/// parsed and run with a console of its own, ArgumentParser's pattern), or through the built binary for the
/// end-to-end tests that need a real process (pipes, signals, the working folder, two runs at once).
struct CLIRunner {
    /// A cache folder whose store already holds the embedded snapshot, for tests that only read: loading the
    /// snapshot costs about a second in a debug build, and most command tests need nothing else. Tests that fetch,
    /// damage or clear a cache take a folder of their own.
    static let loadedCache: String = {
        URL(fileURLWithPath: try! LoadedStore.copy()).deletingLastPathComponent().path
    }()

    /// A new cache folder whose store is a copy of `loadedCache`'s, for tests that fetch into or change their cache:
    /// what a first run would load, without loading it again.
    static func freshLoadedCache() -> String {
        let folder = RepositoryFixtures.temporaryFolder()
        try! FileManager.default.copyItem(
            atPath: loadedCache + "/maatstaf.sqlite", toPath: folder.appendingPathComponent("maatstaf.sqlite").path)
        return folder.path
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `maatstaf` executable SwiftPM built next to the test bundle.
    static let executable: URL = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("maatstaf")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        fatalError("maatstaf executable not found near \(Bundle.main.bundleURL.path); run `swift build` first")
    }()

    /// A runner that starts the built executable: the end-to-end tests that check what the binary itself does.
    static var binary: CLIRunner {
        var runner = CLIRunner()
        runner.binary = true
        return runner
    }

    var environment: [String: String] = [:]

    /// A per-user cache folder of this test process's own: a command run without `--cache-dir` never touches the
    /// user's real `~/.cache/maatstaf`.
    static let userCache: URL = RepositoryFixtures.temporaryFolder()

    /// The process environment without `MAATSTAF_CACHE_DIR`, with `XDG_CACHE_HOME` pointing at `userCache`, the
    /// language English (`LANG=en_US.UTF-8`, so tests read English unless they pass `--locale nl`, whatever the
    /// machine's language), and the test's own variables on top.
    static func environment(_ extra: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["MAATSTAF_CACHE_DIR"] = nil
        env["XDG_CACHE_HOME"] = userCache.path
        env["LC_ALL"] = nil
        env["LC_MESSAGES"] = nil
        env["LANG"] = "en_US.UTF-8"
        for (key, value) in extra { env[key] = value }
        return env
    }
    /// The working folder; only a started binary can have its own, so setting it implies `binary`.
    var currentDirectory: URL?
    /// Start the built executable instead of running in process.
    var binary = false

    /// Starts the process without waiting (for running two at once).
    func start(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.environment = Self.environment(environment)
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out, err)
    }

    /// Waits for the process on a thread of its own, so that tests never block Swift's cooperative pool
    /// (which has only two threads here and also runs the other tests).
    static func finish(_ started: (Process, Pipe, Pipe)) async -> Result {
        let (process, out, err) = started
        let handles = (process, out, err)
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                let (process, out, err) = handles
                // Read both pipes before waiting, or a chatty child blocks on a full pipe.
                nonisolated(unsafe) var errorData = Data()
                let done = NSCondition()
                nonisolated(unsafe) var finished = false
                let errorThread = Thread {
                    errorData = err.fileHandleForReading.readDataToEndOfFile()
                    done.lock()
                    finished = true
                    done.signal()
                    done.unlock()
                }
                errorThread.start()
                let outputData = out.fileHandleForReading.readDataToEndOfFile()
                done.lock()
                while !finished { done.wait() }
                done.unlock()
                process.waitUntilExit()
                continuation.resume(
                    returning: Result(
                        status: process.terminationStatus,
                        stdout: String(decoding: outputData, as: UTF8.self),
                        stderr: String(decoding: errorData, as: UTF8.self)))
            }
            thread.start()
        }
    }

    func run(_ arguments: [String]) async throws -> Result {
        if binary || currentDirectory != nil { return await Self.finish(try start(arguments)) }
        let result = await InProcess.run(arguments, environment: Self.environment(environment))
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }
}
