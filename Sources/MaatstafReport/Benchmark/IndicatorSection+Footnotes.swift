import MaatstafCompare
import MaatstafModel

extension IndicatorSection {
    /// What a reader must know about the numbers of this section, in the report's language: missing values of the
    /// chosen municipalities (first, so their cells can point to them), municipalities left out, budget figures,
    /// definition changes between years, and the engine's other notes.
    func footnotes(_ labels: ReportLabels) -> [String] {
        let nl = labels.locale == .nl
        var notes: [String] = []
        for municipality in comparison.municipalities {
            switch municipality.observation.status {
            case .ok: break
            case .missing(let reason): notes.append(labels.missingValue(municipality.profile.name, reason))
            case .zeroDenominator: notes.append(labels.missingValue(municipality.profile.name, nl ? "noemer is 0" : "denominator is zero"))
            }
        }
        let zeros = comparison.municipalities.filter { $0.observation.status == .ok && $0.observation.value == 0 }
        if case .iv3 = indicator.numerator, !zeros.isEmpty {
            let names = zeros.map(\.profile.name).joined(separator: ", ")
            notes.append(nl
                ? "\(names): de gemeente rapporteert 0 op deze taakvelden. Dat is een gerapporteerde waarde, geen ontbrekende; vaak boekt een gemeente deze kosten op een ander taakveld, dus vergelijk met zorg."
                : "\(names): the municipality reports 0 on these taakvelden. That is a reported value, not a missing one; often a municipality books these costs on another taakveld, so compare with care.")
        }
        if !comparison.missing.isEmpty {
            notes.append(labels.municipalitiesWithoutValue(comparison.missing.count))
        }
        if comparison.data.isBudget {
            notes.append(nl ? "De cijfers over \(comparison.year) zijn een begroting: gepland, niet werkelijk besteed."
                            : "The \(comparison.year) figures are a budget: planned, not actually spent.")
        }
        if let change = definitionChange(nl: nl) { notes.append(change) }
        notes += comparison.data.generalNotes
        if comparison.municipalities.contains(where: { $0.interval != nil }) {
            notes.append(nl ? "Bij tellingen van personen staat in de tabel een 95%-betrouwbaarheidsinterval (Wilson)."
                            : "For counts of people the table shows a 95% confidence interval (Wilson).")
        }
        return notes
    }

    /// Where the indicator sums other taakvelden in another year in the store (as the engine found): said, never hidden.
    func definitionChange(nl: Bool) -> String? {
        let data = comparison.data
        guard !data.layoutDifferences.isEmpty else { return nil }
        let others = data.layoutDifferences.map { difference in
            "\(difference.year): " + (difference.taakvelden?.joined(separator: ", ") ?? (nl ? "niet gedefinieerd" : "not defined"))
        }
        let current = "\(comparison.year): \(data.taakvelden.joined(separator: ", "))"
        return nl
            ? "Definitie verschilt tussen jaren door de nieuwe Iv3-indeling (taakvelden \(current); \(others.joined(separator: "; "))). Vergelijk de jaren met zorg."
            : "The definition differs between years because of the new Iv3 layout (taakvelden \(current); \(others.joined(separator: "; "))). Compare the years with care."
    }

    /// The number of the footnote on a chosen municipality's missing value (1-based), if it has one.
    func missingFootnote(for code: String) -> Int? {
        var number = 0
        for municipality in comparison.municipalities where municipality.observation.status != .ok {
            number += 1
            if municipality.profile.code == code { return number }
        }
        return nil
    }
}

extension IndicatorSection {
    /// A chosen municipality's value, or "missing" with the number of the footnote that says why.
    func valueText(_ municipality: MunicipalityComparison, style: ValueStyle, _ labels: ReportLabels) -> String {
        if municipality.observation.status == .ok { return style.value(municipality.observation.value) }
        return labels.missing + (missingFootnote(for: municipality.profile.code).map { " [\($0)]" } ?? "")
    }
}

extension MunicipalityComparison {
    /// `29/342 · P92`: rank among all municipalities with a value, and percentile.
    func rankText(_ format: NumberFormat) -> String {
        guard let rank else { return "–" }
        return "\(rank)/\(rankedCount)" + (percentile.map { " · P" + format.number($0, decimals: 0) } ?? "")
    }
}
