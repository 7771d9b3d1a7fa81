import MaatstafCore
import MaatstafModel

/// The words of a benchmark report in Dutch (the default: council members read Dutch) and English.
struct ReportLabels {
    let locale: ReportLocale

    private func t(_ nl: String, _ en: String) -> String { locale == .nl ? nl : en }

    var documentTitle: String { t("Maatstaf: waar staat de gemeente?", "Maatstaf: where does the municipality stand?") }
    var summary: String { t("Samenvatting", "Summary") }
    var summaryIntro: String {
        t(
            "Per gemeente en indicator: de waarde, het landelijke cijfer en waar de gemeente staat tussen de laagste en de hoogste gemeente van Nederland (▼ = deze gemeente, | = Nederland). Bij een indicator waarvoor lager of hoger beter is, loopt de balk van blauw (beter) naar oranje (minder goed); anders is hij grijs.",
            "Per municipality and indicator: the value, the national figure, and where the municipality sits between the lowest and the highest municipality in the Netherlands (▼ = this municipality, | = the Netherlands). For an indicator where lower or higher is better the bar runs from blue (better) to orange (worse); otherwise it is grey."
        )
    }
    var indicator: String { t("Indicator", "Indicator") }
    var municipality: String { t("Gemeente", "Municipality") }
    var value: String { t("Waarde", "Value") }
    var netherlands: String { t("Nederland", "Netherlands") }
    var position: String { t("Positie (laagste – hoogste)", "Position (lowest – highest)") }
    var differenceFromNL: String { t("t.o.v. Nederland", "vs the Netherlands") }
    var differenceFromNLShort: String { t("t.o.v. NL", "vs NL") }
    var ownFiguresHeading: String { t("Eigen cijfers per periode", "Own figures per period") }
    var ownFiguresNote: String {
        t(
            "Blauw: de eigen cijfers van de gemeente; groen: het doel, oranje: de marge erboven; het laatste punt gekleurd naar waar het staat. Stippellijn: het landelijke cijfer uit het bestand.",
            "Blue: the municipality's own figures; green: the target, orange: the margin beyond it; the latest point coloured by where it stands. Dashed: the national figure from the file."
        )
    }
    /// `feb 2021`, `K1 2021`, `2021`.
    func period(_ period: Period) -> String {
        let months =
            locale == .nl
            ? ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
            : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        switch period.kind {
        case .year: return String(period.year)
        case .month: return "\(months[period.number - 1]) \(period.year)"
        case .quarter: return t("K\(period.number) \(period.year)", "Q\(period.number) \(period.year)")
        case .halfYear: return t("H\(period.number) \(period.year)", "H\(period.number) \(period.year)")
        }
    }
    var sinceFirstYear: String { t("Sinds", "Since") }
    func since(_ year: Int) -> String { "(\(year))" }
    func sinceYear(_ year: Int) -> String { t("Sinds \(year)", "Since \(year)") }
    var acrossDefinitionChange: String {
        t(
            "† Verandering over een definitiewijziging heen (andere Iv3-taakvelden): zij vergelijkt verschillende dingen. Begroting wordt met begroting vergeleken, jaarrekening met jaarrekening.",
            "† Change across a change of definition (other Iv3 taakvelden): it compares different things. Budgets are compared with budgets, accounts with accounts."
        )
    }
    var rank: String { t("Rang", "Rank") }
    var target: String { t("Doel", "Target") }
    var year: String { t("Jaar", "Year") }
    var group: String { t("Referentiegroep", "Reference group") }
    var groupRate: String { t("Groepscijfer", "Group rate") }
    var averageMunicipality: String { t("Gem. gemeente", "Avg municipality") }
    var median: String { t("mediaan", "median") }
    var difference: String { t("Verschil", "Difference") }
    var gap: String { t("Gat (€)", "Gap (€)") }
    var gapCount: String { t("Gat", "Gap") }
    var rankAndPercentile: String { t("Rang (percentiel)", "Rank (percentile)") }
    var chosen: String { t("gekozen gemeente", "chosen municipality") }
    var middleHalf: String { t("middelste helft van de gemeenten (Q1–Q3):", "middle half of the municipalities (Q1–Q3):") }
    var trend: String { t("ontwikkeling", "trend") }
    var budgetMark: String { t("(B)", "(B)") }
    var noValue: String { t("geen waarde", "no value") }
    var map: String { t("Kaart", "Map") }
    func mapMissing(_ count: Int) -> String { t("geen waarde (\(count))", "no value (\(count))") }
    func mapWithoutOwnFigure(_ count: Int) -> String {
        t("geen eigen cijfer ingelezen (\(count))", "no own figure imported (\(count))")
    }
    var mapNote: String {
        t(
            "Klassen: vijf kwintielen van de gemeenten met een waarde (elk een vijfde van hen), van licht (laag) naar donker (hoog); gearceerd: geen waarde, nooit als 0; omlijnd: de gekozen gemeenten. Projectie: Rijksdriehoeksstelsel (RD New). Grenzen: CBS/PDOK, gegeneraliseerd. Wijs een gemeente aan voor haar naam en waarde.",
            "Classes: five quintiles of the municipalities with a value (a fifth of them each), from light (low) to dark (high); hatched: no value, never 0; outlined: the chosen municipalities. Projection: Dutch national grid (RD New). Boundaries: CBS/PDOK, generalised. Point at a municipality for its name and value."
        )
    }
    var missing: String { t("ontbreekt", "missing") }
    var comparison: String { t("Vergelijking", "Comparison") }
    var distribution: String { t("Alle gemeenten", "All municipalities") }
    var trendHeading: String { t("Ontwikkeling", "Trend") }
    var table: String { t("De cijfers", "The numbers") }
    var definition: String { t("Definitie en bronnen", "Definition and sources") }
    var footnotes: String { t("Voetnoten", "Footnotes") }
    var sources: String { t("Bronnen", "Sources") }
    var unavailableHeading: String { t("Niet opgenomen", "Not included") }
    var contents: String { t("Inhoud", "Contents") }
    var noMunicipalityHasValue: String {
        t(
            "Geen enkele gemeente heeft voor dit jaar een waarde (zie de voetnoten); er is dus niets te vergelijken.",
            "No municipality has a value for this year (see the footnotes), so there is nothing to compare.")
    }
    var onlyOneYear: String {
        t(
            "De store bevat voor deze indicator één jaar; een ontwikkeling is pas te tonen met meer jaren.",
            "The store holds one year for this indicator; a trend needs more years.")
    }
    var budgetNote: String { t("(B) = begroting (gepland, niet besteed).", "(B) = budget (planned, not spent).") }
    /// What the trend panels show. `lines`: whether any series has two points within one definition to join; when
    /// none has (one year of accounts, budgets on either side of a layout change), the note promises no line.
    func trendNote(lines: Bool) -> String {
        lines
            ? t(
                "Doorgetrokken lijn: de gemeente; stippellijn: Nederland. Dichte punten: jaarrekening (besteed); open punten (B): begroting (gepland). Begrotingen en jaarrekeningen zijn aparte reeksen.",
                "Solid line: the municipality; dashed line: the Netherlands. Filled points: accounts (spent); open points (B): budget (planned). Budgets and accounts are separate series."
            )
            : t(
                "Grote punten: de gemeente; kleine punten: Nederland. Dichte punten: jaarrekening (besteed); open punten (B): begroting (gepland). Geen lijnen: geen reeks heeft hier twee jaren van dezelfde soort en definitie om te verbinden.",
                "Large points: the municipality; small points: the Netherlands. Filled points: accounts (spent); open points (B): budget (planned). No lines: no series here has two years of the same kind and definition to join."
            )
    }
    var gapExplanation: String {
        t(
            "Groepscijfer: totaal van de groep ÷ totaal aantal inwoners (of de noemer). Gem. gemeente: ongewogen gemiddelde van de gemeenten. Gat: (waarde − groepscijfer) × noemer, oftewel wat de gemeente meer (+) of minder (−) uitgeeft dan tegen het groepscijfer. Rang 1 = hoogste waarde; P90 = percentiel: 90 % van de gemeenten met een waarde heeft een lagere.",
            "Group rate: the group's total ÷ its total population (or denominator). Avg municipality: unweighted mean of the members. Gap: (value − group rate) × denominator, i.e. what the municipality spends more (+) or less (−) than at the group's rate. Rank 1 = highest value; P90 = percentile: 90 % of the municipalities with a value have a lower one."
        )
    }
    /// The credit of a report: CBS's, unless every figure in it comes from imported own figures (`ownOnly`), whose
    /// files each section names — crediting CBS for a municipality's own monitor would be wrong.
    func credit(ownOnly: Bool) -> String {
        guard ownOnly else { return credit }
        return t(
            "Bron: eigen cijfers van de gemeenten (de ingelezen bestanden, per indicator genoemd), bewerkt met maatstaf. Cijfers zijn herleidbaar tot die bestanden en hun sha256.",
            "Source: the municipalities' own figures (the imported files, named per indicator), processed with maatstaf. Figures trace back to those files and their sha256."
        )
    }
    var credit: String {
        t(
            "Bron: CBS (CC BY 4.0), bewerkt met maatstaf. Cijfers zijn herleidbaar tot de genoemde bestanden en hun sha256.",
            "Bron: CBS (CC BY 4.0), processed with maatstaf. Figures trace back to the named files and their sha256.")
    }

