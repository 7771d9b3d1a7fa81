/// What must be fetched from CBS before an indicator can be computed: a table, whole or in part.
///
/// A value, not a command line: the CLI writes it as `maatstaf fetch …` for its user, a report as what that user must
/// run; nothing below the CLI knows the command's syntax.
public struct FetchRequest: Sendable, Hashable {
    public var table: String
    /// Only these years; nil for the whole table.
    public var years: ClosedRange<Int>?
    /// Only these topics (keys or stems); empty for every topic.
    public var topics: [String]
    /// Only these codes of the table's other dimensions; empty for every code.
    public var selection: [String: [String]]

    public init(table: String, years: ClosedRange<Int>? = nil, topics: [String] = [], selection: [String: [String]] = [:]) {
        self.table = table
        self.years = years
        self.topics = topics
        self.selection = selection
    }
}
