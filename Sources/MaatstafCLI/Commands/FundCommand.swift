import ArgumentParser
import MaatstafCore

/// `maatstaf fund …`: the municipal fund's allocation per cluster, from the circulaires in the store.
struct FundCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "fund",
            abstract: ReaderLanguage.text(
                en: "What the municipal fund allocates per cluster: the state's estimate of what a municipality needs.",
                nl: "Wat het gemeentefonds per cluster uitkeert: de inschatting van het Rijk van wat een gemeente nodig heeft."),
            discussion: ReaderLanguage.text(
                en: """
                    The municipal fund (gemeentefonds) divides its money over clusters (Wmo, youth care, participation, …) \
                    from about fifty objective measures, each × a weight in euros × the uitkeringsfactor, plus the \
                    cluster's integration and decentralisation payments. maatstaf computes every municipality's allocation \
                    from BZK's published files and keeps each measure's contribution. Method and limits: docs/need.md.
                    """,
                nl: """
                    Het gemeentefonds verdeelt zijn geld over clusters (Wmo, jeugd, participatie, …) met een vijftigtal \
                    objectieve maatstaven, elk × een gewicht in euro's × de uitkeringsfactor, plus de integratie- en \
                    decentralisatie-uitkeringen van het cluster. maatstaf berekent de uitkering van elke gemeente uit de \
                    gepubliceerde bestanden van BZK en houdt de bijdrage van elke maatstaf bij. Methode en grenzen: \
                    docs/need.md.
                    """),
            subcommands: [FundShowCommand.self, FundImportCommand.self, FundListCommand.self],
            defaultSubcommand: FundShowCommand.self)
    }
}
