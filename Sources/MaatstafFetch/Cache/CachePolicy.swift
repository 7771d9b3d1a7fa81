/// How a fetch uses the cache; chosen by the CLI flags.
public enum CachePolicy: Sendable, Equatable {
    /// Serve a valid entry without asking the network; fetch and store on a miss. CBS tables change a few times a
    /// year at most, so a cached copy is the right default; `--refresh` asks the server.
    case standard
    /// `--refresh`: revalidate every entry touched (`If-None-Match` / `If-Modified-Since`); a 304 keeps the body.
    case refresh
    /// `--offline`: never touch the network; a miss is an error.
    case offline
    /// Neither read nor write the cache (benchmarks, `--no-cache`).
    case bypass
}
