import MaatstafCompare
import MaatstafCore
import MaatstafModel

extension IndicatorSection {
    /// What a reader must know about the numbers of this section, in the report's language: missing values of the
    /// chosen municipalities (first, so their cells can point to them), municipalities left out, budget figures,
    /// definition changes between years, and the engine's other notes.
    func footnotes(_ labels: ReportLabels) -> [String] {
        let nl = labels.locale == .nl
        let wording = NoteWording(locale: labels.locale)
        var notes: [String] = []
        for municipality in comparison.municipalities where municipality.observation.status != .ok {
            notes.append(labels.missingValue(municipality.profile.name, wording.status(municipality.observation.status)))
        }
        if !comparison.missing.isEmpty {
            notes.append(labels.municipalitiesWithoutValue(comparison.missing.count))
        }
        for group in referenceGroups {
            if let peers = labels.peersNote(group.group) { notes.append(peers) }
            if let coverage = wording.groupCoverage(group, label: labels.groupName(group.group)) { notes.append(coverage) }
        }
        // The engine's facts, in the report's language; the general "missing is never 0" is said above already.
        notes += comparison.notes.filter { $0 != .missingIsNotZero }.map(wording.note)
        if comparison.municipalities.contains(where: { $0.interval != nil }) {
            notes.append(
                nl
                    ? "Bij tellingen van personen staat in de tabel een 95%-betrouwbaarheidsinterval (Wilson)."
                    : "For counts of people the table shows a 95% confidence interval (Wilson).")
        }
        return notes
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
