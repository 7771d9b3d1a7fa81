import ArgumentParser
import MaatstafCore
import MaatstafFetch

/// `maatstaf`: the root command.
struct MaatstafCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "maatstaf",
            abstract: ReaderLanguage.text(
                en: "Where a Dutch municipality stands: open CBS statistics, per inhabitant, against its peers.",
                nl: "Waar een Nederlandse gemeente staat: open CBS-statistiek, per inwoner, naast vergelijkbare gemeenten."),
            discussion: ReaderLanguage.text(
                en: """
                    maatstaf downloads CBS StatLine tables over HTTP into a local cache and compares municipalities. It \
                    works offline on the real CBS data embedded in it (Iv3 municipal spending: the 2023 accounts and budget, the \
                    2025 budget).

                    Start here:
                      maatstaf compare --indicator jeugd.hulp Westervoort Duiven
                      maatstaf trend --indicator jeugd.hulp --base-year 2023 Westervoort Duiven
                      maatstaf report Westervoort Duiven Steenwijkerland --output report.html
                      maatstaf indicators list

                    Cache: fetched responses and the store live per user in ~/.cache/maatstaf (or --cache-dir, or \
                    MAATSTAF_CACHE_DIR). Use --offline to work only from the cache and --refresh to ask the server whether \
                    cached copies are still current. Language: --locale nl|en, else LANG, else Dutch.

                    \(ExitStatus.helpText(.en))

                    Bron: CBS (CC BY 4.0) for all statistics maatstaf shows.
                    """,
                nl: """
                    maatstaf downloadt CBS StatLine-tabellen over HTTP naar een lokale cache en vergelijkt gemeenten. Het \
                    werkt offline op de echte CBS-gegevens die het meebrengt (Iv3-uitgaven van gemeenten: de jaarrekening en \
                    begroting 2023, de begroting 2025).

                    Begin hier:
                      maatstaf compare --indicator jeugd.hulp Westervoort Duiven
                      maatstaf trend --indicator jeugd.hulp --base-year 2023 Westervoort Duiven
                      maatstaf report Westervoort Duiven Steenwijkerland --output rapport.html
                      maatstaf indicators list

                    Cache: opgehaalde antwoorden en de opslag staan per gebruiker in ~/.cache/maatstaf (of --cache-dir, of \
                    MAATSTAF_CACHE_DIR). Gebruik --offline om alleen uit de cache te werken en --refresh om de server te \
                    vragen of bewaarde kopieën nog actueel zijn. Taal: --locale nl|en, anders LANG, anders Nederlands.

                    \(ExitStatus.helpText(.nl))

                    Bron: CBS (CC BY 4.0) voor alle statistiek die maatstaf toont.
                    """),
            version: MaatstafVersion.current,
            subcommands: [
                CompareCommand.self, RankCommand.self, TrendCommand.self, BudgetCommand.self, RegionCommand.self,
                PeersCommand.self, BestPracticeCommand.self, ExportAllCommand.self,
                ReportCommand.self, ServeCommand.self,
                ImportCommand.self, ImportsCommand.self, ShareCommand.self, CheckCommand.self, MonitorCommand.self,
                FundCommand.self,
                ExplainCommand.self,
                IndicatorsCommand.self,
                MunicipalitiesCommand.self,
                TablesCommand.self,
                FetchCommand.self, DescribeCommand.self, ExportCommand.self,
                RegionsCommand.self, CacheCommand.self,
            ]
        )
    }
}
