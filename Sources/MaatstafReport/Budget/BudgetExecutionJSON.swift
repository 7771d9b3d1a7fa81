public import MaatstafCompare
public import MaatstafCore
import MaatstafModel

/// The JSON contract `maatstaf.budget/1` (docs/budget-json.md): per municipality and group the budgeted and the
/// actual value, the difference and its percentage; `null` where there is none, with the status saying why.
public struct BudgetExecutionJSON: Encodable, Sendable {
    public static let schema = "maatstaf.budget/1"

    struct Figures: Encodable, Sendable {
        var budget: Nullable<Double>
        var accounts: Nullable<Double>
        var difference: Nullable<Double>
        var differencePercent: Nullable<Double>

        init(_ figures: BudgetExecution.Figures) {
            budget = Nullable(figures.budget)
            accounts = Nullable(figures.accounts)
            difference = Nullable(figures.difference)
            differencePercent = Nullable(figures.differencePercent)
        }
    }
    struct Entry: Encodable, Sendable {
        var code: String
        var name: String
        var figures: Figures
        /// `ok` or why there is no value, as in `maatstaf.compare/3`.
        var budgetStatus: String
        var accountsStatus: String
        /// Keys into `groups`, in the order asked.
        var groups: [String]
    }
    struct Group: Encodable, Sendable {
        var key: String
        var kind: String
        var code: Nullable<String>
        var name: String
        var figures: Figures
        /// Members with a value in both documents; the rates are over these.
        var counted: Int
        var leftOut: Int
    }

    var schema = BudgetExecutionJSON.schema
    var indicator: String
    var year: Int
    var municipalities: [Entry]
    var groups: [Group]
    var notes: [String]

    public init(_ execution: BudgetExecution, locale: ReportLocale) {
        indicator = execution.indicator.id
        year = execution.year
        municipalities = execution.municipalities.map {
            Entry(
                code: $0.municipality.code, name: $0.municipality.name, figures: Figures($0.figures),
                budgetStatus: $0.budgetStatus.map(CompareReport.statusCode) ?? "ok",
                accountsStatus: $0.accountsStatus.map(CompareReport.statusCode) ?? "ok", groups: $0.groupKeys)
        }
        groups = execution.groups.map {
            Group(
                key: $0.group.key, kind: ReferenceKind.of($0.group.group), code: Nullable(ReferenceKind.code(of: $0.group)),
                name: $0.group.label, figures: Figures($0.figures), counted: $0.counted.count, leftOut: $0.leftOut.count)
        }
        notes = BudgetExecutionReport(execution, locale: locale).notes
    }

    public func encoded() throws -> String { try JSONOutput.encode(self) }
}
