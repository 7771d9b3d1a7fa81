import Foundation
import MaatstafCore
import MaatstafFetch
import MaatstafTestServer
import Testing

@Suite("On-disk HTTP cache")
struct CachedFetcherTests {
    /// Answers with an ETag and honours If-None-Match with 304, as CBS's servers do.
    static func etagServer(body: Data, etag: String = "\"v1\"") throws -> TestHTTPServer {
        try TestHTTPServer { request in
            if request.header("If-None-Match") == etag {
                return TestResponse(status: 304, headers: [("ETag", etag)])
            }
            return TestResponse(headers: [("ETag", etag), ("Last-Modified", "Mon, 06 Nov 2023 09:00:00 GMT")], body: body)
        }
    }

    @Test("a miss downloads and stores; the next fetch is served from the cache without a request")
    func storeThenServe() async throws {
        let body = syntheticBody(4_000)
        let server = try Self.etagServer(body: body)
        let cache = HTTPCache(root: RepositoryFixtures.temporaryFolder())
        let fetcher = CachedFetcher(client: makeTestClient(), cache: cache)
        let url = server.baseURL + "/TableInfos"

        let first = try await fetcher.fetch(url)
        #expect(first.origin == .network)
        #expect(first.body == body)
        #expect(first.metadata?.etag == "\"v1\"")
        #expect(first.metadata?.lastModified == "Mon, 06 Nov 2023 09:00:00 GMT")
        #expect(first.metadata?.sha256 == SHA256.hex(body))
        #expect(first.metadata?.size == 4_000)

        let second = try await fetcher.fetch(url)
        #expect(second.origin == .cache)
        #expect(second.body == body)
        #expect(server.requests.count == 1)
        #expect(cache.status().entries == 1)
        #expect(cache.status().bytes == 4_000)
    }

    @Test("--refresh revalidates: a 304 keeps the body and refreshes fetched-at")
    func revalidation() async throws {
        let body = syntheticBody(1_000)
        let server = try Self.etagServer(body: body)
        let cache = HTTPCache(root: RepositoryFixtures.temporaryFolder())
        let url = server.baseURL + "/DataProperties"
        let first = try await CachedFetcher(client: makeTestClient(), cache: cache).fetch(url)
        try await Task.sleep(for: .milliseconds(1100))

        let refreshed = try await CachedFetcher(client: makeTestClient(), cache: cache, policy: .refresh).fetch(url)
        #expect(refreshed.origin == .revalidated)
        #expect(refreshed.body == body)
        #expect(server.requests.count == 2)
        #expect(server.requests[1].header("If-None-Match") == "\"v1\"")
        #expect(server.requests[1].header("If-Modified-Since") == "Mon, 06 Nov 2023 09:00:00 GMT")
        let firstDate = try #require(first.metadata?.fetchedAt)
        let refreshedDate = try #require(refreshed.metadata?.fetchedAt)
        #expect(refreshedDate > firstDate)
        guard case .hit(let entry) = cache.lookup(url) else {
            Issue.record("the entry must still be in the cache")
            return
        }
        #expect(entry.body == body)
        #expect(entry.metadata.fetchedAt == refreshedDate)
    }

    @Test("--refresh with a changed resource replaces the body")
    func refreshChanged() async throws {
        let counter = RequestCounter()
        let server = try TestHTTPServer { request in
            let version = counter.next("all")
            return TestResponse(headers: [("ETag", "\"v\(version)\"")], text: "version \(version)")
        }
        let cache = HTTPCache(root: RepositoryFixtures.temporaryFolder())
        let url = server.baseURL + "/changing"
        _ = try await CachedFetcher(client: makeTestClient(), cache: cache).fetch(url)
        let second = try await CachedFetcher(client: makeTestClient(), cache: cache, policy: .refresh).fetch(url)
        #expect(second.origin == .network)
        #expect(second.body == Data("version 2".utf8))
        guard case .hit(let entry) = cache.lookup(url) else {
            Issue.record("the new body must be cached")
            return
        }
        #expect(entry.body == Data("version 2".utf8))
        #expect(entry.metadata.etag == "\"v2\"")
    }

    @Test("--offline: a hit is served, a miss is a clear error and no request is made")
    func offline() async throws {
        let server = try TestHTTPServer { _ in TestResponse(text: "online") }
        let cache = HTTPCache(root: RepositoryFixtures.temporaryFolder())
        let cachedURL = server.baseURL + "/cached"
        _ = try await CachedFetcher(client: makeTestClient(), cache: cache).fetch(cachedURL)
        let offline = CachedFetcher(client: makeTestClient(), cache: cache, policy: .offline)
        #expect(try await offline.fetch(cachedURL).body == Data("online".utf8))
        let error = await #expect(throws: FetchError.self) { try await offline.fetch(server.baseURL + "/missing") }
        #expect(error?.kind == .notCached)
        #expect(error?.hint.english == "Run the same command without \(option: .offline) once while connected")
        #expect(server.requests.count == 1)
    }

