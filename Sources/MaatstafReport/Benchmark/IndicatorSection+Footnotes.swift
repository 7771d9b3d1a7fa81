import MaatstafCompare
import MaatstafCore
import MaatstafModel

extension IndicatorSection {
    /// What a reader must know about the numbers of this section, in the report's language: missing values of the
    /// chosen municipalities (first, so their cells can point to them), municipalities left out, budget figures,
    /// definition changes between years, and the engine's other notes.
    ///
    /// `groupsInTable`: the groups' coverage and the nearest-neighbour method are in a table instead (many
    /// municipalities: twenty groups of nearest neighbours would otherwise be forty footnotes). `names`: every
    /// municipality's name by code, so that a group of nearest neighbours is named member by member.
    func footnotes(_ labels: ReportLabels, groupsInTable: Bool = false, names: [String: String] = [:]) -> [String] {
        let nl = labels.locale == .nl
        let wording = NoteWording(locale: labels.locale)
        var notes: [String] = []
        for group in missingGroups(wording) {
            notes.append(labels.missingValue(group.names.joined(separator: ", "), group.reason))
        }
        if !comparison.missing.isEmpty {
            notes.append(labels.municipalitiesWithoutValue(comparison.missing.count))
        }
        for group in referenceGroups where !groupsInTable {
            if let peers = labels.peersNote(group.group, names: names) { notes.append(peers) }
            if group.basis == nil, let coverage = wording.groupCoverage(group, label: labels.summaryName(group)) {
                notes.append(coverage)
            }
        }
        notes += labels.basisNotes(referenceGroups, style: ValueStyle(indicator: indicator, locale: labels.locale))
        // The engine's facts, in the report's language; the general "missing is never 0" is said above already.
        notes += comparison.notes.filter { note in
            if case .groupOutliers = note { return false }
            return note != .missingIsNotZero
        }.map(wording.note)
        // Members far outside a group: one footnote for every group, so twenty municipalities' groups do not push the
        // section onto another page.
        if let outliers = wording.groupOutliers(comparison.notes) { notes.append(outliers) }
        if comparison.municipalities.contains(where: { $0.interval != nil }) {
            notes.append(
                nl
                    ? "Bij tellingen van personen staat in de tabel een 95%-betrouwbaarheidsinterval (Wilson)."
                    : "For counts of people the table shows a 95% confidence interval (Wilson).")
        }
        return notes
    }

    /// The chosen municipalities without a value, one group per reason in the order they first appear: three
    /// municipalities that book nothing on the taakveld share one footnote, so twenty municipalities do not push the
    /// section onto a third page with the same sentence three times.
    func missingGroups(_ wording: NoteWording) -> [(names: [String], codes: [String], reason: String)] {
        var groups: [(names: [String], codes: [String], reason: String)] = []
        for municipality in comparison.municipalities where municipality.observation.status != .ok {
            let reason = wording.status(municipality.observation.status)
            if let index = groups.firstIndex(where: { $0.reason == reason }) {
                groups[index].names.append(municipality.profile.name)
                groups[index].codes.append(municipality.profile.code)
            } else {
                groups.append(([municipality.profile.name], [municipality.profile.code], reason))
            }
        }
        return groups
    }

    /// The number of the footnote on a chosen municipality's missing value (1-based), if it has one.
    func missingFootnote(for code: String, _ wording: NoteWording) -> Int? {
        missingGroups(wording).firstIndex { $0.codes.contains(code) }.map { $0 + 1 }
    }
}

extension IndicatorSection {
    /// A chosen municipality's value, or "missing" with the number of the footnote that says why.
    func valueText(_ municipality: MunicipalityComparison, style: ValueStyle, _ labels: ReportLabels) -> String {
        if municipality.observation.status == .ok { return style.value(municipality.observation.value) }
        let footnote = missingFootnote(for: municipality.profile.code, NoteWording(locale: labels.locale))
        return labels.missing + (footnote.map { " [\($0)]" } ?? "")
    }
}

extension MunicipalityComparison {
    /// `29/342 · P92`: rank among all municipalities with a value, and percentile.
    func rankText(_ format: NumberFormat) -> String {
        guard let rank else { return "–" }
        return "\(rank)/\(rankedCount)" + (percentile.map { " · P" + format.number($0, decimals: 0) } ?? "")
    }
}

extension IndicatorSection {
    /// What the numbers table's columns mean: for own figures the legend of their kind (a reported average has no
    /// gap), for open data the report's legend.
    func legend(_ labels: ReportLabels) -> String {
        guard indicator.usesOwnFigures else { return labels.gapExplanation }
        return labels.compareLegend(indicator)
    }

    /// The section's sources, each with its checksum, and CBS's credit unless every figure is an own figure.
    func sourceLines(_ locale: ReportLocale) -> [String] {
        let wording = NoteWording(locale: locale)
        let sources = comparison.data.sources
        return sources.map { source in
            source.ownImport == nil
                ? "\(source.table) — \(source.origin)" + (source.sha256.map { ", sha256 \($0.prefix(16))…" } ?? "")
                : wording.source(source)
        } + [Attribution.credit(for: sources)].compactMap { $0 }
    }
}
