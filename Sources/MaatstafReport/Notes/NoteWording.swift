import MaatstafCompare
public import MaatstafCore
import MaatstafModel

/// The engine's facts (notes, missing reasons, exclusions) in the reader's language. Each case is worded in Dutch
/// and English in one exhaustive switch, so a new fact cannot reach a Dutch reader in English.
public struct NoteWording: Sendable {
    public let locale: ReportLocale

    public init(locale: ReportLocale) {
        self.locale = locale
    }

    private var nl: Bool { locale == .nl }

    /// `jaarrekening 2023` / `2023 accounts`.
    public func document(_ kind: Iv3DocumentKind, _ year: Int) -> String {
        switch kind {
        case .jaarrekening: nl ? "jaarrekening \(year)" : "\(year) accounts"
        case .begroting: nl ? "begroting \(year)" : "\(year) budget"
        }
    }

    /// `Source: Iv3 jaarrekening 2023 — iv3/2023_jaarrekening.csv (…), sha256 38f96ea7f435…`: where figures come from.
    /// A source's name in a heading: the table, or "eigen cijfers (hh-uren-per-client)".
    public func sourceName(_ source: SourceReference) -> String {
        guard let own = source.ownImport else { return source.table }
        return nl ? "eigen cijfers (\(own.measure))" : "own figures (\(own.measure))"
    }

    public func source(_ source: SourceReference) -> String {
        let checksum = source.sha256.map { ", sha256 \($0.prefix(12))…" } ?? ""
        if let own = source.ownImport {
            return nl
                ? "Bron: eigen cijfers (\(own.measure)) — \(own.file), ingelezen \(own.importedAt)\(checksum)"
                : "Source: own figures (\(own.measure)) — \(own.file), imported \(own.importedAt)\(checksum)"
        }
        return (nl ? "Bron: " : "Source: ") + "\(source.table) — \(source.origin)" + checksum
    }

    /// Up to `limit` names, then how many more.
    public func names(_ names: [String], limit: Int = 10) -> String {
        let shown = names.prefix(limit).joined(separator: ", ")
        guard names.count > limit else { return shown }
        return shown + (nl ? " en \(names.count - limit) meer" : " and \(names.count - limit) more")
    }

    private func list(_ codes: [String]) -> String { codes.joined(separator: ", ") }

    /// A z-score with one decimal and a real minus sign, in the reader's decimal mark: `−5,1`.
    func zScore(_ z: Double) -> String {
        let tenths = Int((abs(z) * 10).rounded())
        return (z < 0 ? "−" : "") + "\(tenths / 10)\(nl ? "," : ".")\(tenths % 10)"
    }

    /// Every `.groupOutliers` note in one sentence, short (a report's footnote): per group its name and the names far
    /// outside it, at most three; nil when there are none.
    public func groupOutliers(_ notes: [IndicatorNote]) -> String? {
        let labels = ReportLabels(locale: nl ? .nl : .en)
        let parts = notes.compactMap { note -> String? in
            guard case .groupOutliers(let group, let names, _) = note else { return nil }
            let shown = names.prefix(3).joined(separator: ", ")
            let more = names.count > 3 ? (nl ? " en \(names.count - 3) andere" : " and \(names.count - 3) others") : ""
            return "\(labels.groupName(group)): \(shown)\(more)"
        }
        guard !parts.isEmpty else { return nil }
        return nl
            ? "Ver buiten de andere leden van hun groep, en meegeteld in het groepscijfer (regel: docs/region.md) — \(parts.joined(separator: "; "))."
            : "Far outside the other members of their group, and counted in the group's figure (rule: docs/region.md) — \(parts.joined(separator: "; "))."
    }

    /// `Appingedam, Delfzijl en Loppersum` / `Appingedam, Delfzijl and Loppersum`.
    public func enumeration(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + (nl ? " en " : " and ") + names.last!
    }

