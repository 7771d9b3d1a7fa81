import ArgumentParser
import MaatstafCore

/// `maatstaf regions …`: reference groups and user-defined regions.
struct RegionsCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "regions",
            abstract: ReaderLanguage.text(
                en: "Show reference groups and user regions, and check region files.",
                nl: "Toon referentiegroepen en eigen regio's, en controleer regiobestanden."),
            discussion: ReaderLanguage.text(
                en: """
                    Built-in groups: \(GroupNames.help).
                    User regions are YAML files in regions/ (or --regions DIR); see regions/README.md for the format.
                    """,
                nl: """
                    Ingebouwde groepen: \(GroupNames.help).
                    Eigen regio's zijn YAML-bestanden in regions/ (of --regions MAP); zie regions/README.md voor de indeling.
                    """),
            subcommands: [RegionsListCommand.self, RegionsShowCommand.self, RegionsCheckCommand.self]
        )
    }
}
