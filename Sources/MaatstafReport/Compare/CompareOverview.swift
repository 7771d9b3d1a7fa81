import MaatstafCompare
import MaatstafCore

extension CompareReport {
    /// One row per municipality, a column per reference group: the sheet a policy officer reads across ("we spend
    /// €151, the Netherlands €108, the province €119"), in the reader's language, with the document (budget or
    /// accounts) on every row and, where a municipality has no value, the reason in words instead of a code.
    ///
    /// A group that is one for every municipality (the Netherlands, a user region) is named in its columns' headers;
    /// a kind of group (province, size class, nearest neighbours) gets a column with each row's group before its
    /// figures.
    public var overview: DataTable {
        let nl = locale == .nl
        func name(_ en: String, _ dutch: String) -> String { nl ? dutch : en }
        let value: DataTable.Kind = style.isMoney ? .money : .number(decimals: 2)
        let labels = ReportLabels(locale: locale)
        let wording = NoteWording(locale: locale)
        let slots = referenceSlots
        var columns: [DataTable.Column] = [
            .init(name("municipality", "gemeente")), .init("code"), .init(name("document", "stuk")),
            .init(name("value", "waarde"), value), .init(name("rank", "rang"), .count), .init(name("of", "van"), .count),
            .init(name("no value because", "geen waarde omdat")),
        ]
        for slot in slots {
            if let shared = slot.sharedLabel {
                columns += [
                    .init(shared, value), .init(name("difference from ", "verschil met ") + shared, value),
                    .init(name("difference from ", "verschil met ") + shared + " %", .percent(decimals: 1)),
                ]
            } else {
                let kind = labels.groupKind(slot.group)
                columns += [
                    .init(kind), .init(name("\(kind) rate", "groepscijfer \(kind)"), value),
                    .init(name("difference from ", "verschil met ") + kind, value),
                    .init(name("difference from ", "verschil met ") + kind + " %", .percent(decimals: 1)),
                ]
            }
        }
        let document =
            comparison.data.document.map { wording.document($0, comparison.year) }
            ?? comparison.data.sources.first.map(wording.sourceName) ?? ""
        var table = DataTable(name: name("By municipality", "Per gemeente"), columns: columns)
        for municipality in comparison.municipalities {
            let observation = municipality.observation
            var row: [DataTable.Cell] = [
                .text(municipality.profile.name), .text(municipality.profile.code), .text(document),
                .value(observation.okValue), .whole(municipality.rank), .whole(municipality.rankedCount),
                observation.status == .ok ? .empty : .text(wording.status(observation.status)),
            ]
            for slot in slots {
                let reference = municipality.references.first { $0.summary.group.group == slot.group }
                if slot.sharedLabel == nil {
                    // The column names the kind, so the cell names only which one: "Gelderland", "15 buren".
                    row.append(reference.map { .text(Self.memberName($0.summary, labels: labels, nl: nl)) } ?? .empty)
                }
                row += [
                    .value(reference?.summary.rate), .value(reference?.difference),
                    .value(reference?.differencePercent),
                ]
            }
            table.rows.append(row)
        }
        return table
    }

    /// The group within its kind's column: the province's or class's name, or how many neighbours.
    private static func memberName(_ summary: GroupSummary, labels: ReportLabels, nl: Bool) -> String {
        guard summary.basis == nil else { return labels.summaryName(summary) }
        let group = summary.group
        if group.group == .peers {
            return nl ? "\(group.members.count) naaste buren" : "\(group.members.count) nearest neighbours"
        }
        return labels.classLabel(group)
    }

    /// The reference groups in the order the comparison shows them, each with the label its columns carry when it is
    /// one group for every municipality by definition: the Netherlands, a user region, the sharers of an own figure.
    /// A province, class or neighbourhood gets a column naming it even when every municipality compared shares it,
    /// so a sheet keeps its columns whichever municipalities are chosen.
    private var referenceSlots: [(group: PeerGroup, sharedLabel: String?)] {
        let labels = ReportLabels(locale: locale)
        var order: [PeerGroup] = []
        var names: [PeerGroup: String] = [:]
        for municipality in comparison.municipalities {
            for reference in municipality.references {
                let group = reference.summary.group.group
                if names[group] == nil { order.append(group) }
                names[group] = labels.summaryName(reference.summary)
            }
        }
        return order.map { group in
            switch group {
            case .builtIn(.national), .userRegion, .sharing: (group, names[group])
            case .builtIn, .peers: (group, nil)
            }
        }
    }
}