    /// Why a trend line stops between two years (the vertical dashed line in the panels).
    var sparklineNote: String {
        t(
            "Ontwikkeling: de lijn van de gemeente, alle rijen op dezelfde schaal; stippellijn en kleine grijze punten: Nederland. Dichte punten: jaarrekening (besteed); open punten: begroting (gepland), een aparte reeks. De bedragen per jaar staan in de tooltip van elke lijn.",
            "Trend: the municipality's line, every row on the same scale; dashed line and small grey points: the Netherlands. Filled points: accounts (spent); open points: budget (planned), a separate series. The amounts per year are in each line's tooltip."
        )
    }

    func trendBreak(_ change: TrendBreak) -> String {
        let series = change.isBudget ? t("begrotingen", "budgets") : t("jaarrekeningen", "accounts")
        return t(
            "Lijn van de \(series) onderbroken tussen \(change.from) en \(change.to): andere definitie (andere Iv3-taakvelden); de punten zijn niet één reeks.",
            "Line of the \(series) broken between \(change.from) and \(change.to): a different definition (other Iv3 taakvelden); the points are not one series."
        )
    }

    func allMunicipalities(_ count: Int) -> String {
        t("alle \(count) gemeenten met een waarde", "all \(count) municipalities with a value")
    }
    func comparedWith(_ groups: String) -> String { t("vergeleken met \(groups)", "compared with \(groups)") }
    func municipalitiesWithoutValue(_ count: Int) -> String {
        t(
            "\(count) gemeente(n) zonder waarde tellen nergens mee (nooit als 0).",
            "\(count) municipalit\(count == 1 ? "y" : "ies") without a value are left out everywhere (never counted as 0).")
    }
    func missingValue(_ name: String, _ reason: String) -> String {
        t("\(name): geen waarde (\(reason)); niet als 0 meegeteld.", "\(name): no value (\(reason)); not counted as 0.")
    }
    func targetStatus(_ status: TargetStatus?) -> String {
        switch status {
        case .met: t("✓ gehaald", "✓ met")
        case .withinMargin: t("≈ binnen marge", "≈ within margin")
        case .missed: t("✗ niet gehaald", "✗ not met")
        case nil: t("geen waarde", "no value")
        }
    }
    func targetBound(_ bound: Target.Bound) -> String {
        switch bound {
        case .atMost: t("hoogstens", "at most")
        case .atLeast: t("minstens", "at least")
        }
    }
    /// `: −3,0% t.o.v. 2019` after a target's year when the target is a change on a base year; empty otherwise.
    func changeOnBase(_ target: Target) -> String {
        guard case .change(let percent, let from) = target.relative else { return "" }
        return ": " + NumberFormat(locale: locale).percent(percent) + t(" t.o.v. \(from)", " on \(from)")
    }