    /// Why a municipality has no value, as a phrase.
    public func reason(_ reason: MissingReason) -> String {
        switch reason {
        case .dividedPredecessor(let name, let date, let recipients):
            let among = enumeration(recipients)
            return nl
                ? "\(name) is op \(MunicipalChange.day(date, dutch: true)) verdeeld over \(among): haar cijfers laten zich niet verdelen"
                : "\(name) was divided among \(among) on \(MunicipalChange.day(date, dutch: false)): its figures cannot be divided"
        case .leftOutAsOutlier:
            return nl
                ? "weggelaten op verzoek: ver buiten de andere leden van de regio"
                : "left out as asked: far outside the region's other members"
        case .noOverheadKey:
            return nl
                ? "geen verdeelsleutel voor de overhead: geen salarissen (L1.1) buiten de overhead, of de regel overhead onvolledig"
                : "no key to spread the overhead: no salaries (L1.1) outside the overhead, or the overhead line incomplete"
        case .noDelivery(let kind, let year):
            return nl ? "geen Iv3-levering voor de \(document(kind, year))" : "no Iv3 delivery for the \(document(kind, year))"
        case .notInIv3File(let kind, let year):
            return nl ? "niet in het Iv3-bestand \(document(kind, year))" : "not in the Iv3 file of the \(document(kind, year))"
        case .incompleteIv3:
            return nl ? "een van de taakvelden heeft geen bedrag" : "one of its taakvelden has no amount"
        case .notBooked(let taakvelden, let broader):
            let see = broader.map { nl ? "; zie \($0)" : "; see \($0)" } ?? ""
            return nl
                ? "boekt niets op \(list(taakvelden)), het geld staat op een ander taakveld\(see)"
                : "books nothing on \(list(taakvelden)), the money is booked on another taakveld\(see)"
        case .notInCBSTable(let table):
            return nl ? "niet in CBS-tabel \(table)" : "not in CBS table \(table)"
        case .suppressedByCBS:
            return nl
                ? "CBS publiceert geen waarde (geheim, onbekend of te klein)"
                : "CBS publishes no value (secret, unknown or too small)"
        case .noDenominator:
            return nl ? "geen noemer" : "no denominator"
        case .negativeDenominator:
            return nl ? "de noemer is negatief, dus geen aantal" : "the denominator is negative, so not a count"
        case .notFinite:
            return nl ? "de deling geeft geen eindig getal" : "the division gives no finite number"
        case .noData:
            return nl ? "geen gegevens" : "no data"
        case .noOwnFigure(let measure, let code):
            // The period as a reader says it (feb 2021), not as it is coded (2021MM02).
            let period = Period(code: code).map { PeriodWording.text($0, locale: nl ? .nl : .en) } ?? code
            return nl ? "geen eigen cijfer \(measure) voor \(period)" : "no own figure \(measure) for \(period)"
        }
    }

    /// Why an observation has no value; empty for a value.
    public func status(_ status: Observation.Status) -> String {
        switch status {
        case .ok: ""
        case .missing(let why): reason(why)
        case .zeroDenominator: nl ? "noemer is 0" : "denominator is zero"
        }
    }

    /// `38 booking nothing on these lines`.
    public func exclusion(_ exclusion: Exclusion, count: Int) -> String {
        switch exclusion {
        case .noDelivery: nl ? "\(count) zonder Iv3-levering" : "\(count) without an Iv3 delivery"
        case .notBooked: nl ? "\(count) die niets op deze taakvelden boeken" : "\(count) booking nothing on these lines"
        case .suppressed: nl ? "\(count) door CBS niet gepubliceerd" : "\(count) not published by CBS"
        case .noValue: nl ? "\(count) zonder waarde" : "\(count) without a value"
        case .zeroDenominator: nl ? "\(count) met noemer 0" : "\(count) with a zero denominator"
        }
    }

