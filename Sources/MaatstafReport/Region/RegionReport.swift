public import MaatstafCompare
public import MaatstafCore
import MaatstafModel

/// A region's view written out for a procurement discussion: per member its amount and its shares, what it would
/// pay under each cost-split key, and what it would spend at the region's, the national and the best-quartile rate.
/// Text and Markdown for a memo, CSV (one row per member, key and scenario) for Excel; JSON is `RegionJSON`.
public struct RegionReport: TabularResult, Sendable {
    public let breakdowns: [RegionBreakdown]
    public let locale: ReportLocale

    public init(_ breakdowns: [RegionBreakdown], locale: ReportLocale) {
        self.breakdowns = breakdowns
        self.locale = locale
    }

    private var nl: Bool { locale == .nl }
    private func t(_ nl: String, _ en: String) -> String { self.nl ? nl : en }

    func heading(_ breakdown: RegionBreakdown) -> String {
        let indicator = breakdown.indicator
        let document = breakdown.data.document.map { NoteWording(locale: locale).document($0, breakdown.year) }
        return "\(indicator.title.text(locale)) (\(indicator.id)) — \(ReportLabels(locale: locale).groupName(breakdown.region)), "
            + (document ?? String(breakdown.year))
    }

    /// A fraction as a share: `25.3%` / `25,3%`.
    func share(_ fraction: Double?) -> String {
        guard let fraction else { return "–" }
        return NumberFormat(locale: locale).number(fraction * 100, decimals: 1) + "%"
    }

    func rateName(_ kind: RegionBreakdown.ReferenceRate.Kind, _ indicator: Indicator) -> String {
        switch kind {
        case .region: t("regio", "region")
        case .national: t("Nederland", "national")
        case .bestQuartile:
            indicator.direction == .higherIsBetter
                ? t("beste kwartiel (Q3)", "best quartile (Q3)") : t("laagste kwartiel (Q1)", "lowest quartile (Q1)")
        }
    }

    func keyName(_ kind: RegionBreakdown.CostSplit.Kind) -> String {
        switch kind {
        case .population: t("naar inwoners", "by population")
        case .use: t("naar gebruik", "by use")
        case .spending: t("naar huidige uitgaven", "by current spending")
        case .fixed: t("vaste sleutel", "fixed key")
        }
    }

    /// Per member: inhabitants, amount, rate, shares and the rate against each reference rate.
    func membersTable(_ breakdown: RegionBreakdown) -> Table {
        let style = ValueStyle(indicator: breakdown.indicator, locale: locale)
        let format = NumberFormat(locale: locale)
        let hasVolume = breakdown.volumeIndicator != nil
        var columns: [Table.Column] = [
            .init(t("gemeente", "municipality")), .init(t("inwoners", "inhabitants"), .right),
            .init(t("bedrag", "amount"), .right), .init(breakdown.indicator.unit.text(locale), .right),
            .init(t("aandeel bedrag", "share of amount"), .right), .init(t("aandeel inwoners", "share of population"), .right),
        ]
        if hasVolume { columns.append(.init(t("aandeel gebruik", "share of use"), .right)) }
        for rate in breakdown.rates {
            columns.append(.init(t("t.o.v. ", "vs ") + rateName(rate.kind, breakdown.indicator), .right))
        }
        var table = Table(columns: columns)
        let outliers = Set(breakdown.outliers.map(\.code))
        for member in breakdown.members {
            // A member far outside the others is marked where the reader looks first; the notes say by what rule.
            let name =
                outliers.contains(member.municipality.code) && member.counted
                ? member.municipality.name + t(" (ver buiten de rest)", " (far outside the rest)") : member.municipality.name
            var row = [
                name, format.number(Double(member.population), decimals: 0),
                amount(member.amount, style: style, format: format),
                // The table says only "missing"; why is in the notes under it (a long reason would widen the page).
                member.observation.okValue.map { style.value($0) }
                    ?? CompareReport.statusText(member.observation.status, nl: nl),
                share(member.amountShare), share(member.populationShare),
            ]
            if hasVolume {
                row.append(
                    member.volume == nil
                        ? member.volumeStatus.map { CompareReport.statusText($0, nl: nl) } ?? "–" : share(member.volumeShare))
            }
            for rate in breakdown.rates {
                row.append(member.observation.okValue.map { style.difference($0 - rate.rate) } ?? "–")
            }
            table.rows.append(row)
        }
        var total = [
            t("regio", "region") + " (\(breakdown.counted.count)/\(breakdown.members.count))",
            format.number(Double(breakdown.totalPopulation), decimals: 0),
            amount(breakdown.total, style: style, format: format), style.value(breakdown.rate(.region)),
            share(breakdown.total == nil ? nil : 1), share(breakdown.totalPopulation > 0 ? 1 : nil),
        ]
        if hasVolume { total.append(share(breakdown.totalVolume == nil ? nil : 1)) }
        total += breakdown.rates.map { _ in "" }
        table.rows.append(total)
        return table
    }