    /// `hoogstens € 100,00 in 2025; waarde € 141,92`: the bound, its year and the value it was judged on, which
    /// may be of another year than the report's.
    func targetDescription(_ result: TargetResult, style: ValueStyle) -> String {
        let target = result.target
        let level: String
        switch target.relative {
        case nil: level = style.value(target.value)
        case .group(let kind):
            level =
                groupRate(kind)
                + (result.status == nil ? "" : " (\(style.value(target.value)))")
        case .change(let percent, let from):
            level =
                NumberFormat(locale: locale).percent(percent) + t(" t.o.v. \(from)", " on \(from)")
                + (result.status == nil ? "" : " (\(style.value(target.value)))")
        }
        let bound = "\(targetBound(target.bound)) \(level) \(t("in", "in")) \(target.year)"
        let valueYear = result.valueYear == target.year ? "" : " (\(result.valueYear))"
        return bound + (result.actual.map { "; \(t("waarde", "value")) \(style.value($0))\(valueYear)" } ?? "")
            + (target.marginPercent > 0
                ? " (\(t("marge", "margin")) \(NumberFormat(locale: locale).number(target.marginPercent, decimals: target.marginPercent == target.marginPercent.rounded() ? 0 : 1))%)"
                : "")
    }

    func targetsNotShown(_ count: Int) -> String {
        t(
            "\(count) doel(en) uit het doelenbestand gaan over gemeenten of indicatoren die niet in dit rapport staan.",
            "\(count) target(s) in the targets file concern municipalities or indicators not in this report.")
    }
    func direction(_ direction: Indicator.Direction) -> String {
        switch direction {
        case .higherIsBetter: t("hoger is beter", "higher is better")
        case .lowerIsBetter: t("lager is beter", "lower is better")
        case .neither: t("hoger of lager is niet vanzelf beter", "neither higher nor lower is better in itself")
        }
    }
    /// `Nederland`, or a group's label with its kind: `Gelderland (provincie)`.
    func groupName(_ group: ResolvedPeerGroup) -> String {
        switch group.group {
        case .builtIn(.national): netherlands
        case .sharing: groupKind(.sharing)
        // The label is the municipality's name; the words say what the group is.
        case .peers:
            t("\(group.label): \(group.members.count) naaste buren", "\(group.label): \(group.members.count) nearest neighbours")
        default: "\(classLabel(group)) (\(groupKind(group.group)))"
        }
    }