    /// How many members of a group count, who is left out and why, and how many count with 0; nil when every
    /// member counts with a value other than 0.
    public func groupCoverage(_ summary: GroupSummary, label: String) -> String? {
        let left = summary.excluded.keys.sorted().map { exclusion($0, count: summary.excluded[$0]!.count) }
        guard !left.isEmpty || !summary.zeros.isEmpty else { return nil }
        let counted = summary.group.members.count - summary.missing.count
        var text =
            nl
            ? "\(label): \(counted) van \(summary.group.members.count) gemeenten tellen mee"
            : "\(label): \(counted) of \(summary.group.members.count) municipalities counted"
        if !left.isEmpty { text += (nl ? "; niet meegeteld: " : "; left out: ") + left.joined(separator: ", ") }
        if !summary.zeros.isEmpty {
            text += nl ? "; \(summary.zeros.count) tellen mee met 0" : "; \(summary.zeros.count) counted with 0"
        }
        return text + "."
    }

    /// A fetch in words: `CBS-tabel 03759ned ophalen (2024–2025; BevolkingOp1Januari; Geslacht: T001038)`.
    public func fetch(_ request: FetchRequest) -> String {
        var parts: [String] = []
        if let years = request.years {
            parts.append(years.count == 1 ? String(years.lowerBound) : "\(years.lowerBound)–\(years.upperBound)")
        }
        if !request.topics.isEmpty { parts.append(request.topics.joined(separator: ", ")) }
        for dimension in request.selection.keys.sorted() {
            parts.append("\(dimension): \(request.selection[dimension]!.joined(separator: ", "))")
        }
        let scope = parts.isEmpty ? "" : " (\(parts.joined(separator: "; ")))"
        return nl ? "CBS-tabel \(request.table) ophalen\(scope)" : "fetch CBS table \(request.table)\(scope)"
    }

