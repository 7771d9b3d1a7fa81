public import MaatstafCore

/// A message that could not be sent (a webhook or an e-mail): the address it was for and what the server or curl
/// said. The monitor reports it, keeps what it would have said, and tries again at the next run.
public struct SendError: MaatstafError {
    public let subject: String
    public let reason: LocalizedText
    public let hint: Advice

    public init(subject: String, reason: LocalizedText, hint: Advice = .none) {
        self.subject = subject
        self.reason = reason
        self.hint = hint
    }

    public var category: ErrorCategory { .network }
}
