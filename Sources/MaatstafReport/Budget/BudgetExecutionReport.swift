public import MaatstafCompare
public import MaatstafCore
import MaatstafModel

/// Accounts against budget written out: text and Markdown for a council memo, CSV for Excel. JSON is
/// `BudgetExecutionJSON`.
public struct BudgetExecutionReport: TabularResult, Sendable {
    public let execution: BudgetExecution
    public let locale: ReportLocale

    public init(_ execution: BudgetExecution, locale: ReportLocale) {
        self.execution = execution
        self.locale = locale
    }

    private var nl: Bool { locale == .nl }
    private var style: ValueStyle { ValueStyle(indicator: execution.indicator, locale: locale) }

    public var heading: String {
        let indicator = execution.indicator
        return "\(indicator.title.text(locale)) (\(indicator.id)) — "
            + (nl
                ? "jaarrekening tegenover begroting \(execution.year), \(indicator.unit.text(locale))"
                : "\(execution.year) accounts against budget, \(indicator.unit.text(locale))")
    }

    func label(_ group: ResolvedPeerGroup) -> String { ReportLabels(locale: locale).groupName(group) }

    public var table: Table {
        let format = NumberFormat(locale: locale)
        let wording = NoteWording(locale: locale)
        var table = Table(columns: [
            .init(nl ? "gemeente of groep" : "municipality or group"),
            .init(nl ? "begroting" : "budget", .right), .init(nl ? "jaarrekening" : "accounts", .right),
            .init(nl ? "verschil" : "difference", .right), .init("%", .right), .init("n", .right),
        ])
        let groups = Dictionary(uniqueKeysWithValues: execution.groups.map { ($0.group.key, $0) })
        for entry in execution.municipalities {
            let figures = entry.figures
            table.rows.append([
                entry.municipality.name,
                figures.budget.map { style.value($0) } ?? entry.budgetStatus.map(wording.status) ?? "–",
                figures.accounts.map { style.value($0) } ?? entry.accountsStatus.map(wording.status) ?? "–",
                style.difference(figures.difference), figures.differencePercent.map { format.percent($0) } ?? "–", "",
            ])
            for key in entry.groupKeys {
                guard let group = groups[key] else { continue }
                table.rows.append([
                    "  " + label(group.group), style.value(group.figures.budget), style.value(group.figures.accounts),
                    style.difference(group.figures.difference),
                    group.figures.differencePercent.map { format.percent($0) } ?? "–",
                    String(group.counted.count) + (group.leftOut.isEmpty ? "" : "*"),
                ])
            }
        }
        table.notes = notes
        return table
    }

    /// What the columns mean, who is left out of which group, the engine's notes, sources and credit.
    public var notes: [String] {
        let wording = NoteWording(locale: locale)
        var notes: [String] = [
            nl
                ? "Verschil: jaarrekening − begroting (+ = meer uitgegeven dan begroot); % van de begroting. Een groep telt over de gemeenten met een waarde in beide documenten (n), zodat het verschil over dezelfde gemeenten gaat."
                : "Difference: accounts − budget (+ = spent more than budgeted); % of the budget. A group counts the municipalities with a value in both documents (n), so its difference is over the same municipalities."
        ]
        for group in execution.groups where !group.leftOut.isEmpty {
            notes.append(
                "* " + label(group.group) + ": "
                    + (nl
                        ? "\(group.counted.count) van \(group.group.members.count) gemeenten tellen mee; niet meegeteld (geen waarde in begroting of jaarrekening): \(group.leftOut.count)."
                        : "\(group.counted.count) of \(group.group.members.count) municipalities counted; left out (no value in the budget or the accounts): \(group.leftOut.count).")
            )
        }
        var seen: Set<String> = []
        for kind in [Iv3DocumentKind.begroting, .jaarrekening] {
            for note in execution.notes[kind] ?? [] {
                let text: String
                switch note {
                case .definitionDiffers: continue  // the budget and accounts of one year share a layout
                case .notBooked, .reportedZero:  // these name no document
                    text = wording.document(kind, execution.year).capitalizedFirst + ": " + wording.note(note)
                default: text = wording.note(note)
                }
                if seen.insert(text).inserted { notes.append(text) }
            }
        }
        for text in (execution.budget.sources + execution.accounts.sources).map(wording.source)
        where seen.insert(text).inserted {
            notes.append(text)
        }
        notes.append(Attribution.cbs + ".")
        return notes
    }

    public func renderText() -> String { heading + "\n\n" + table.renderText() }

    public func renderMarkdown() -> String { "### " + heading + "\n\n" + table.renderMarkdown() }

    /// One row per municipality and per group, typed for CSV and xlsx.
    public var dataTable: DataTable {
        let value: DataTable.Kind = style.isMoney ? .money : .number(decimals: 2)
        var table = DataTable(
            name: nl ? "Uitvoering" : "Execution",
            columns: [
                .init("indicator"), .init("year", .count), .init("kind"), .init("code"), .init("name"),
                .init("budget", value), .init("accounts", value), .init("difference", value),
                .init("difference_percent", .percent(decimals: 1)), .init("budget_status"), .init("accounts_status"),
                .init("counted", .count), .init("left_out", .count),
            ])
        let id = execution.indicator.id
        for entry in execution.municipalities {
            let f = entry.figures
            table.rows.append([
                .text(id), .whole(execution.year), .text("municipality"), .text(entry.municipality.code),
                .text(entry.municipality.name), .value(f.budget), .value(f.accounts), .value(f.difference),
                .value(f.differencePercent), .text(entry.budgetStatus.map(CompareReport.statusCode) ?? "ok"),
                .text(entry.accountsStatus.map(CompareReport.statusCode) ?? "ok"), .empty, .empty,
            ])
        }
        for group in execution.groups {
            let f = group.figures
            table.rows.append([
                .text(id), .whole(execution.year), .text(ReferenceKind.of(group.group.group)),
                .text(ReferenceKind.code(of: group.group) ?? ""), .text(group.group.label), .value(f.budget),
                .value(f.accounts), .value(f.difference), .value(f.differencePercent), .empty, .empty,
                .whole(group.counted.count), .whole(group.leftOut.count),
            ])
        }
        return table
    }

    public var dataTables: [DataTable] { [dataTable] }
    public var sheetNotes: [String] { [heading] + table.notes }
    public func renderJSON() throws -> String { try BudgetExecutionJSON(execution, locale: locale).encoded() }
}

extension String {
    /// The text with its first letter upper case (`begroting 2023` → `Begroting 2023`), to open a sentence.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
