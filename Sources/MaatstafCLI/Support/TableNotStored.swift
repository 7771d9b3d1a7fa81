import MaatstafCore

/// A CBS table a command reads from the store that has not been fetched: exit 70 ("not fetched yet"), as the README
/// documents, not 64 (the command line itself is right).
struct TableNotStored: MaatstafError {
    var table: String
    var stored: [String]

    var subject: String { table }
    var reason: String { "is not in the store (table ids are case-sensitive)" }
    var hint: Advice {
        stored.isEmpty
            ? "Fetch it with \(action: .fetchTable(table))"
            : "Fetch it with \(action: .fetchTable(table)); stored: \(stored.joined(separator: ", "))"
    }
    var category: ErrorCategory { .notAvailable }
}
