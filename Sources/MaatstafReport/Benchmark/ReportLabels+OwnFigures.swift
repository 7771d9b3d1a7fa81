import MaatstafCore

extension ReportLabels {
    private func t(_ nl: String, _ en: String) -> String { locale == .nl ? nl : en }

    /// A reference group's name for the figure shown beside it: the group's name, or for own figures what the figure
    /// is — the national figure entered with the own figures, or the municipalities of the group that shared it
    /// ("Gelderland (provincie): 3 gemeenten die dit cijfer delen"), never the province or the Netherlands as such.
    func summaryName(_ summary: GroupSummary) -> String {
        switch summary.basis {
        case nil: groupName(summary.group)
        case .entered: t("Nederland (opgegeven cijfer)", "Netherlands (entered figure)")
        case .noNationalFigure: t("Nederland: geen landelijk cijfer", "Netherlands: no national figure")
        case .sharers(let count), .tooFewSharers(let count):
            summary.group.group == .sharing
                ? sharers(count) : "\(groupName(summary.group)): \(sharers(count))"
        }
    }

    /// "3 gemeenten die dit cijfer delen" / "3 municipalities that shared this figure".
    func sharers(_ count: Int) -> String {
        count == 1
            ? t("1 gemeente die dit cijfer deelt", "1 municipality that shared this figure")
            : t("\(count) gemeenten die dit cijfer delen", "\(count) municipalities that shared this figure")
    }

    /// What the references over own figures rest on, in sentences under a table: the Netherlands (an entered figure
    /// with its source, or none) and, in one sentence, the groups with too few municipalities that shared the figure.
    /// Empty for open data.
    func basisNotes(_ summaries: [GroupSummary], style: ValueStyle) -> [String] {
        var notes: [String] = []
        var tooFew: [String] = []
        for summary in summaries {
            switch summary.basis {
            case nil, .sharers: break
            case .entered(let source):
                let from = source.isEmpty ? t("zonder bron", "no source given") : source
                notes.append(
                    t(
                        "Nederland: het landelijke cijfer \(style.value(summary.rate)) zoals ingevoerd bij de eigen cijfers (bron: \(from)).",
                        "Netherlands: the national figure \(style.value(summary.rate)) as entered with the own figures (source: \(from))."
                    ))
            case .noNationalFigure:
                notes.append(
                    t(
                        "Geen landelijk cijfer: eigen cijfers hebben er alleen een als het bestand een rij Nederland met de bron heeft (docs/own-data.md); de gemeenten die het cijfer delen zijn niet Nederland.",
                        "No national figure: own figures have one only when the file has a row for the Netherlands with its source (docs/own-data.md); the municipalities that shared the figure are not the Netherlands."
                    ))
            case .tooFewSharers: tooFew.append(summaryName(summary))
            }
        }
        if !tooFew.isEmpty {
            let minimum = GroupSummary.minimumSharers
            notes.append(
                t("Geen groepscijfer voor ", "No group figure for ") + tooFew.joined(separator: "; ")
                    + t(
                        ": een groep is pas een maatstaf vanaf \(minimum) gemeenten die het cijfer delen (met minder wordt de gemeente met zichzelf vergeleken, of is het cijfer van een partner terug te rekenen).",
                        ": a group is a reference only from \(minimum) municipalities that shared the figure (with fewer the municipality is compared with itself, or a partner's figure can be read back)."
                    ))
        }
        return notes
    }
}

