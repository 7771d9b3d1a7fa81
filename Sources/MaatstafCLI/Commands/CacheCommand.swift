import ArgumentParser
import MaatstafCore

/// `maatstaf cache …`: look after the on-disk HTTP cache.
struct CacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Inspect, check, fill or empty the cache of downloaded responses.",
        discussion: """
            Every response maatstaf downloads is kept in <cache-dir>/http, one file per URL with its checksum. \
            A damaged file is never used: it is downloaded again, or reported with --offline.
            """,
        subcommands: [CacheStatusCommand.self, CacheVerifyCommand.self, CacheClearCommand.self, CacheFetchCommand.self]
    )
}