    /// A note as a sentence.
    public func note(_ note: IndicatorNote) -> String {
        switch note {
        case .classesFromEarlierYear(let year, let used):
            return nl
                ? "De snapshot heeft geen gemeenteklassen voor \(year); gemeenten, klassen en regio's van \(used) zijn gebruikt."
                : "The snapshot has no municipality classes for \(year); municipalities, classes and regions of \(used) are used."
        case .populationDenominator(let year):
            return nl
                ? "Noemer: inwoners op 1 januari \(year) (gemeenteklassen)."
                : "Denominator: inhabitants on 1 January \(year) (gemeenteklassen)."
        case .taakveldenNotInDocument(let taakvelden, let kind, let year):
            return nl
                ? "Taakveld(en) \(list(taakvelden)) komen niet voor in het Iv3-bestand \(document(kind, year)) en tellen dus bij geen enkele gemeente mee."
                : "Taakveld(en) \(list(taakvelden)) do not occur in the Iv3 file of the \(document(kind, year)), so they add nothing to any municipality."
        case .populationFetched(let year, let table, nil, let classesFrom):
            return nl
                ? "De bevolking op 1 januari \(year) komt uit CBS-tabel \(table); de grootteklassen volgen daaruit. Provincie en stedelijkheid zijn die van \(classesFrom), het dichtstbijzijnde jaar met gemeenteklassen; COROP- en arbeidsmarktregio's die van de gemeentelijst."
                : "The population on 1 January \(year) is from CBS table \(table); size classes follow from it. Province and urbanity are those of \(classesFrom), the nearest year with municipality classes; COROP and labour-market regions those of the municipality list."
        case .populationFetched(let year, let table, let regionsTable?, let classesFrom):
            return nl
                ? "De bevolking op 1 januari \(year) komt uit CBS-tabel \(table); de grootteklassen volgen daaruit. Provincies, COROP- en arbeidsmarktregio's van \(year) komen uit CBS-tabel \(regionsTable) (Gebieden in Nederland); de stedelijkheid is die van \(classesFrom), het dichtstbijzijnde jaar met gemeenteklassen."
                : "The population on 1 January \(year) is from CBS table \(table); size classes follow from it. Provinces, COROP and labour-market regions of \(year) are from CBS table \(regionsTable) (Gebieden in Nederland); urbanity is that of \(classesFrom), the nearest year with municipality classes."
        case .ownFigures(let asReported):
            return nl
                ? "Eigen cijfers van de gemeenten (geïmporteerd); vergeleken over de gemeenten die ze hebben, de andere tellen niet mee (nooit als 0)."
                    + (asReported
                        ? " Het cijfer is een gemiddelde zoals de gemeente het meldt; het groepscijfer is het gemiddelde van de gemeenten."
                        : "")
                : "The municipalities' own figures (imported); compared across the municipalities that have them, the others are left out (never counted as 0)."
                    + (asReported
                        ? " The figure is an average as the municipality reports it; a group's figure is the average of its municipalities."
                        : "")
        case .fundCirculaire(let id, let year):
            return nl
                ? "Uitkering uit het gemeentefonds volgens \(id): bij een begroting of jaarrekening van \(year) de meicirculaire van \(year - 1) voor \(year), zoals BZK's begrotingsanalysetool ze naast elkaar zet (Bron: gemeentefonds, BZK; methode en grenzen: docs/need.md)."
                : "Allocation from the municipal fund as in \(id): for a \(year) budget or accounts the May circular of \(year - 1) for \(year), as BZK's begrotingsanalysetool sets them side by side (source: municipal fund, BZK; method and limits: docs/need.md)."
        case .fundCirculaireChosen(let id, let year):
            return nl
                ? "Uitkering uit het gemeentefonds volgens \(id), voor \(year) gekozen in plaats van de meicirculaire van \(year - 1) (Bron: gemeentefonds, BZK; docs/need.md)."
                : "Allocation from the municipal fund as in \(id), chosen for \(year) instead of the May circular of \(year - 1) (source: municipal fund, BZK; docs/need.md)."
        case .overheadSpread:
            return nl
                ? "Inclusief een deel van de overhead (taakveld 0.4): de overhead × de salarissen (Iv3-categorie L1.1) op deze taakvelden ÷ de salarissen op alle taakvelden behalve 0.4, zoals BZK's begrotingsanalysetool kan verdelen. Een lege salariscel telt als geen salarissen op die regel (docs/need.md)."
                : "Including a share of the overhead (taakveld 0.4): the overhead × the salaries (Iv3 category L1.1) on these taakvelden ÷ the salaries on every taakveld but 0.4, as BZK's begrotingsanalysetool can spread it. An empty salaries cell counts as no salaries on that line (docs/need.md)."
        case .onBoundaries(let municipality, let boundaries, let year, let parts, let groupsOf, let origin):
            let joined = enumeration(parts)
            return nl
                ? "Op de gemeentegrenzen van \(boundaries): \(municipality) is in \(year) de som van \(joined) (bedragen en inwoners opgeteld, dan gedeeld); de vergelijkingsgroepen zijn die van \(groupsOf) in \(year). Herindelingen volgens \(origin)."
                : "On the municipal boundaries of \(boundaries): \(municipality) in \(year) is the sum of \(joined) (amounts and inhabitants added, then divided); the reference groups are those of \(groupsOf) in \(year). Mergers as recorded in \(origin)."
        case .successorClasses(let year, let municipalities, let successors):
            let pairs = zip(municipalities, successors).map { "\($0) (\($1))" }
            return nl
                ? "\(municipalities.count) gemeente\(municipalities.count == 1 ? "" : "n") van \(year) \(municipalities.count == 1 ? "is" : "zijn") sindsdien opgeheven en \(municipalities.count == 1 ? "krijgt" : "krijgen") de stedelijkheid van de gemeente waarin ze opgingen: \(names(pairs)). Ze tellen mee in het land, hun provincie en hun grootteklasse van \(year)."
                : "\(municipalities.count) municipalit\(municipalities.count == 1 ? "y" : "ies") of \(year) \(municipalities.count == 1 ? "was" : "were") dissolved since and take\(municipalities.count == 1 ? "s" : "") the urbanity of the one they went into: \(names(pairs)). They count in the country, their province and their \(year) size class."
        case .needIndex(let national):
            let amount = NumberFormat(locale: locale).money(national)
            return nl
                ? "Behoefte-index: de uitkering per inwoner gedeeld door die van Nederland (\(amount) per inwoner, alle gemeenten van de circulaire). 1,00 is wat het fonds de gemiddelde inwoner toekent; het fonds is een verdeelmodel, geen kostennorm."
                : "Need index: the allocation per inhabitant divided by the Netherlands' (\(amount) per inhabitant, every municipality of the circulaire). 1.00 is what the fund gives the average inhabitant; the fund is an allocation model, not a cost norm."
        case .ownPeriod(let period, let yearNumerator):
            let when = ReportLabels(locale: nl ? .nl : .en).period(period)
            return nl
                ? "De eigen cijfers zijn die van \(when), niet van het hele jaar"
                    + (yearNumerator ? "; het bedrag erboven is dat van heel \(period.year)." : ".")
                : "The own figures are those of \(when), not the whole year's"
                    + (yearNumerator ? "; the amount above them is the whole of \(period.year)'s." : ".")
        case .regionsFetched(let year, let table):
            return nl
                ? "De COROP- en arbeidsmarktregio's van \(year) komen uit CBS-tabel \(table) (Gebieden in Nederland)."
                : "The COROP and labour-market regions of \(year) are from CBS table \(table) (Gebieden in Nederland)."
        case .iv3DocumentChoice(let kind, let year, let used, let other):
            let what = document(kind, year)
            let usedText =
                used.map { nl ? "de opgehaalde CBS-tabel \($0)" : "the fetched CBS table \($0)" }
                ?? (nl ? "de ingebouwde snapshot" : "the embedded snapshot")
            let otherText =
                other.map { nl ? "de opgehaalde CBS-tabel \($0)" : "the fetched CBS table \($0)" }
                ?? (nl ? "de ingebouwde snapshot" : "the embedded snapshot")
            return nl
                ? "De \(what) staat in \(usedText) en in \(otherText); de cijfers komen uit \(usedText)."
                : "The \(what) is in \(usedText) and in \(otherText); the figures are from \(usedText)."
        case .budget(let year):
            return nl
                ? "De cijfers over \(year) zijn een begroting: gepland, niet werkelijk besteed."
                : "The \(year) figures are a budget (begroting): planned, not actually spent."
        case .definitionDiffers(let year, let here, let otherYear, let there):
            guard let there else {
                return nl
                    ? "Niet gedefinieerd voor \(otherYear): taakveld \(list(here)) bestaat niet in de Iv3-indeling van \(otherYear)."
                    : "Not defined for \(otherYear): taakveld \(list(here)) does not exist in the \(otherYear) Iv3 layout."
            }
            return nl
                ? "De definitie verschilt tussen jaren door de nieuwe Iv3-indeling: \(year) telt \(list(here)) op, \(otherYear) telt \(list(there)) op. Vergelijk deze jaren met zorg."
                : "The definition differs between years because of the Iv3 layout change: \(year) sums \(list(here)), \(otherYear) sums \(list(there)). Compare these years with care."
        case .notBooked(let names, let taakvelden, let broader):
            let see =
                broader.map { nl ? " \($0) omvat ook wat zij elders boeken." : " \($0) includes what they book elsewhere." } ?? ""
            return nl
                ? "\(names.count) gemeente(n) boeken niets op \(list(taakvelden)) (\(self.names(names))). Het geld staat op een ander taakveld; een dienst zonder kosten is het niet. Zij tellen daarom niet mee in groepen en rangen (nooit als 0).\(see)"
                : "\(names.count) municipalit\(names.count == 1 ? "y books" : "ies book") nothing on \(list(taakvelden)) (\(self.names(names))). The money is booked on another taakveld; it is not a service that costs nothing. They are left out of every group and rank (never counted as 0).\(see)"
        case .noDelivery(let names, let kind, let year):
            return nl
                ? "Geen Iv3-levering voor de \(document(kind, year)): \(self.names(names)). Zonder levering zijn er geen cijfers; deze gemeenten tellen nergens mee (nooit als 0)."
                : "No Iv3 delivery for the \(document(kind, year)): \(self.names(names)). Without a delivery there are no figures; these municipalities are left out everywhere (never counted as 0)."
        case .reportedZero(let names):
            return nl
                ? "\(self.names(names)): de gemeente rapporteert 0 op deze taakvelden. Dat is een gerapporteerde waarde, geen ontbrekende; vaak boekt een gemeente deze kosten op een ander taakveld, dus vergelijk met zorg."
                : "\(self.names(names)): the municipality reports 0 on these taakvelden. That is a reported value, not a missing one; often a municipality books these costs on another taakveld, so compare with care."
        case .outliers(let names, let flags, let leftOut):
            let who = enumeration(
                zip(names, flags).map { name, flag in
                    let share = Int((flag.ofMedian * 100).rounded())
                    return nl
                        ? "\(name) (\(share) % van de mediaan, z = \(zScore(flag.z)))"
                        : "\(name) (\(share) % of the median, z = \(zScore(flag.z)))"
                })
            let rule =
                nl
                ? "meer dan \(zScore(RobustOutliers.threshold)) van de mediaan in mediane absolute afwijkingen (gemodificeerde z-score van Iglewicz en Hoaglin), of, waar alle cijfers boven 0 liggen, minder dan een kwart of meer dan vier keer de mediaan"
                : "more than \(zScore(RobustOutliers.threshold)) from the median in median absolute deviations (Iglewicz and Hoaglin's modified z-score), or, where every figure is above 0, less than a quarter or more than four times the median"
            if leftOut {
                return nl
                    ? "Op verzoek weggelaten omdat hun cijfer ver buiten dat van de andere leden ligt (\(rule)): \(who). Elk cijfer van dit regiobeeld — totaal, aandelen, sleutels, kwartiel — is zonder hen."
                    : "Left out as asked, their figures lying far outside the other members' (\(rule)): \(who). Every figure of this regional view — total, shares, keys, quartile — is without them."
            }
            return nl
                ? "Ver buiten de andere leden (\(rule)): \(who). Zo'n cijfer wijst vaak op kosten die elders geboekt zijn; het telt mee in het regiocijfer, het beste kwartiel en de verdeelsleutels. Vergelijk met zorg, of laat het weg."
                : "Far outside the other members (\(rule)): \(who). Such a figure often means costs booked elsewhere; it counts in the region's figure, its best quartile and the cost-split keys. Compare with care, or leave it out."
        case .groupOutliers(let group, let names, let flags):
            let shown = zip(names, flags).prefix(5).map { name, flag in
                "\(name) (\(Int((flag.ofMedian * 100).rounded())) % \(nl ? "van de mediaan" : "of the median"))"
            }
            let who =
                names.count > 5
                ? shown.joined(separator: ", ") + (nl ? " en \(names.count - 5) andere" : " and \(names.count - 5) others")
                : enumeration(shown)
            let name = ReportLabels(locale: nl ? .nl : .en).groupName(group)
            return nl
                ? "Ver buiten de andere leden van \(name): \(who). Zo'n cijfer wijst vaak op een andere manier van boeken (kosten elders geboekt, of juist hier); het telt mee in het groepscijfer. Regel: docs/region.md."
                : "Far outside the other members of \(name): \(who). Such a figure often means another way of booking (costs booked elsewhere, or here); it counts in the group's figure. Rule: docs/region.md."
        case .missingIsNotZero:
            return nl
                ? "Een gemeente zonder waarde staat als ontbrekend vermeld en telt in geen enkele groep mee; nooit als 0."
                : "A municipality without a value is shown as missing and left out of every group; it is never counted as 0."
        }
    }
}