extension ReportLabels {
    /// What the columns of a comparison mean for this indicator: a group's figure, and the gap, are different things
    /// per inhabitant, per client (an own count) and for a figure a municipality reports as an average.
    func compareLegend(_ indicator: Indicator) -> String {
        let nl = locale == .nl
        let rank = nl ? " Rang 1 = hoogste waarde." : " Rank 1 = highest value."
        let what: (nl: String, en: String) =
            indicator.valueKind == .money
            ? (
                "wat de gemeente meer (+) of minder (−) uitgeeft dan tegen het groepscijfer",
                "what the municipality spends more (+) or less (−) than at the group's rate"
            )
            : (
                "hoeveel meer (+) of minder (−) dan tegen het groepscijfer",
                "how many more (+) or fewer (−) than at the group's rate"
            )
        switch indicator.denominator {
        case .population:
            // One word for the group's figure in every output, the one the report uses: "groepscijfer" (a "tarief" reads as
            // a price per hour in a procurement meeting).
            let tariff =
                indicator.valueKind == .money
                ? (
                    "wat de gemeente meer (+) of minder (−) uitgeeft dan tegen het groepscijfer",
                    "what the municipality spends more (+) or less (−) than at the group's rate"
                )
                : (
                    "hoeveel meer (+) of minder (−) dan tegen het groepscijfer",
                    "how many more (+) or fewer (−) than at the group's rate"
                )
            return
                (nl
                ? "Groepscijfer: totaal van de groep ÷ totale bevolking. Gem. gemeente: ongewogen gemiddelde van de gemeenten. Gat: (waarde − groepscijfer) × inwoners — \(tariff.0)."
                : "Group rate: the group's total ÷ its total population. Avg municipality: unweighted mean of the members' rates. Gap: (value − group rate) × inhabitants — \(tariff.1).")
                + rank
        case .none:
            return
                (nl
                ? "Groepscijfer: het gemiddelde van de gemeenten, elk even zwaar, van het cijfer zoals zij het melden. Gat: geen — een gemeld gemiddelde heeft geen aantal om mee te vermenigvuldigen."
                : "Group figure: the mean of the members, each counting once, of the figure as they report it. Gap: none — a reported average has no count to multiply by.")
                + rank
        case .own(let measure):
            let per = indicator.multiplier == 1 ? "" : (nl ? " ÷ \(indicator.multiplier)" : " ÷ \(indicator.multiplier)")
            return
                (nl
                ? "Groepscijfer: totaal van de groep ÷ totaal van de noemer (\(measure)). Gem. gemeente: ongewogen gemiddelde van de gemeenten. Gat: (waarde − groepscijfer) × \(measure)\(per) — \(what.nl)."
                : "Group rate: the group's total ÷ its total denominator (\(measure)). Avg municipality: unweighted mean of the members' rates. Gap: (value − group rate) × \(measure)\(per) — \(what.en).")
                + rank
        case .fund(let cluster):
            return
                (nl
                ? "Groepscijfer: de uitgaven van de groep samen ÷ haar uitkering uit het gemeentefonds samen (\(cluster)). Gem. gemeente: ongewogen gemiddelde van de gemeenten. 1,00 = uitgaven gelijk aan de uitkering; boven 1 geeft de gemeente meer uit dan het fonds voor haar structuur toekent. Gat: (verhouding − groepscijfer) × uitkering — wat de gemeente meer (+) of minder (−) uitgeeft dan bij de verhouding van de groep."
                : "Group figure: the group's spending together ÷ its allocation from the municipal fund together (\(cluster)). Avg municipality: unweighted mean of the members. 1.00 = spending equal to the allocation; above 1 the municipality spends more than the fund allocates for its structure. Gap: (ratio − group figure) × allocation — what the municipality spends more (+) or less (−) than at the group's ratio.")
                + rank
        case .cbs(let table, _, _):
            let per = indicator.multiplier == 1 ? "" : " ÷ \(indicator.multiplier)"
            return
                (nl
                ? "Groepscijfer: totaal van de groep ÷ totaal van de noemer (CBS-tabel \(table)). Gem. gemeente: ongewogen gemiddelde van de gemeenten. Gat: (waarde − groepscijfer) × noemer\(per) — \(what.nl)."
                : "Group rate: the group's total ÷ its total denominator (CBS table \(table)). Avg municipality: unweighted mean of the members' rates. Gap: (value − group rate) × denominator\(per) — \(what.en).")
                + rank
        }
    }
}
