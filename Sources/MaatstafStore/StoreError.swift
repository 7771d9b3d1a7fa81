import Foundation
public import MaatstafCore

/// The store cannot be opened, migrated, loaded or read; names the file and what to do.
public struct StoreError: MaatstafError {
    public enum Kind: Sendable, Equatable {
        /// The database file cannot be opened or written (permissions, disk full, not a database).
        case io
        /// An embedded snapshot file is missing or differs from its recorded checksum.
        case snapshotDamaged
        /// An embedded snapshot file holds something maatstaf cannot place (e.g. an unknown municipality name).
        case snapshotInvalid
        /// Stored data cannot be read back (a damaged column of a fetched table); fetching it again repairs it.
        case corrupt
        /// The store file is damaged (SQLite's check fails, or a row no longer matches its checksum): no number is
        /// read from it. The next run moves it aside and builds a new one from the snapshot.
        case damaged
        /// Another maatstaf process holds the store; waiting is the remedy, not deleting anything.
        case locked
        /// What a user asks to store contradicts what the store holds (an own figure another file already gives).
        case conflict
    }

    public let kind: Kind
    public let subject: String
    public let reason: LocalizedText
    public let hint: Advice

    public init(_ kind: Kind, subject: String, reason: LocalizedText, hint: Advice) {
        self.kind = kind
        self.subject = subject
        self.reason = reason
        self.hint = hint
    }

    public var category: ErrorCategory {
        switch kind {
        case .io, .damaged, .locked: .io
        case .snapshotDamaged, .snapshotInvalid, .corrupt, .conflict: .badInput
        }
    }
}
