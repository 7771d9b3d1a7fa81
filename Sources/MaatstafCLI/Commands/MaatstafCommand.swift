import ArgumentParser
import MaatstafCore
import MaatstafFetch

/// `maatstaf`: the root command.
struct MaatstafCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maatstaf",
        abstract: "Where a Dutch municipality stands: open CBS statistics, per inhabitant, against its peers.",
        discussion: """
            maatstaf downloads CBS StatLine tables over HTTP into a local cache and compares municipalities. It \
            works offline on the real CBS data embedded in it (Iv3 municipal spending: the 2023 accounts and budget, the \
            2025 budget).

            Start here:
              maatstaf compare --indicator jeugd.hulp Westervoort Duiven
              maatstaf trend --indicator jeugd.hulp --base-year 2023 Westervoort Duiven
              maatstaf report Westervoort Duiven Steenwijkerland --output report.html
              maatstaf indicators list

            Cache: fetched responses live in ./cache (or --cache-dir, or MAATSTAF_CACHE_DIR). Use --offline to \
            work only from the cache and --refresh to ask the server whether cached copies are still current.

            \(ExitStatus.helpText)

            Bron: CBS (CC BY 4.0) for all statistics maatstaf shows.
            """,
        version: MaatstafVersion.current,
        subcommands: [
            CompareCommand.self, RankCommand.self, TrendCommand.self, BudgetCommand.self, RegionCommand.self,
            PeersCommand.self, BestPracticeCommand.self, ExportAllCommand.self,
            ReportCommand.self, ServeCommand.self,
            ImportCommand.self, ImportsCommand.self, CheckCommand.self,
            IndicatorsCommand.self,
            MunicipalitiesCommand.self,
            TablesCommand.self,
            FetchCommand.self, DescribeCommand.self, ExportCommand.self,
            RegionsCommand.self, CacheCommand.self,
        ]
    )
}