    @Test("a corrupted entry is never served: refetched online, an error offline, removed by verify")
    func corruptedEntry() async throws {
        let body = syntheticBody(2_000)
        let server = try TestHTTPServer { _ in TestResponse(body: body) }
        let cache = HTTPCache(root: RepositoryFixtures.temporaryFolder())
        let url = server.baseURL + "/corrupt"
        _ = try await CachedFetcher(client: makeTestClient(), cache: cache).fetch(url)

        // Flip one byte of the body on disk, as a bad disk or an interrupted copy would.
        let file = cache.fileURL(for: url)
        var raw = try Data(contentsOf: file)
        raw[raw.count - 10] ^= 0xFF
        try raw.write(to: file)
        guard case .corrupt = cache.lookup(url) else {
            Issue.record("a body that does not match its sha256 must be reported corrupt")
            return
        }

        let offlineError = await #expect(throws: FetchError.self) {
            try await CachedFetcher(client: makeTestClient(), cache: cache, policy: .offline).fetch(url)
        }
        #expect(offlineError?.kind == .corruptCacheEntry)

        let verification = try cache.verify()
        #expect(verification.checked == 1)
        #expect(verification.removed == [file.path])
        #expect(!FileManager.default.fileExists(atPath: file.path))

        // Corrupt it again and fetch online: downloaded again, and the cache repaired.
        _ = try await CachedFetcher(client: makeTestClient(), cache: cache).fetch(url)
        try Data("garbage".utf8).write(to: file)
        let refetched = try await CachedFetcher(client: makeTestClient(), cache: cache).fetch(url)
        #expect(refetched.origin == .network)
        #expect(refetched.body == body)
        #expect(server.requests.count == 3)
        guard case .hit(let repaired) = cache.lookup(url) else {
            Issue.record("the refetched body must replace the corrupt entry")
            return
        }
        #expect(repaired.body == body)
    }

    @Test("a cache folder that is a file: a cacheIO error naming the path; the file is untouched")
    func cacheFolderIsAFile() async throws {
        let folder = RepositoryFixtures.temporaryFolder()
        let blocker = folder.appendingPathComponent("cache")
        try Data("not a folder".utf8).write(to: blocker)
        let server = try TestHTTPServer { _ in TestResponse(text: "x") }
        let error = await #expect(throws: FetchError.self) {
            try await CachedFetcher(client: makeTestClient(), cache: HTTPCache(root: blocker)).fetch(server.baseURL + "/x")
        }
        #expect(error?.kind == .cacheIO)
        #expect(error?.subject.hasPrefix(blocker.path) == true)
        #expect(try Data(contentsOf: blocker) == Data("not a folder".utf8))
    }

    @Test("a failed download leaves the existing entry as it was")
    func failureKeepsEntry() async throws {
        let counter = RequestCounter()
        let server = try TestHTTPServer { request in
            counter.next("all") == 1
                ? TestResponse(headers: [("ETag", "\"a\"")], text: "good")
                : TestResponse(status: 500, text: "broken")
        }
        let cache = HTTPCache(root: RepositoryFixtures.temporaryFolder())
        let url = server.baseURL + "/keep"
        _ = try await CachedFetcher(client: makeTestClient(), cache: cache).fetch(url)
        let before = try Data(contentsOf: cache.fileURL(for: url))
        await #expect(throws: FetchError.self) {
            try await CachedFetcher(client: makeTestClient(maxAttempts: 2), cache: cache, policy: .refresh).fetch(url)
        }
        #expect(try Data(contentsOf: cache.fileURL(for: url)) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: cache.fileURL(for: url).deletingLastPathComponent().path)
        #expect(leftovers.filter { $0.hasPrefix(".tmp-") }.isEmpty)
    }

    @Test("clear removes every entry; status counts them")
    func clear() async throws {
        let server = try TestHTTPServer { request in TestResponse(text: request.path) }
        let cache = HTTPCache(root: RepositoryFixtures.temporaryFolder())
        let fetcher = CachedFetcher(client: makeTestClient(), cache: cache)
        for index in 0..<5 { _ = try await fetcher.fetch(server.baseURL + "/e\(index)") }
        #expect(cache.status().entries == 5)
        #expect(cache.status().bytes == 15)
        #expect(try cache.clear() == 5)
        #expect(cache.status().entries == 0)
    }
}
