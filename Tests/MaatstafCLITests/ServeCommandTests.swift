import Foundation
import MaatstafTestServer
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `maatstaf serve` as a user starts it: the binary prints its address, answers on it, and stops cleanly on Ctrl-C.
@Suite("maatstaf serve through the binary")
struct ServeCommandTests {
    /// Starts the binary and waits (at most 60 s) for the address it prints.
    private func start(_ extra: [String]) async throws -> (started: (Process, Pipe, Pipe), address: String) {
        let started = try CLIRunner.binary.start(["serve", "--port", "0", "--cache-dir", CLIRunner.loadedCache] + extra)
        let handle = started.1.fileHandleForReading
        let address: String = try await withCheckedThrowingContinuation { continuation in
            Thread {
                var text = ""
                while true {
                    let data = handle.availableData
                    if data.isEmpty {
                        continuation.resume(throwing: CancellationError())
                        return
                    }
                    text += String(decoding: data, as: UTF8.self)
                    if let range = text.range(of: "http://"), let end = text[range.lowerBound...].firstIndex(of: " ") {
                        continuation.resume(returning: String(text[range.lowerBound..<end]))
                        return
                    }
                }
            }.start()
        }
        return (started, address)
    }

    @Test("It prints a 127.0.0.1 address; the CSV it offers is the one `compare --format csv` writes; Ctrl-C stops it with 0")
    func servesAndStops() async throws {
        let (started, address) = try await start(["--locale", "nl"])
        #expect(address.hasPrefix("http://127.0.0.1:"))
        let view = "m=GM0293&m=GM0226&i=wmo.huishoudelijke-hulp&y=2023&kind=jaarrekening&g=province&g=size-class&lang=nl"
        let (data, response) = try await URLSession.shared.data(
            from: try #require(URL(string: address + "download/compare.csv?" + view)))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let compare = try await CLIRunner().run([
            "compare", "--indicator", "wmo.huishoudelijke-hulp", "--year", "2023", "--kind", "jaarrekening",
            "--against", "national,province,size-class", "--format", "csv", "--locale", "nl",
            "--cache-dir", CLIRunner.loadedCache, "Westervoort", "Duiven",
        ])
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(String(decoding: data, as: UTF8.self) == compare.stdout)
        started.0.interrupt()
        let result = await CLIRunner.finish(started)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("Another interface only with --allow-remote, and then with a warning; a port out of range is a usage error")
    func hostAndPort() async throws {
        let refused = try await CLIRunner().run(["serve", "--host", "0.0.0.0", "--locale", "en"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("it has no sign-in of its own"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--allow-remote"))
        let badBase = try await CLIRunner().run(["serve", "--base-path", "maatstaf/", "--locale", "en"])
        #expect(badBase.status == 64)
        #expect(badBase.stderr.contains("--base-path maatstaf/: write a path like /maatstaf"), "\(badBase.stderr)")
        let (started, address) = try await start(["--host", "0.0.0.0", "--allow-remote", "--base-path", "/maatstaf"])
        #expect(address.hasPrefix("http://0.0.0.0:") && address.hasSuffix("/maatstaf/"), "\(address)")
        started.0.interrupt()
        let result = await CLIRunner.finish(started)
        #expect(result.stderr.contains("Warning: listening on 0.0.0.0"))
        let bad = try await CLIRunner().run(["serve", "--port", "70000"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--port must be between 0 and 65535"))
    }
}
