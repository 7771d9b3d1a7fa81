import ArgumentParser
import Foundation
import MaatstafCore
import MaatstafFetch

/// Downloads URLs into the cache: to fill the cache ahead of a trip offline, and to test the fetcher end to end.
struct CacheFetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download URLs into the cache, many at once.",
        discussion: """
            Prints one line per URL, in the order given: where the body came from (network, cache, revalidated), \
            its size in bytes, its sha256, the number of requests sent, and the URL.
            Example: maatstaf cache fetch 'https://opendata.cbs.nl/ODataApi/odata/85984NED/TableInfos'
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var language: LocaleOption

    @Argument(help: "The URLs to fetch (http or https).")
    var urls: [String]

    @Option(help: "Transfers in flight at once per host.")
    var concurrency = 8

    @OptionGroup(title: "Limits per request") var limits: TransferOptions

    @Option(help: "Attempts per request, the first included.")
    var maxAttempts = 4

    @Option(help: ArgumentHelp("First retry wait in milliseconds; it doubles with each retry.", visibility: .hidden))
    var retryDelayMs = 500

    @Flag(help: "Neither read nor write the cache.")
    var noCache = false

    func validate() throws {
        guard concurrency >= 1 else {
            throw ValidationError(en: "--concurrency must be at least 1.", nl: "--concurrency moet minstens 1 zijn.")
        }
        guard maxAttempts >= 1 else {
            throw ValidationError(en: "--max-attempts must be at least 1.", nl: "--max-attempts moet minstens 1 zijn.")
        }
    }

    func run() async throws {
        var configuration = limits.configuration
        configuration.maxConcurrentPerHost = concurrency
        configuration.retry.maxAttempts = maxAttempts
        configuration.retry.baseDelay = .milliseconds(retryDelayMs)
        let (fetcher, progress) = global.makeFetcher(configuration: configuration, policy: noCache ? .bypass : nil)
        defer { progress.finish() }
        let results = try await withThrowingTaskGroup(of: (Int, FetchResult).self) { group in
            for (index, url) in urls.enumerated() {
                group.addTask { (index, try await fetcher.fetch(url)) }
            }
            var results = [FetchResult?](repeating: nil, count: urls.count)
            for try await (index, result) in group { results[index] = result }
            return results.compactMap { $0 }
        }
        progress.finish()
        for result in results {
            let sha = result.metadata?.sha256 ?? SHA256.hex(result.body)
            try StandardOutput.line("\(result.origin)\t\(result.body.count)\t\(sha)\t\(result.attempts)\t\(result.url)")
        }
    }
}
