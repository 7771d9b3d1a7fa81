public import Foundation
import MaatstafCore

/// A body and where it came from.
public struct FetchResult: Sendable {
    public enum Origin: Sendable, Equatable {
        /// Downloaded now and stored.
        case network
        /// Served from the cache without a request.
        case cache
        /// The server answered 304: the cached body is still current.
        case revalidated
    }

    public var url: String
    public var body: Data
    public var origin: Origin
    /// Present unless the policy was `.bypass`.
    public var metadata: CacheMetadata?
    /// Requests sent (0 when served from the cache).
    public var attempts: Int
}

/// The HTTP client and the cache together: what the sources layer uses to get a URL's body.
public struct CachedFetcher: Sendable {
    public let client: HTTPClient
    public let cache: HTTPCache
    public let policy: CachePolicy
    private let events: FetchEventHandler?

    public init(client: HTTPClient, cache: HTTPCache, policy: CachePolicy = .standard, events: FetchEventHandler? = nil) {
        self.client = client
        self.cache = cache
        self.policy = policy
        self.events = events
    }

    /// The same fetcher with another policy: a source that must know whether what the cache holds is still current
    /// (a resumed download) asks the server for that one URL with `.refresh`.
    public func with(policy: CachePolicy) -> CachedFetcher {
        CachedFetcher(client: client, cache: cache, policy: policy, events: events)
    }

    /// Fetches and reads a body. A body that `parse` rejects (an HTML error page answered with 200, a cut-off page)
    /// is removed from the cache, so it is never served again as a good entry: the next run downloads it anew.
    ///
    /// A body just downloaded is written to the cache while `parse` reads it (on another thread when one is free):
    /// the write does not wait for the reading, nor the reading for the write; `parse`'s result is handed on only
    /// once the entry is written.
    public func fetch<T>(_ url: String, parse: (FetchResult) throws -> T) async throws -> T {
        let (result, unwritten) = try await retrieve(url)
        guard let unwritten else { return try read(result, parse: parse) }
        async let written: Void = cache.save(unwritten)
        let parsed: T
        do {
            parsed = try parse(result)
        } catch {
            try? await written
            cache.remove(result.url)
            throw error
        }
        try await written
        return parsed
    }

    /// Reads a body this fetcher fetched earlier (asked for before the caller knew how to read it), with the same
    /// rule as `fetch(_:parse:)`: a body `parse` rejects leaves the cache.
    public func read<T>(_ result: FetchResult, parse: (FetchResult) throws -> T) throws -> T {
        do {
            return try parse(result)
        } catch {
            if policy != .bypass { cache.remove(result.url) }
            throw error
        }
    }

    public func fetch(_ url: String) async throws -> FetchResult {
        let (result, unwritten) = try await retrieve(url)
        if let unwritten { try cache.save(unwritten) }
        return result
    }

    /// A URL's body from the cache or the server; one just downloaded comes with the cache entry still to be written
    /// (its metadata, digest included, already in the result).
    private func retrieve(_ url: String) async throws -> (FetchResult, unwritten: CacheEntry?) {
        try HTTPClient.validate(url)
        if policy == .bypass {
            let response = try await client.get(url)
            return (
                FetchResult(url: url, body: response.body, origin: .network, metadata: nil, attempts: response.attempts),
                nil
            )
        }
        var cached: CacheEntry?
        switch cache.lookup(url) {
        case .hit(let entry):
            cached = entry
        case .miss:
            cached = nil
        case .corrupt:
            if policy == .offline {
                throw FetchError(
                    .corruptCacheEntry, subject: url,
                    reason: .en(
                        "the cached copy is damaged (\(cache.fileURL(for: url).path))",
                        nl: "de kopie in de cache is beschadigd (\(cache.fileURL(for: url).path))"),
                    hint: .en(
                        "Run without \(option: .offline) to download it again, or run \(action: .verifyCache)",
                        nl:
                            "Voer de opdracht uit zonder \(option: .offline) om het opnieuw te downloaden, of voer \(action: .verifyCache) uit"
                    ))
            }
            cached = nil
        }
        if let cached, policy == .standard || policy == .offline {
            events?(.servedFromCache(url: url, bytes: cached.body.count))
            return (FetchResult(url: url, body: cached.body, origin: .cache, metadata: cached.metadata, attempts: 0), nil)
        }
        if policy == .offline {
            throw FetchError(
                .notCached, subject: url,
                reason: .en(
                    "not in the cache, and working offline forbids downloading it",
                    nl: "niet in de cache, en offline werken staat downloaden niet toe"),
                hint: .en(
                    "Run the same command without \(option: .offline) once while connected",
                    nl: "Voer dezelfde opdracht één keer uit zonder \(option: .offline) terwijl u verbonden bent"))
        }
        var headers: [HTTPHeader] = []
        if let cached {
            if let etag = cached.metadata.etag { headers.append(HTTPHeader("If-None-Match", etag)) }
            if let modified = cached.metadata.lastModified { headers.append(HTTPHeader("If-Modified-Since", modified)) }
        }
        let response = try await client.get(HTTPRequest(url: url, headers: headers))
        if response.status == 304, let cached {
            let refreshed = try cache.refresh(cached, headers: response.headers)
            let result = FetchResult(
                url: url, body: refreshed.body, origin: .revalidated, metadata: refreshed.metadata,
                attempts: response.attempts)
            return (result, nil)
        }
        guard (200..<300).contains(response.status) else {
            throw FetchError(
                .httpStatus(response.status), subject: url,
                reason: .en(
                    "unexpected HTTP \(response.status) without a cached copy to revalidate",
                    nl: "onverwacht HTTP \(response.status) zonder kopie in de cache om te controleren"),
                hint: .en("Check the address", nl: "Controleer het adres"))
        }
        let entry = HTTPCache.entry(
            url: url, status: response.status, headers: response.headers, body: response.body,
            sha256: response.bodySHA256)
        let result = FetchResult(
            url: url, body: response.body, origin: .network, metadata: entry.metadata, attempts: response.attempts)
        return (result, entry)
    }
}
