import Foundation
public import MaatstafCore

/// A user's input cannot be matched to the model: an unknown or ambiguous municipality, a region file with an
/// error, an unknown peer group or year. Carries the closest candidates, so the message can say what was meant.
public struct ModelError: MaatstafError {
    public enum Kind: Sendable, Equatable {
        case unknownMunicipality
        case ambiguousMunicipality
        case invalidRegionFile
        case unknownPeerGroup
        case yearNotAvailable
        case unknownIndicator
        case invalidIndicatorFile
        case invalidTargetFile
        /// A mapping file for own figures that cannot be used.
        case invalidMappingFile
        /// A traits file for nearest neighbours that cannot be used.
        case invalidTraitsFile
        /// A monitor file (`maatstaf monitor`) that cannot be used.
        case invalidMonitorFile
    }

    public let kind: Kind
    /// What the user gave (a name, a file:line, a group id).
    public let subject: String
    public let reason: LocalizedText
    public let hint: Advice

    public init(_ kind: Kind, subject: String, reason: LocalizedText, hint: Advice) {
        self.kind = kind
        self.subject = subject
        self.reason = reason
        self.hint = hint
    }

    public var category: ErrorCategory { .badInput }
}
