import ArgumentParser
import MaatstafCore

/// `maatstaf cache …`: look after the on-disk HTTP cache.
struct CacheCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "cache",
            abstract: ReaderLanguage.text(
                en: "Inspect, check, fill or empty the cache of downloaded responses.",
                nl: "Bekijk, controleer, vul of leeg de cache van gedownloade antwoorden."),
            discussion: ReaderLanguage.text(
                en: """
                    Every response maatstaf downloads is kept in <cache-dir>/http, one file per URL with its checksum. \
                    A damaged file is never used: it is downloaded again, or reported with --offline.
                    """,
                nl: """
                    Elk antwoord dat maatstaf downloadt, wordt bewaard in <cache-dir>/http, één bestand per adres met zijn \
                    controlesom. Een beschadigd bestand wordt nooit gebruikt: het wordt opnieuw gedownload, of gemeld met \
                    --offline.
                    """),
            subcommands: [CacheStatusCommand.self, CacheVerifyCommand.self, CacheClearCommand.self, CacheFetchCommand.self]
        )
    }
}