    /// An amount in the numerator's unit: whole euros for money (Iv3 amounts are whole thousands), a count else.
    func amount(_ value: Double?, style: ValueStyle, format: NumberFormat) -> String {
        guard let value else { return "–" }
        return style.isMoney ? format.money(value, decimals: 0) : format.number(value, decimals: 0)
    }

    func signedAmount(_ value: Double, style: ValueStyle, format: NumberFormat) -> String {
        style.isMoney ? format.signedMoney(value, decimals: 0) : format.signed(value, decimals: 0)
    }

    /// Per counted member: what it spends now and what it would pay under each key, with the difference.
    func keysTable(_ breakdown: RegionBreakdown) -> Table? {
        guard !breakdown.keys.isEmpty else { return nil }
        let style = ValueStyle(indicator: breakdown.indicator, locale: locale)
        let format = NumberFormat(locale: locale)
        var columns: [Table.Column] = [.init(t("gemeente", "municipality")), .init(t("nu", "now"), .right)]
        for key in breakdown.keys {
            columns.append(.init(keyName(key.kind), .right))
            columns.append(.init(t("verschil", "difference"), .right))
        }
        var table = Table(columns: columns)
        for member in breakdown.counted {
            var row = [member.municipality.name, amount(member.amount, style: style, format: format)]
            for key in breakdown.keys {
                guard let entry = key.shares.first(where: { $0.code == member.municipality.code }) else {
                    row += ["–", "–"]
                    continue
                }
                row.append(amount(entry.amount, style: style, format: format) + " (\(share(entry.share)))")
                row.append(signedAmount(entry.difference, style: style, format: format))
            }
            table.rows.append(row)
        }
        return table
    }

    /// Per counted member: its amount at each reference rate and the saving; the region's total last.
    func scenarioTable(_ breakdown: RegionBreakdown) -> Table? {
        guard !breakdown.scenarios.isEmpty else { return nil }
        let style = ValueStyle(indicator: breakdown.indicator, locale: locale)
        let format = NumberFormat(locale: locale)
        var columns: [Table.Column] = [.init(t("gemeente", "municipality")), .init(t("nu", "now"), .right)]
        for scenario in breakdown.scenarios {
            columns.append(
                .init(
                    t("tegen ", "at ") + rateName(scenario.rate.kind, breakdown.indicator) + " "
                        + style.value(scenario.rate.rate), .right))
            columns.append(.init(t("besparing", "saving"), .right))
        }
        var table = Table(columns: columns)
        for member in breakdown.counted {
            var row = [member.municipality.name, amount(member.amount, style: style, format: format)]
            for scenario in breakdown.scenarios {
                let outcome = scenario.amounts.first { $0.code == member.municipality.code }
                row.append(amount(outcome?.amount, style: style, format: format))
                row.append(outcome.map { signedAmount($0.saving, style: style, format: format) } ?? "–")
            }
            table.rows.append(row)
        }
        var total = [t("regio", "region"), amount(breakdown.total, style: style, format: format)]
        for scenario in breakdown.scenarios {
            total.append(amount(scenario.total, style: style, format: format))
            total.append(signedAmount(scenario.saving, style: style, format: format))
        }
        table.rows.append(total)
        return table
    }

