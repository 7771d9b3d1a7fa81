import Foundation
import MaatstafCore
import MaatstafTestServer
import Testing

@Suite("maatstaf cache, end to end through the binary and a local server")
struct CacheCommandTests {
    @Test("two processes filling one cache at once leave it complete and intact")
    func twoProcesses() async throws {
        let server = try TestHTTPServer { request in
            Thread.sleep(forTimeInterval: 0.003)
            return TestResponse(text: String(repeating: "synthetic body for \(request.path)\n", count: 50))
        }
        let cacheDir = RepositoryFixtures.temporaryFolder().path
        let urls = (0..<60).map { server.baseURL + "/shared/\($0)" }
        let runner = CLIRunner.binary
        let arguments = ["cache", "fetch", "--cache-dir", cacheDir, "--quiet", "--concurrency", "8"] + urls
        // Both processes fetch the same URLs, in opposite orders, so that they write the same entries at once.
        let first = try runner.start(arguments)
        let second = try runner.start(
            ["cache", "fetch", "--cache-dir", cacheDir, "--quiet", "--concurrency", "8"]
                + urls.reversed())
        let results = [await CLIRunner.finish(first), await CLIRunner.finish(second)]
        for result in results {
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stdout.split(separator: "\n").count == 60)
        }

        let verify = try await runner.run(["cache", "verify", "--cache-dir", cacheDir])
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("checked 60 entries: 60 intact, 0 damaged"))
        let status = try await runner.run(["cache", "status", "--cache-dir", cacheDir])
        #expect(status.stdout.contains("entries: 60\n"))

        let offline = try await runner.run(["cache", "fetch", "--cache-dir", cacheDir, "--offline"] + urls)
        #expect(offline.status == 0, "stderr: \(offline.stderr)")
        for (line, url) in zip(offline.stdout.split(separator: "\n"), urls) {
            let fields = line.split(separator: "\t").map(String.init)
            let path = String(url.dropFirst(server.baseURL.count))
            let expected = String(repeating: "synthetic body for \(path)\n", count: 50)
            #expect(fields == ["cache", String(expected.utf8.count), independentSHA256(Data(expected.utf8)), "0", url])
        }
    }

    @Test("--offline on a miss: exit 70, a message naming the URL and what to do")
    func offlineMiss() async throws {
        let cacheDir = RepositoryFixtures.temporaryFolder().path
        let result = try await CLIRunner.binary.run([
            "cache", "fetch", "--cache-dir", cacheDir, "--offline",
            "https://opendata.cbs.nl/ODataApi/odata/85984NED/TableInfos",
        ])
        #expect(result.status == 70)
        #expect(
            result.stderr == "maatstaf: error: https://opendata.cbs.nl/ODataApi/odata/85984NED/TableInfos: "
                + "not in the cache, and working offline forbids downloading it. Run the same command without --offline once while connected\n"
        )
        #expect(result.stdout.isEmpty)
    }

    @Test("a bad URL: exit 65, one line naming it, cache untouched")
    func badURL() async throws {
        let cacheDir = RepositoryFixtures.temporaryFolder()
        let result = try await CLIRunner.binary.run(["cache", "fetch", "--cache-dir", cacheDir.path, "opendata.cbs.nl/nothing"])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("maatstaf: error: opendata.cbs.nl/nothing: not a valid http(s) URL."))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cacheDir.path).isEmpty)
    }

    @Test("an unreachable server: exit 69 after retries, nothing cached")
    func unreachable() async throws {
        let server = try TestHTTPServer { _ in TestResponse(text: "x") }
        let url = server.baseURL + "/gone"
        server.stop()
        let cacheDir = RepositoryFixtures.temporaryFolder()
        let result = try await CLIRunner.binary.run([
            "cache", "fetch", "--cache-dir", cacheDir.path, "--max-attempts", "2",
            "--retry-delay-ms", "10", url,
        ])
        #expect(result.status == 69)
        #expect(result.stderr.hasPrefix("maatstaf: error: \(url): "))
        #expect(result.stderr.contains("(after 2 attempts)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cacheDir.path).isEmpty)
    }

    @Test("a cache folder that cannot be created: exit 74 naming the path")
    func unwritableCache() async throws {
        let server = try TestHTTPServer { _ in TestResponse(text: "x") }
        let blocker = RepositoryFixtures.temporaryFolder().appendingPathComponent("not-a-folder")
        try Data("keep me".utf8).write(to: blocker)
        let result = try await CLIRunner.binary.run(["cache", "fetch", "--cache-dir", blocker.path, server.baseURL + "/x"])
        #expect(result.status == 74)
        #expect(result.stderr.hasPrefix("maatstaf: error: \(blocker.path)"))
        #expect(result.stderr.contains("--cache-dir"))
        #expect(try Data(contentsOf: blocker) == Data("keep me".utf8))
    }

    @Test("MAATSTAF_CACHE_DIR chooses the cache folder; clear empties it")
    func environmentCacheDir() async throws {
        let server = try TestHTTPServer { request in TestResponse(text: request.path) }
        let cacheDir = RepositoryFixtures.temporaryFolder()
        var runner = CLIRunner.binary
        runner.environment["MAATSTAF_CACHE_DIR"] = cacheDir.path
        #expect(try await runner.run(["cache", "fetch", server.baseURL + "/a", server.baseURL + "/b"]).status == 0)
        #expect(try await runner.run(["cache", "status"]).stdout.contains("entries: 2\n"))
        let clear = try await runner.run(["cache", "clear"])
        #expect(clear.stdout == "removed 2 cached responses from \(cacheDir.path)\n")
        #expect(try await runner.run(["cache", "status"]).stdout.contains("entries: 0\n"))
    }

    @Test("--help teaches: commands, cache flags and exit codes")
    func help() async throws {
        let result = try await CLIRunner.binary.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Exit codes:"))
        #expect(result.stdout.contains("cache"))
        #expect(result.stdout.contains("Bron: CBS"))
    }
}
