import MaatstafCore

/// Input a command refuses, found by the command itself (exit 65): a file of own figures with problems, a fetched Iv3
/// table that contradicts the snapshot or is only part of a table, an Iv3 year the catalog does not list once.
/// Words for the user are the CLI's own here, so the hint may name options.
struct InputError: MaatstafError {
    var subject: String
    var reason: LocalizedText
    var hint: Advice

    init(subject: String, reason: LocalizedText, hint: Advice) {
        self.subject = subject
        self.reason = reason
        self.hint = hint
    }

    var category: ErrorCategory { .badInput }
}