    /// A group's name on a bar: as `summaryName`, but a size class without its kind ("20 000 tot 50 000 inwoners"
    /// says what it is), so that the name fits whole beside the bars of twenty municipalities.
    func barName(_ summary: GroupSummary) -> String {
        guard summary.basis == nil, summary.group.group == .builtIn(.sizeClass) else { return summaryName(summary) }
        return classLabel(summary.group)
    }

    /// `het landelijke cijfer`, `het cijfer van de provincie` / `the national rate`, `the province rate`: what a
    /// relative target or a norm measures against.
    func groupRate(_ kind: PeerGroupKind) -> String {
        if kind == .national { return t("het landelijke cijfer", "the national rate") }
        return t("het cijfer van de \(groupKind(.builtIn(kind)))", "the \(groupKind(.builtIn(kind))) rate")
    }

    /// A group's label in the reader's language: size and urbanity classes are words CBS writes in Dutch
    /// ("10 000 tot 20 000 inwoners", "matig stedelijk"); region names stay as they are.
    func classLabel(_ group: ResolvedPeerGroup) -> String {
        guard locale == .en else { return group.label }
        switch group.group {
        case .builtIn(.sizeClass):
            guard let size = SizeClass.allCases.first(where: { $0.dutch == group.label }) else { return group.label }
            return sizeClassName(size)
        case .builtIn(.urbanity):
            guard let urbanity = Urbanity.allCases.first(where: { $0.dutch == group.label }) else { return group.label }
            return urbanityName(urbanity)
        default: return group.label
        }
    }

