import ArgumentParser
import MaatstafCore

/// `maatstaf regions …`: reference groups and user-defined regions.
struct RegionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regions",
        abstract: "Show reference groups and user regions, and check region files.",
        discussion: """
            Built-in groups: national, province, corop, labour-market-region (or amr), size-class, urbanity.
            User regions are YAML files in regions/ (or --regions DIR); see regions/README.md for the format.
            """,
        subcommands: [RegionsListCommand.self, RegionsShowCommand.self, RegionsCheckCommand.self]
    )
}
