public import MaatstafCore

/// A CBS table a command reads from the store that has not been fetched: exit 70 ("not fetched yet"), as the README
/// documents, not 64 (the command line itself is right).
public struct TableNotStored: MaatstafError {
    public var table: String
    public var stored: [String]

    public init(table: String, stored: [String]) {
        self.table = table
        self.stored = stored
    }

    public var subject: String { table }
    public var reason: LocalizedText {
        .en(
            "is not in the store (table ids are case-sensitive)",
            nl: "staat niet in de opslag (hoofdletters in tabelcodes tellen)")
    }
    public var hint: Advice {
        stored.isEmpty
            ? .en("Fetch it with \(action: .fetchTable(table))", nl: "Haal haar op met \(action: .fetchTable(table))")
            : .en(
                "Fetch it with \(action: .fetchTable(table)); stored: \(stored.joined(separator: ", "))",
                nl: "Haal haar op met \(action: .fetchTable(table)); opgeslagen: \(stored.joined(separator: ", "))")
    }
    public var category: ErrorCategory { .notAvailable }
}