    /// A CBS size class in the reader's language (CBS names it in Dutch).
    func sizeClassName(_ size: SizeClass) -> String {
        guard locale == .en else { return size.dutch }
        return switch size {
        case .under5000: "under 5,000 inhabitants"
        case .from5000: "5,000 to 10,000 inhabitants"
        case .from10000: "10,000 to 20,000 inhabitants"
        case .from20000: "20,000 to 50,000 inhabitants"
        case .from50000: "50,000 to 100,000 inhabitants"
        case .from100000: "100,000 to 150,000 inhabitants"
        case .from150000: "150,000 to 250,000 inhabitants"
        case .from250000: "250,000 inhabitants or more"
        }
    }

    /// A CBS urbanity class in the reader's language.
    func urbanityName(_ urbanity: Urbanity) -> String {
        guard locale == .en else { return urbanity.dutch }
        return switch urbanity {
        case .veryStronglyUrban: "very strongly urban"
        case .stronglyUrban: "strongly urban"
        case .moderatelyUrban: "moderately urban"
        case .hardlyUrban: "hardly urban"
        case .notUrban: "not urban"
        }
    }

    /// A trait of nearest neighbours in words.
    func traitName(_ trait: Trait) -> String {
        switch trait {
        case .population: t("inwoners", "inhabitants")
        case .density: t("inwoners per km²", "inhabitants per km²")
        case .urbanity: t("stedelijkheid", "urbanity")
        case .centreFunction: t("centrumfunctie", "centre function")
        case .socialStructure: t("sociale structuur", "social structure")
        case .indicator(let id): id
        }
    }

    /// What nearest neighbours were found on: "Westervoort: 15 naaste buren, gevonden op inwoners, …".
    /// The nearest-neighbour method without the municipality's name: said once under the coverage table.
    func peersMethod(_ group: ResolvedPeerGroup) -> String? {
        guard group.group == .peers, let traits = group.traits else { return nil }
        let count = group.members.count
        return t(
            "Buren: de \(count) naaste buren van de gemeente, gevonden op ",
            "Neighbours: the municipality's \(count) nearest neighbours, found on ")
            + traits.map(traitName).joined(separator: ", ")
            + t(" (gestandaardiseerd, euclidische afstand).", " (standardised, Euclidean distance).")
    }
    /// A group's name in the coverage table, where the column "counted" already says how many members it has.
    func coverageName(_ group: ResolvedPeerGroup) -> String {
        group.group == .peers ? t("\(group.label): buren", "\(group.label): neighbours") : groupName(group)
    }
    var coverageHeading: String { t("Wie telt mee per groep", "Who counts in each group") }
    var countedOf: String { t("tellen mee", "counted") }
    var countedWithZero: String { t("met 0", "with 0") }
    /// A column of the coverage table: how many members a reason leaves out.
    func exclusionHeader(_ reason: Exclusion) -> String {
        switch reason {
        case .noDelivery: t("geen levering", "no delivery")
        case .notBooked: t("boekt niets", "nothing booked")
        case .suppressed: t("geheim", "suppressed")
        case .noValue: t("geen waarde", "no value")
        case .zeroDenominator: t("noemer 0", "zero denominator")
        }
    }
    /// What the coverage table's columns mean.
    func coverageNote(_ reasons: [Exclusion]) -> String {
        let meanings: [String] = reasons.map { reason in
            switch reason {
            case .noDelivery:
                t("geen levering: geen Iv3-levering voor dit document", "no delivery: no Iv3 delivery for this document")
            case .notBooked:
                t(
                    "boekt niets: niets op deze taakvelden geboekt (het geld staat elders)",
                    "nothing booked: nothing booked on these lines (the money is elsewhere)")
            case .suppressed: t("geheim: door CBS niet gepubliceerd", "suppressed: not published by CBS")
            case .noValue: t("geen waarde: om een andere reden geen cijfer", "no value: no figure for another reason")
            case .zeroDenominator: t("noemer 0: geen cijfer te berekenen", "zero denominator: no rate exists")
            }
        }
        return t("Tellen mee: gemeenten met een waarde van alle leden. ", "Counted: members with a value, of all members. ")
            + (meanings.isEmpty
                ? ""
                : meanings.joined(separator: "; ") + t(" — niet meegeteld, nooit als 0.", " — left out, never counted as 0."))
    }

