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
    public let reason: LocalizedText
    public let hint: Advice
    /// What to fetch to mend it (a table not fetched, or a stored part that lacks codes or years); the CLI words it
    /// as commands.
    public let fetch: [FetchRequest]
    /// For a table fetched filtered for other codes: the table and, per dimension, the codes its stored rows lack —
    /// the fact behind `reason`, for outputs that word it in the reader's language.
    public var partial: PartialTable?

    public struct PartialTable: Sendable, Hashable {
        public var table: String
        public var lacking: [Lacking]

        public struct Lacking: Sendable, Hashable {
            public var dimension: String
            public var codes: [String]
        }
    }

    public init(
        _ kind: Kind, subject: String, reason: LocalizedText, hint: Advice, fetch: [FetchRequest] = [],
        partial: PartialTable? = nil
    ) {
        self.kind = kind
        self.subject = subject
        self.reason = reason
        self.hint = hint
        self.fetch = fetch
        self.partial = partial
    }

    public var category: ErrorCategory { kind == .tableNotFetched ? .notAvailable : .badInput }
}
