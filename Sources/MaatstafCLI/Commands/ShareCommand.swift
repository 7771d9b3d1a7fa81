import ArgumentParser
import Foundation
import MaatstafApp
import MaatstafCore
import MaatstafModel
import MaatstafReport

/// `maatstaf share`: the exchange file of a benchmark club — chosen measures of chosen municipalities, with their
/// units, definitions and sources, for a partner to import.
struct ShareCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "share",
            abstract: ReaderLanguage.text(
                en: "Write own figures with their definitions to an exchange file a partner municipality imports.",
                nl: "Schrijf eigen cijfers met hun definities naar een uitwisselbestand dat een partnergemeente inleest."),
            discussion: ReaderLanguage.text(
                en: """
                    A benchmark club (municipalities that compare their own monitor figures, like Duiven and Westervoort) \
                    exchanges files: each row a municipality's figure of a measure in a period, with the measure's unit \
                    and definition and the imported file it came from. A partner imports the file with `maatstaf import`; \
                    its figures stay the municipality's own, a measure whose definition or unit differs from the one in \
                    the partner's store is refused (naming both), and once three municipalities share a figure they are \
                    a reference group ("sharing") in compare, trend, report and check. Format: docs/own-data.md.

                    A measure's definition is --definition MEASURE=TEXT, else the one an exchange file gave it, else the \
                    note all its figures share; without one the measure is refused.

                    Examples:
                      maatstaf share --measures hh-uren-per-client Westervoort --output westervoort-uitwisseling.csv
                      maatstaf share --measures jeugd-met-voorziening,jeugdigen-0-17 --definition jeugdigen-0-17="inwoners 0-17 op 1 februari" Steenwijkerland --output club.xlsx
                    """,
                nl: """
                    Een benchmarkclub (gemeenten die hun eigen monitorcijfers vergelijken, zoals Duiven en Westervoort) \
                    wisselt bestanden uit: elke rij het cijfer van een gemeente voor een maat in een periode, met de \
                    eenheid en definitie van de maat en het ingelezen bestand waar het vandaan komt. Een partner leest het \
                    in met `maatstaf import`; de cijfers blijven van die gemeente, een maat waarvan de definitie of eenheid \
                    afwijkt van die in de opslag van de partner wordt geweigerd (met beide genoemd), en zodra drie \
                    gemeenten een cijfer delen vormen ze een referentiegroep ("sharing", delers) in compare, trend, report \
                    en check. Indeling: docs/own-data.md.

                    De definitie van een maat is --definition MAAT=TEKST, anders die uit een eerder uitwisselbestand, \
                    anders de toelichting die al haar cijfers delen; zonder definitie wordt de maat geweigerd.

                    Voorbeelden:
                      maatstaf share --measures hh-uren-per-client Westervoort --output westervoort-uitwisseling.csv
                      maatstaf share --measures jeugd-met-voorziening,jeugdigen-0-17 --definition jeugdigen-0-17="inwoners 0-17 op 1 februari" Steenwijkerland --output club.xlsx
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataOptions

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "The measures to share, comma-separated (see `maatstaf imports`).",
                nl: "De maten om te delen, gescheiden door komma's (zie `maatstaf imports`)."), valueName: "measures"))
    var measures: String

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "A measure's definition, MEASURE=TEXT; may be given more than once.",
                nl: "De definitie van een maat, MAAT=TEKST; mag vaker gegeven worden."), valueName: "measure=text"))
    var definition: [String] = []

    @OptionGroup var output: OutputOptions

    @Argument(
        help: ArgumentHelp(ReaderLanguage.text(en: "Municipalities, by name or code.", nl: "Gemeenten, met naam of code.")),
        completion: Completions.municipalities)
    var municipalities: [String]

    func validate() throws {
        for entry in definition where !entry.contains("=") || entry.hasPrefix("=") {
            throw ValidationError(
                ReaderLanguage.text(
                    en: "--definition \(entry): write MEASURE=TEXT", nl: "--definition \(entry): schrijf MAAT=TEKST"))
        }
        if municipalities.isEmpty {
            throw ValidationError(
                ReaderLanguage.text(en: "name at least one municipality", nl: "noem ten minste één gemeente"))
        }
    }

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let chosen = try municipalities.map { try workspace.atlas.directory.resolve($0) }
        var given: [String: String] = [:]
        for entry in definition {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            given[parts[0].trimmingCharacters(in: .whitespaces)] = parts.count > 1 ? parts[1] : ""
        }
        let list = measures.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let rows = try OwnFigureExchange(store: workspace.store).rows(measures: list, municipalities: chosen, given: given)
        try output.write(ExchangeFile(rows, locale: output.locale))
    }
}
