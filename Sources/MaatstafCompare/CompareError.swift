public import MaatstafCore

/// A comparison that cannot be made as asked, with what to do instead.
public struct CompareError: MaatstafError {
    public enum Kind: Sendable, Equatable {
        /// The indicator has no definition or data for that year.
        case yearNotAvailable
        /// The indicator needs a CBS table that is not in the store.
        case tableNotFetched
        /// The municipality did not exist, or has no data, in that year.
        case municipalityNotAvailable
        /// The indicator's definition does not fit the fetched table (a topic, dimension or code it lacks).
        case definitionMismatch
    }

    public let kind: Kind
    public let subject: String
    public let reason: String
    public let hint: Advice
    /// What to fetch to mend it (a table not fetched, or a stored part that lacks codes or years); the CLI words it
    /// as commands.
    public let fetch: [FetchRequest]

    public init(_ kind: Kind, subject: String, reason: String, hint: Advice, fetch: [FetchRequest] = []) {
        self.kind = kind
        self.subject = subject
        self.reason = reason
        self.hint = hint
        self.fetch = fetch
    }

    public var category: ErrorCategory { kind == .tableNotFetched ? .notAvailable : .badInput }
}
