import Foundation
import MaatstafCore
import MaatstafTestServer
import Testing

@testable import MaatstafFetch

/// The digest a response carries is made piece by piece as curl hands the body over; these tests hold it to a digest
/// made independently of maatstaf (coreutils' sha256sum, or a published test vector).
@Suite("SHA-256 made as the body arrives")
struct IncrementalSHA256Tests {
    @Test("pieces of any size give the digest of the whole: FIPS 180-2's \"abc\" vector and sha256sum's")
    func pieces() throws {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        let abc = try #require(IncrementalSHA256())
        for byte in "abc".utf8 { withUnsafeBytes(of: byte) { abc.update($0.baseAddress!, count: 1) } }
        #expect(abc.count == 3)
        #expect(abc.finish() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")

        let body = syntheticBody(1_000_003)
        let hasher = try #require(IncrementalSHA256())
        body.withUnsafeBytes { raw in
            var offset = 0
            var size = 1
            while offset < raw.count {
                let length = min(size, raw.count - offset)
                hasher.update(raw.baseAddress! + offset, count: length)
                offset += length
                size = size * 3 + 1  // 1, 4, 13, 40 … bytes: pieces that straddle SHA-256's 64-byte blocks
            }
        }
        #expect(hasher.count == body.count)
        #expect(hasher.finish() == independentSHA256(body))
        #expect(hasher.finish() == nil)  // ended: asked again, no digest
    }

    @Test("nothing hashed: the digest of the empty body, as sha256sum makes it")
    func empty() throws {
        let hasher = try #require(IncrementalSHA256())
        #expect(hasher.finish() == independentSHA256(Data()))
    }

    @Test("a response's digest is its body's, also when the body came gzip-encoded and in many pieces")
    func responseDigest() async throws {
        let plain = syntheticBody(3_000_000, seed: 11)
        let compressed = try TestHTTPServer.gzip(plain)
        let server = try TestHTTPServer { request in
            request.path.hasSuffix("gzip")
                ? TestResponse(headers: [("Content-Encoding", "gzip")], body: compressed)
                : TestResponse(body: plain)
        }
        let client = makeTestClient()
        for path in ["/plain", "/gzip"] {
            let response = try await client.get(server.baseURL + path)
            #expect(response.body == plain, "\(path)")
            #expect(response.bodySHA256 == independentSHA256(plain), "\(path)")
        }
    }

    @Test("a page fetched and read: the cache entry written beside the reading holds the body and its digest")
    func writtenWhileRead() async throws {
        let body = syntheticBody(2_000_000, seed: 3)
        let server = try TestHTTPServer { _ in TestResponse(body: body) }
        let cache = HTTPCache(root: RepositoryFixtures.temporaryFolder())
        let fetcher = CachedFetcher(client: makeTestClient(), cache: cache)
        let url = server.baseURL + "/page"
        let read = try await fetcher.fetch(url) { result in (result.body.count, result.metadata?.sha256) }
        #expect(read.0 == body.count)
        #expect(read.1 == independentSHA256(body))
        // Written by the time the reading was handed on: read back (and verified against its digest) from disk.
        guard case .hit(let entry) = cache.lookup(url) else {
            Issue.record("the page must be in the cache once fetch returns")
            return
        }
        #expect(entry.body == body)
        #expect(entry.metadata.sha256 == independentSHA256(body))
        #expect(try cache.verify() == CacheVerification(checked: 1, removed: []))
    }

    @Test("a page the reader rejects leaves no cache entry, though it was being written while read")
    func rejectedWhileWritten() async throws {
        struct Rejected: Error {}
        let server = try TestHTTPServer { _ in TestResponse(text: "<html>not a page</html>") }
        let cache = HTTPCache(root: RepositoryFixtures.temporaryFolder())
        let fetcher = CachedFetcher(client: makeTestClient(), cache: cache)
        let url = server.baseURL + "/page"
        await #expect(throws: Rejected.self) {
            try await fetcher.fetch(url) { _ -> Int in throw Rejected() }
        }
        guard case .miss = cache.lookup(url) else {
            Issue.record("a rejected body must not stay in the cache")
            return
        }
        #expect(cache.status().entries == 0)
    }
}
