import Foundation
public import MaatstafCore

/// A source file or response that cannot be read as what it claims to be, with the place and what to do.
public struct SourceError: MaatstafError {
    /// The file path or URL.
    public let subject: String
    /// 1-based line, when the problem is on one line.
    public let line: Int?
    public let reason: LocalizedText
    public let hint: Advice

    public init(subject: String, line: Int? = nil, reason: LocalizedText, hint: Advice) {
        self.subject = subject
        self.line = line
        self.reason = reason
        self.hint = hint
    }

    public var place: String { line.map { "\(subject):\($0)" } ?? subject }

    public var category: ErrorCategory { .badInput }
}