    /// How a group of nearest neighbours was found and, given `names`, who is in it (by name; `maatstaf peers`
    /// lists them by distance): on paper a reader cannot hover over the chart to find out.
    func peersNote(_ group: ResolvedPeerGroup, names: [String: String] = [:]) -> String? {
        guard group.group == .peers, let traits = group.traits else { return nil }
        let members = group.members.compactMap { names[$0] }
        let who =
            members.count == group.members.count && !members.isEmpty
            ? t("; het zijn ", "; they are ") + members.sorted().joined(separator: ", ") : ""
        return groupName(group) + t(", gevonden op ", ", found on ") + traits.map(traitName).joined(separator: ", ")
            + t(" (gestandaardiseerd, euclidische afstand)", " (standardised, Euclidean distance)") + who + "."
    }

    func groupKind(_ group: PeerGroup) -> String {
        switch group {
        case .builtIn(.national): netherlands
        case .builtIn(.province): t("provincie", "province")
        case .builtIn(.corop): "COROP"
        case .builtIn(.labourMarketRegion): t("arbeidsmarktregio", "labour-market region")
        case .builtIn(.sizeClass): t("grootteklasse", "size class")
        case .builtIn(.urbanity): t("stedelijkheid", "urbanity")
        case .builtIn(.youthCareRegion): t("jeugdregio", "youth-care region")
        case .userRegion: t("regio", "region")
        case .peers: t("naaste buren", "nearest neighbours")
        case .sharing: t("gemeenten die het cijfer delen", "municipalities that shared the figure")
        }
    }

    /// What a group is, in a sentence's words (`regions list`): every named group has one, the switch says so.
    func groupDescription(_ group: PeerGroup) -> String {
        switch group {
        case .builtIn(.national): t("alle gemeenten van Nederland", "all municipalities of the Netherlands")
        case .builtIn(.province): t("de provincie van de gemeente", "the municipality's province")
        case .builtIn(.corop): t("het COROP-gebied van de gemeente", "the municipality's COROP region")
        case .builtIn(.labourMarketRegion): t("de arbeidsmarktregio van de gemeente", "the municipality's labour-market region")
        case .builtIn(.sizeClass): t("gemeenten van dezelfde CBS-grootteklasse", "municipalities of the same CBS size class")
        case .builtIn(.urbanity):
            t("gemeenten van dezelfde CBS-stedelijkheidsklasse", "municipalities of the same CBS urbanity class")
        case .builtIn(.youthCareRegion):
            t("de jeugdregio van de gemeente (inkoop van jeugdhulp, 2024)", "the municipality's youth-care region (2024)")
        case .peers:
            t(
                "de naaste buren van de gemeente op structuurkenmerken",
                "the municipality's nearest neighbours on structural traits")
        case .sharing:
            t(
                "de gemeenten die een eigen cijfer delen (alleen bij eigen cijfers, vanaf \(GroupSummary.minimumSharers))",
                "the municipalities that shared an own figure (own figures only, from \(GroupSummary.minimumSharers))")
        case .userRegion(let id): t("eigen regio \(id)", "user region \(id)")
        }
    }
}
