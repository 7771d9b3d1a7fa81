import ArgumentParser
import Foundation
import MaatstafApp
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafReport

/// `maatstaf region`: one region's members side by side, for a regional purchasing or cost-sharing discussion.
struct RegionCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "region",
            abstract: ReaderLanguage.text(
                en: "A region's members side by side: shares of spending and population, cost-split keys, what-if savings.",
                nl: "De leden van een regio naast elkaar: aandelen in uitgaven en inwoners, verdeelsleutels, wat-als-besparingen."
            ),
            discussion: ReaderLanguage.text(
                en: """
                    For every member of a region (a region file in regions/, or a built-in group around --for): its \
                    inhabitants, its amount (€ in total and per inhabitant), its share of the region's spending beside its \
                    share of the population (and of the use, with --volume), and its rate against the region's rate, the \
                    national rate and the region's best quartile (the cheapest quarter of the members for spending, where \
                    lower is not better in itself; the best quarter where the indicator has a direction).

                    Cost-split keys: what each member would pay of the region's total by population, by use (--volume), \
                    by current spending, and by the fixed key of the region file (key:, see regions/README.md), next to \
                    what it spends now. What if: each member's amount at the region's, the national and the best-quartile \
                    rate, and the saving in € per member and in all.

                    A member without a value is named with the reason and left out of every total, share and key, which then \
                    cover the members with a value; a missing figure is never taken as 0.

                    A member whose figure lies far outside the other members' (more than 3.5 from the median in median \
                    absolute deviations, Iglewicz and Hoaglin's modified z-score; or, where every figure is above 0, under \
                    a quarter or over four times the median; five members at least) is marked and \
                    named in the notes: such a figure often means costs booked elsewhere, and it weighs on the region's \
                    figure, its best quartile and the keys. --leave-out-outliers leaves it out of every figure, said.

                    Examples:
                      maatstaf region liemers --indicators wmo.huishoudelijke-hulp,jeugd.hulp --year 2023
                      maatstaf region 1stroom --indicator jeugd.hulp --format csv --locale nl --output 1stroom.csv
                      maatstaf region liemers --indicator wmo.maatwerk --volume wmo.clienten-per-1000
                      maatstaf region corop --for Westervoort --indicator jeugd.hulp
                    """,
                nl: """
                    Voor elk lid van een regio (een regiobestand in regions/, of een ingebouwde groep rond --for): de \
                    inwoners, het bedrag (€ in totaal en per inwoner), het aandeel in de uitgaven van de regio naast het \
                    aandeel in de inwoners (en in het gebruik, met --volume), en het cijfer naast dat van de regio, het \
                    landelijke cijfer en het beste kwartiel van de regio (het goedkoopste kwart van de leden bij uitgaven, \
                    waar lager niet vanzelf beter is; het beste kwart waar de indicator een richting heeft).

                    Verdeelsleutels: wat elk lid van het totaal van de regio zou betalen naar inwoners, naar gebruik \
                    (--volume), naar huidige uitgaven, en naar de vaste sleutel van het regiobestand (key:, zie \
                    regions/README.md), naast wat het nu uitgeeft. Wat als: het bedrag van elk lid tegen het cijfer van de \
                    regio, het landelijke en dat van het beste kwartiel, en de besparing in € per lid en in totaal.

                    Een lid zonder waarde wordt genoemd met de reden en blijft buiten elk totaal, aandeel en elke sleutel, \
                    die dan de leden met een waarde omvatten; een ontbrekend cijfer telt nooit als 0.

                    Een lid waarvan het cijfer ver buiten dat van de andere leden ligt (meer dan 3,5 van de mediaan in \
                    mediane absolute afwijkingen, de gemodificeerde z-score van Iglewicz en Hoaglin; of, waar alle cijfers \
                    boven 0 liggen, onder een kwart of boven vier keer de mediaan; minstens vijf leden) \
                    wordt gemarkeerd en in de noten genoemd: zo'n cijfer wijst vaak op kosten die elders geboekt zijn, en \
                    het weegt mee in het regiocijfer, het beste kwartiel en de sleutels. --leave-out-outliers laat het \
                    weg uit elk cijfer, en zegt dat.

                    Voorbeelden:
                      maatstaf region liemers --indicators wmo.huishoudelijke-hulp,jeugd.hulp --year 2023
                      maatstaf region 1stroom --indicator jeugd.hulp --format csv --locale nl --output 1stroom.csv
                      maatstaf region liemers --indicator wmo.maatwerk --volume wmo.clienten-per-1000
                      maatstaf region corop --for Westervoort --indicator jeugd.hulp
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: IndicatorFileDataOptions

    @Argument(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "The region: a region id from regions/ (see `maatstaf regions list`) or a built-in group with --for.",
                nl: "De regio: een regio-id uit regions/ (zie `maatstaf regions list`) of een ingebouwde groep met --for.")),
        completion: Completions.regions)
    var region: String

    @Option(
        name: [.customLong("indicators"), .customLong("indicator")],
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "Indicator ids, comma-separated or repeated (see `maatstaf indicators list`); as in report, a file of your own indicators is --indicator-file.",
                nl:
                    "Indicator-ids, gescheiden door komma's of herhaald (zie `maatstaf indicators list`); net als bij report is een bestand met eigen indicatoren --indicator-file."
            ),
            valueName: "ids"),
        completion: Completions.indicatorList)
    var indicator: [String] = []

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Year (default: the latest year with data for the first indicator).",
                nl: "Jaar (standaard: het laatste jaar met gegevens voor de eerste indicator).")))
    var year: Int?

    @OptionGroup var document: KindOption
    var kind: Iv3DocumentKind? { document.kind }

    @Option(
        name: .customLong("for"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "The municipality whose built-in group (\(GroupNames.anchored)) is the region.",
                nl: "De gemeente wier ingebouwde groep (\(GroupNames.anchored)) de regio is."
            ),
            valueName: "municipality"),
        completion: Completions.municipalities)
    var anchor: String?

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "An indicator whose numerator counts the use (clients, youths in care), for the key by use: VOLUME for every indicator, or INDICATOR=VOLUME; repeatable.",
                nl:
                    "Een indicator waarvan de teller het gebruik telt (cliënten, jongeren in zorg), voor de sleutel naar gebruik: VOLUME voor elke indicator, of INDICATOR=VOLUME; herhaalbaar."
            ),
            valueName: "volume"))
    var volume: [String] = []

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "Cost-split keys to show, comma-separated: population, use, spending, fixed (default: every key the data allows).",
                nl:
                    "Verdeelsleutels om te tonen, gescheiden door komma's: population, use, spending, fixed (standaard: elke sleutel die de gegevens toelaten)."
            ),
            valueName: "keys"))
    var keys: String?

    @Flag(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "Leave members whose figures lie far outside the other members' out of every total, share, key and quartile (they are named).",
                nl:
                    "Laat leden waarvan het cijfer ver buiten dat van de andere leden ligt weg uit elk totaal, aandeel, elke sleutel en het kwartiel (ze worden genoemd)."
            )))
    var leaveOutOutliers = false

    @OptionGroup var output: OutputOptions

    var indicatorIDs: [String] {
        indicator.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The keys asked for; nil for every key the data allows.
    func requestedKeys() throws -> [RegionBreakdown.CostSplit.Kind]? {
        guard let keys else { return nil }
        return try keys.split(separator: ",").map { word in
            let text = word.trimmingCharacters(in: .whitespaces).lowercased()
            guard let kind = RegionBreakdown.CostSplit.Kind(rawValue: text) else {
                throw ValidationError(
                    en: "Unknown key \"\(text)\" in --keys; choose from population, use, spending, fixed.",
                    nl: "Onbekende sleutel \"\(text)\" in --keys; kies uit population, use, spending, fixed.")
            }
            return kind
        }
    }

    /// The volume indicator id per indicator id: `VOLUME` applies to all, `INDICATOR=VOLUME` to one.
    func volumes() throws -> [String: String] {
        var result: [String: String] = [:]
        for entry in volume {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 {
                guard indicatorIDs.contains(parts[0]) else {
                    throw ValidationError(
                        en:
                            "--volume \(entry): \(parts[0]) is not one of the indicators asked for (\(indicatorIDs.joined(separator: ", "))).",
                        nl:
                            "--volume \(entry): \(parts[0]) is niet een van de gevraagde indicatoren (\(indicatorIDs.joined(separator: ", ")))."
                    )
                }
                result[parts[0]] = parts[1]
            } else {
                for id in indicatorIDs where result[id] == nil { result[id] = parts[0] }
            }
        }
        return result
    }

    func validate() throws {
        if indicatorIDs.isEmpty {
            throw ValidationError(
                en: "Name at least one indicator, e.g. --indicator wmo.huishoudelijke-hulp.",
                nl: "Noem minstens één indicator, bijvoorbeeld --indicator wmo.huishoudelijke-hulp.")
        }
        let volumes = try volumes()
        if try requestedKeys()?.contains(.use) == true {
            let without = indicatorIDs.filter { volumes[$0] == nil }
            if !without.isEmpty {
                throw ValidationError(
                    en:
                        "The key by use needs a volume for \(without.joined(separator: ", ")); add --volume INDICATOR=VOLUME, e.g. --volume \(without[0])=wmo.clienten-per-1000.",
                    nl:
                        "De sleutel naar gebruik heeft een volume nodig voor \(without.joined(separator: ", ")); voeg --volume INDICATOR=VOLUME toe, bijvoorbeeld --volume \(without[0])=wmo.clienten-per-1000."
                )
            }
        }
    }

    func run() async throws {
        var workspace = try Workspace.open(
            global: global, regionsFolder: data.regionsFolder, indicatorsFile: data.indicatorsFile)
        workspace.iv3Source = data.iv3Source
        try workspace.readTraits(data.traitsFile)
        let catalog = try workspace.indicators()
        let group = PeerGroup(parsing: region)
        let anchor = try self.anchor.map { try workspace.atlas.directory.resolve($0) }
        if case .builtIn(let kind) = group, anchor == nil {
            throw ValidationError(
                en: "\(kind.rawValue) is a group around a municipality: add --for MUNICIPALITY, e.g. --for Westervoort.",
                nl: "\(kind.rawValue) is een groep rond een gemeente: voeg --for GEMEENTE toe, bijvoorbeeld --for Westervoort.")
        }
        let volumes = try volumes()
        let requested = try requestedKeys()
        let indicators = try indicatorIDs.map { try catalog.indicator($0) }
        let year = try workspace.year(self.year, for: indicators[0], kind: kind)
        var breakdowns: [RegionBreakdown] = []
        for indicator in indicators {
            let volume = try volumes[indicator.id].map { try catalog.indicator($0) }
            if let volume, let error = try workspace.engine.notFetchedError(volume, year: year) { throw error }
            var breakdown = try workspace.engine.regionBreakdown(
                indicator, year: year, kind: kind, region: group, anchor: anchor, volume: volume,
                leaveOutOutliers: leaveOutOutliers)
            if let requested {
                if requested.contains(.use),
                    case .volumeMissing(let codes)? = breakdown.unavailableKeys.first(where: {
                        $0.kind == .use
                    })?.reason
                {
                    let names = codes.compactMap { workspace.atlas.directory.byCode[$0]?.name }
                    throw InputError(
                        subject: volume?.id ?? indicator.id,
                        reason: .en(
                            "has no value for \(names.joined(separator: ", ")) in \(year), so the key by use cannot split \(indicator.id)",
                            nl:
                                "heeft geen waarde voor \(names.joined(separator: ", ")) in \(year), dus de sleutel naar gebruik kan \(indicator.id) niet verdelen"
                        ),
                        hint: .en(
                            "Choose another volume indicator or year, or leave use out of --keys",
                            nl: "Kies een andere volume-indicator of een ander jaar, of laat use weg uit --keys"))
                }
                breakdown.keys = breakdown.keys.filter { requested.contains($0.kind) }
                breakdown.unavailableKeys = breakdown.unavailableKeys.filter { requested.contains($0.kind) }
            }
            breakdowns.append(breakdown)
        }
        try output.write(RegionReport(breakdowns, locale: output.locale))
        // Outliers kept in: the notes say so in the output; the way to leave them out is said here, where options are.
        let flagged = breakdowns.filter { !$0.outliers.isEmpty && !$0.outliersLeftOut }
        if !flagged.isEmpty && !global.quiet {
            let names = Set(flagged.flatMap(\.outliers).compactMap { workspace.atlas.directory.byCode[$0.code]?.name }).sorted()
            Console.current.error(
                output.locale == .nl
                    ? "maatstaf: ver buiten de andere leden: \(names.joined(separator: ", ")); --leave-out-outliers laat ze weg.\n"
                    : "maatstaf: far outside the other members: \(names.joined(separator: ", ")); --leave-out-outliers leaves them out.\n"
            )
        }
    }
}