    /// What the tables mean, who is not counted and why, which keys could not be made, the engine's notes, sources
    /// and credit.
    public func notes(_ breakdown: RegionBreakdown) -> [String] {
        let wording = NoteWording(locale: locale)
        var notes: [String] = []
        for absent in breakdown.absentMembers {
            notes.append(
                t(
                    "\(absent.name) (\(absent.code)) staat in het regiobestand maar was in \(breakdown.data.classificationYear) geen gemeente; het hoort dat jaar niet bij de regio.",
                    "\(absent.name) (\(absent.code)) is in the region file but was no municipality in \(breakdown.data.classificationYear); it is not part of the region that year."
                ))
        }
        let uncounted = breakdown.uncounted
        if !uncounted.isEmpty {
            let names = uncounted.map { "\($0.municipality.name) (\(wording.status($0.observation.status)))" }
            notes.append(
                t(
                    "Niet meegeteld, want zonder waarde: \(names.joined(separator: ", ")). Totalen, aandelen, sleutels en besparingen gaan over de \(breakdown.counted.count) gemeenten met een waarde (een vaste sleutel herschaald naar 100 % over hen); een ontbrekende waarde is geen 0.",
                    "Not counted, having no value: \(names.joined(separator: ", ")). Totals, shares, keys and savings are over the \(breakdown.counted.count) municipalities with a value (a fixed key rescaled to 100 % over them); a missing value is not 0."
                ))
        }
        notes.append(
            t(
                "Sleutels: wat elke gemeente van het regiototaal zou betalen, met het verschil met wat zij nu uitgeeft (+ = zou meer betalen). Besparing: nu − het bedrag bij dat cijfer per inwoner (+ = zou minder uitgeven). Bedragen in hele euro's; CSV en JSON geven ze tot op de cent.",
                "Keys: what each municipality would pay of the region's total, and the difference with what it spends now (+ = would pay more). Saving: now − the amount at that rate (+ = would spend less). Amounts in whole euros; CSV and JSON give them to the cent."
            ))
        if breakdown.indicator.direction == .neither {
            notes.append(
                t(
                    "Het laagste kwartiel is het goedkoopste kwart van de leden; lager is bij deze indicator niet vanzelf beter.",
                    "The lowest quartile is the cheapest quarter of the members; for this indicator lower is not better in itself."
                ))
        }
        for missing in breakdown.unavailableKeys {
            switch missing.reason {
            case .noVolumeIndicator:
                notes.append(
                    t(
                        "Geen sleutel naar gebruik: geef een indicator die het gebruik telt (cliënten, jongeren in zorg).",
                        "No key by use: name an indicator that counts the use (clients, youths in care)."))
            case .volumeMissing(let codes):
                let names = codes.map { code in
                    breakdown.members.first { $0.municipality.code == code }?.municipality.name ?? code
                }
                notes.append(
                    t(
                        "Geen sleutel naar gebruik: \(names.joined(separator: ", ")) \(names.count == 1 ? "heeft" : "hebben") geen waarde voor \(breakdown.volumeIndicator?.id ?? "het gebruik").",
                        "No key by use: \(names.joined(separator: ", ")) \(names.count == 1 ? "has" : "have") no value for \(breakdown.volumeIndicator?.id ?? "the use")."
                    ))
            case .noFixedKey:
                if case .userRegion = breakdown.region.group {
                    notes.append(
                        t(
                            "Geen vaste sleutel: het regiobestand geeft er geen (key:, zie regions/README.md).",
                            "No fixed key: the region file gives none (key:, see regions/README.md)."))
                }
            }
        }
        if let volume = breakdown.volumeIndicator {
            notes.append(
                t(
                    "Gebruik: de teller van \(volume.id) (\(volume.title.text(locale))) in \(breakdown.year).",
                    "Use: the numerator of \(volume.id) (\(volume.title.text(locale))) in \(breakdown.year)."))
        }
        var seen = Set(notes)
        for text in breakdown.notes.map(wording.note) + breakdown.data.sources.map(wording.source)
        where seen.insert(text).inserted {
            notes.append(text)
        }
        notes.append(Attribution.cbs + ".")
        return notes
    }

