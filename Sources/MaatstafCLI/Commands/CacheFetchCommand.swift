import ArgumentParser
import Foundation
import MaatstafCore
import MaatstafFetch

/// Downloads URLs into the cache: to fill the cache ahead of a trip offline, and to test the fetcher end to end.
struct CacheFetchCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "fetch",
            abstract: ReaderLanguage.text(
                en: "Download URLs into the cache, many at once.", nl: "Download adressen in de cache, veel tegelijk."),
            discussion: ReaderLanguage.text(
                en: """
                    Prints one line per URL, in the order given: where the body came from (network, cache, revalidated), \
                    its size in bytes, its sha256, the number of requests sent, and the URL.
                    Example: maatstaf cache fetch 'https://opendata.cbs.nl/ODataApi/odata/85984NED/TableInfos'
                    """,
                nl: """
                    Toont één regel per adres, in de gegeven volgorde: waar de inhoud vandaan kwam (network, cache, \
                    revalidated), de grootte in bytes, de sha256, het aantal verstuurde verzoeken en het adres.
                    Voorbeeld: maatstaf cache fetch 'https://opendata.cbs.nl/ODataApi/odata/85984NED/TableInfos'
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var language: LocaleOption

    @Argument(
        help: ArgumentHelp(
            ReaderLanguage.text(en: "The URLs to fetch (http or https).", nl: "De adressen om op te halen (http of https).")))
    var urls: [String]

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(en: "Transfers in flight at once per host.", nl: "Gelijktijdige overdrachten per server.")))
    var concurrency = 8

    @OptionGroup(title: ReaderLanguage.text(en: "Limits per request", nl: "Grenzen per verzoek")) var limits: TransferOptions

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(en: "Attempts per request, the first included.", nl: "Pogingen per verzoek, de eerste meegeteld.")
        ))
    var maxAttempts = 4

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "First retry wait in milliseconds; it doubles with each retry.",
                nl: "Eerste wachttijd voor een nieuwe poging in milliseconden; die verdubbelt bij elke poging."),
            visibility: .hidden))
    var retryDelayMs = 500

    @Flag(
        help: ArgumentHelp(
            ReaderLanguage.text(en: "Neither read nor write the cache.", nl: "De cache niet lezen en niet schrijven.")))
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
