import MaatstafCore

/// A CBS table a command reads from the store that has not been fetched: exit 70 ("not fetched yet"), as the README
/// documents, not 64 (the command line itself is right).
struct TableNotStored: MaatstafError {
    var table: String
    var stored: [String]

    var subject: String { table }
    var reason: LocalizedText {
        .en(
            "is not in the store (table ids are case-sensitive)",
            nl: "staat niet in de opslag (hoofdletters in tabelcodes tellen)")
    }
    var hint: Advice {
        stored.isEmpty
            ? .en("Fetch it with \(action: .fetchTable(table))", nl: "Haal haar op met \(action: .fetchTable(table))")
            : .en(
                "Fetch it with \(action: .fetchTable(table)); stored: \(stored.joined(separator: ", "))",
                nl: "Haal haar op met \(action: .fetchTable(table)); opgeslagen: \(stored.joined(separator: ", "))")
    }
    var category: ErrorCategory { .notAvailable }
}