    private func titled(_ title: String, _ table: Table?, markdown: Bool) -> String? {
        guard let table else { return nil }
        return markdown ? "#### \(title)\n\n" + table.renderMarkdown() : "\(title)\n" + table.renderText()
    }

    private func render(_ breakdown: RegionBreakdown, markdown: Bool) -> String {
        let total = amount(
            breakdown.total, style: ValueStyle(indicator: breakdown.indicator, locale: locale),
            format: NumberFormat(locale: locale))
        var sections = [
            titled(t("Leden", "Members"), membersTable(breakdown), markdown: markdown),
            titled(
                t("Kostenverdeelsleutels (regiototaal \(total))", "Cost-split keys (region total \(total))"),
                keysTable(breakdown), markdown: markdown),
            titled(
                t(
                    "Wat als elk lid per inwoner uitgaf wat een ander cijfer zegt",
                    "What if every member spent at another figure per inhabitant"), scenarioTable(breakdown),
                markdown: markdown),
        ].compactMap { $0 }
        let notes = notes(breakdown)
        sections.append(notes.map { markdown ? "- \($0)" : $0 }.joined(separator: "\n"))
        return (markdown ? "### " : "") + heading(breakdown) + "\n\n" + sections.joined(separator: "\n\n")
    }

    public func renderText() -> String {
        breakdowns.map { render($0, markdown: false) }.joined(separator: "\n\n") + "\n"
    }

    public func renderMarkdown() -> String {
        breakdowns.map { render($0, markdown: true) }.joined(separator: "\n\n") + "\n"
    }

    /// One row per member with its figures, keys and what-if amounts, typed for a workbook.
    public func dataTable(_ breakdown: RegionBreakdown) -> DataTable {
        let amount: DataTable.Kind =
            ValueStyle(indicator: breakdown.indicator, locale: locale).isMoney ? .money : .number(decimals: 2)
        var columns: [DataTable.Column] = [
            .init("code"), .init(nl ? "gemeente" : "municipality"), .init(nl ? "inwoners" : "population", .count),
            .init(nl ? "bedrag" : "amount", amount), .init(nl ? "per inwoner" : "rate", amount), .init("status"),
            .init(nl ? "aandeel bedrag" : "share of amount", .percent(decimals: 1)),
            .init(nl ? "aandeel inwoners" : "share of population", .percent(decimals: 1)),
        ]
        for key in breakdown.keys {
            columns.append(.init(keyName(key.kind), amount))
            columns.append(.init(keyName(key.kind) + (nl ? " verschil" : " difference"), amount))
        }
        for scenario in breakdown.scenarios {
            columns.append(.init((nl ? "tegen " : "at ") + rateName(scenario.rate.kind, breakdown.indicator), amount))
            columns.append(.init(nl ? "besparing" : "saving", amount))
        }
        // Last, so the columns before keep their places: the modified z-score of a member far outside the others.
        columns.append(.init(nl ? "ver buiten (z-score)" : "far outside (z-score)", .number(decimals: 1)))
        let outliers = Dictionary(breakdown.outliers.map { ($0.code, $0.z) }, uniquingKeysWith: { first, _ in first })
        var table = DataTable(name: breakdown.region.label, columns: columns)
        for member in breakdown.members {
            let code = member.municipality.code
            var row: [DataTable.Cell] = [
                .text(code), .text(member.municipality.name), .whole(member.population), .value(member.amount),
                .value(member.observation.okValue),
                .text(member.counted ? "ok" : CompareReport.statusCode(member.observation.status)),
                .value(member.amountShare.map { $0 * 100 }), .value(member.populationShare.map { $0 * 100 }),
            ]
            for key in breakdown.keys {
                let entry = key.shares.first { $0.code == code }
                row += [.value(entry?.amount), .value(entry?.difference)]
            }
            for scenario in breakdown.scenarios {
                let outcome = scenario.amounts.first { $0.code == code }
                row += [.value(outcome?.amount), .value(outcome?.saving)]
            }
            row.append(.value(outliers[code]))
            table.rows.append(row)
        }
        return table
    }

