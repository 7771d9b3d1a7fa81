/// What every error maatstaf reports carries: what it is about, what happened, and what the user can do.
///
/// Each module has its own error type with the kinds that module knows; they share this shape, so the CLI says every
/// one of them the same way, in one line, and picks the exit code from `category`. Nothing below the CLI prints an
/// error or exits.
public protocol MaatstafError: Error, Sendable, CustomStringConvertible {
    /// The input the error is about: a URL, a file (with its line), a municipality, an indicator.
    var subject: String { get }
    /// What happened, in one sentence, in English and Dutch (the edge says it in the reader's language).
    var reason: LocalizedText { get }
    /// What the user can do next; may be empty. A value, so that only the edge spells options and commands.
    var hint: Advice { get }
    /// Where it happened: the subject, with a line when the error knows one.
    var place: String { get }
    /// What kind of failure it is, for the exit code.
    var category: ErrorCategory { get }
}

/// The kinds of failure a user or a script must tell apart (each has its own exit code in the CLI).
public enum ErrorCategory: Sendable, Equatable {
    /// The input is wrong: an unknown name, an invalid file or URL, a definition that cannot be computed.
    case badInput
    /// The network or the server failed.
    case network
    /// Not available offline, or not fetched yet.
    case notAvailable
    /// The cache, the store or an output file cannot be read or written.
    case io
}

extension MaatstafError {
    public var place: String { subject }

    /// The one-line message in the reader's language, with the hint as the edge spells it.
    public func message(_ locale: ReportLocale, hint rendered: String) -> String {
        "\(place): \(reason.text(locale))." + (rendered.isEmpty ? "" : " \(rendered)")
    }

    /// The message in English with the hint's neutral spelling (logs, tests); the CLI uses `message(_:hint:)`.
    public var description: String { message(.en, hint: hint.description) }
}
