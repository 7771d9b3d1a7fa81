import ArgumentParser
import MaatstafApp
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafReport

/// `maatstaf peers`: a municipality's nearest neighbours on structural traits.
struct PeersCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "peers",
            abstract: ReaderLanguage.text(
                en: "A municipality's nearest neighbours: the most similar municipalities on traits of place and people.",
                nl: "De naaste buren van een gemeente: de meest gelijkende gemeenten op kenmerken van plaats en bevolking."),
            discussion: ReaderLanguage.text(
                en: """
                    Comparing with a size class is often felt to be too coarse. maatstaf finds the municipalities most like \
                    yours on traits that describe the place and its people, not how services are run: inhabitants (log), \
                    population density (log, CBS 2024), the gemeentefonds' centre-function and social-structure classes \
                    (BZK), and the shares of youths (0–14) and of residents 65+ when CBS Kerncijfers wijken en buurten \
                    (85984NED) is fetched. Each trait is standardised over all municipalities of the year and combined into \
                    a weighted Euclidean distance, the method of CIPFA's nearest-neighbour model; the 15 nearest are shown \
                    with their traits, their distance and the trait on which each differs most.

                    The neighbours are a reference group like the others: --against peers in compare, rank, trend, budget \
                    and report. Choose or weight the traits in a file with --traits (format: docs/peers.md).

                    Examples:
                      maatstaf peers Westervoort
                      maatstaf peers Duiven --count 10 --same-province
                      maatstaf peers Westervoort --traits my-traits.yaml --format csv --output buren.csv
                      maatstaf compare --indicator jeugd.hulp --against national,peers Westervoort
                    """,
                nl: """
                    Vergelijken met een grootteklasse voelt vaak te grof. maatstaf vindt de gemeenten die het meest op de \
                    uwe lijken op kenmerken van de plaats en haar bevolking, niet op hoe diensten georganiseerd zijn: inwoners \
                    (log), bevolkingsdichtheid (log, CBS 2024), de klassen centrumfunctie en sociale structuur van het \
                    gemeentefonds (BZK), en de aandelen jongeren (0–14) en 65-plussers als CBS Kerncijfers wijken en buurten \
                    (85984NED) opgehaald is. Elk kenmerk wordt gestandaardiseerd over alle gemeenten van het jaar en \
                    samengevoegd tot een gewogen euclidische afstand, de methode van het nearest-neighbour-model van CIPFA; \
                    de 15 dichtstbijzijnde worden getoond met hun kenmerken, hun afstand en het kenmerk waarop elk het meest \
                    verschilt.

                    De buren zijn een referentiegroep als de andere: --against peers bij compare, rank, trend, budget en \
                    report. Kies of weeg de kenmerken in een bestand met --traits (indeling: docs/peers.md).

                    Voorbeelden:
                      maatstaf peers Westervoort
                      maatstaf peers Duiven --count 10 --same-province
                      maatstaf peers Westervoort --traits mijn-kenmerken.yaml --format csv --output buren.csv
                      maatstaf compare --indicator jeugd.hulp --against national,peers Westervoort
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataOptions

    @Argument(
        help: ArgumentHelp(ReaderLanguage.text(en: "The municipality, by name or code.", nl: "De gemeente, met naam of code.")))
    var municipality: String

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "How many neighbours (default 15, or the traits file's count).",
                nl: "Hoeveel buren (standaard 15, of het aantal uit het kenmerkenbestand).")))
    var count: Int?

    @Flag(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Only neighbours in the municipality's own province.",
                nl: "Alleen buren in de eigen provincie van de gemeente.")))
    var sameProvince = false

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Year of the population and classes (default: the latest year with classes).",
                nl: "Jaar van inwonertal en klassen (standaard: het laatste jaar met klassen).")))
    var year: Int?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let count, !(1...100).contains(count) {
            throw ValidationError(en: "--count must be from 1 to 100.", nl: "--count moet van 1 tot en met 100 zijn.")
        }
    }

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let chosen = try workspace.atlas.directory.resolve(municipality)
        let year = try workspace.year(self.year)
        var settings = workspace.peerSettings
        if let count { settings.count = count }
        if sameProvince { settings.sameProvince = true }
        let search = try workspace.engine.peers(
            of: chosen, year: year, settings: settings, indicators: try workspace.indicators(),
            strict: settings.file != nil)
        var report = PeerReport(search, locale: output.locale, fetchText: { "`\($0.commandLine)`" })
        report.traits = workspace.atlas.traits
        try output.write(report)
    }
}