    /// Tidy rows for analysts: one per member and measure (`amount`, `rate`, shares, each key's amount, each
    /// scenario's amount and saving), to the cent and beyond; the CSV of `region`.
    public var tidyTable: DataTable {
        var table = DataTable(
            name: t("Regio, lang", "Region, long"),
            columns: [
                .init("indicator"), .init("year", .count), .init("region"), .init("code"), .init("name"), .init("measure"),
                .init("value", .number(decimals: 6)), .init("status"),
            ])
        for breakdown in breakdowns {
            let prefix: [DataTable.Cell] = [
                .text(breakdown.indicator.id), .whole(breakdown.year), .text(breakdown.region.label),
            ]
            func add(_ code: String, _ name: String, _ measure: String, _ value: Double?, _ status: String = "ok") {
                let shown = value == nil ? (status == "ok" ? "none" : status) : "ok"
                table.rows.append(prefix + [.text(code), .text(name), .text(measure), .value(value), .text(shown)])
            }
            for member in breakdown.members {
                let code = member.municipality.code
                let name = member.municipality.name
                let status = member.observation.status == .ok ? "ok" : CompareReport.statusCode(member.observation.status)
                add(code, name, "population", Double(member.population))
                add(code, name, "amount", member.amount, status)
                add(code, name, "rate", member.observation.okValue, status)
                add(code, name, "share_amount", member.amountShare, status)
                add(code, name, "share_population", member.populationShare, status)
                if breakdown.volumeIndicator != nil {
                    add(code, name, "volume", member.volume, member.volumeStatus.map(CompareReport.statusCode) ?? status)
                    add(code, name, "share_volume", member.volumeShare, status)
                }
                for key in breakdown.keys {
                    let entry = key.shares.first { $0.code == code }
                    add(code, name, "key_\(key.kind.rawValue)_share", entry?.share, status)
                    add(code, name, "key_\(key.kind.rawValue)_amount", entry?.amount, status)
                    add(code, name, "key_\(key.kind.rawValue)_difference", entry?.difference, status)
                }
                for scenario in breakdown.scenarios {
                    let outcome = scenario.amounts.first { $0.code == code }
                    add(code, name, "at_\(scenario.rate.kind.rawValue)_amount", outcome?.amount, status)
                    add(code, name, "at_\(scenario.rate.kind.rawValue)_saving", outcome?.saving, status)
                }
            }
            add("", breakdown.region.label, "amount", breakdown.total)
            for rate in breakdown.rates { add("", breakdown.region.label, "rate_\(rate.kind.rawValue)", rate.rate) }
            for scenario in breakdown.scenarios {
                add("", breakdown.region.label, "at_\(scenario.rate.kind.rawValue)_saving", scenario.saving)
            }
        }
        return table
    }

    /// A workbook has a sheet per regional view as a reader lays it out, then the tidy one; CSV is the tidy one.
    public var dataTables: [DataTable] { breakdowns.map(dataTable) + [tidyTable] }
    public var csvTable: DataTable? { tidyTable }
    public var sheetNotes: [String] { breakdowns.flatMap { [heading($0)] + notes($0) } }
    public func renderJSON() throws -> String { try RegionJSON(breakdowns, locale: locale).encoded() }
}
