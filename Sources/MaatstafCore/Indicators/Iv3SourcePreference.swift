/// Which copy of an Iv3 document is read when the embedded snapshot and a fetched CBS table both hold it.
///
/// A fetched table is the user's own, newer request to CBS, so it is read by default; the snapshot is the fixed,
/// checksummed copy a result can be reproduced from. Either way the output says which was read and that the other
/// exists.
public enum Iv3SourcePreference: String, Sendable, Hashable, CaseIterable {
    /// The fetched CBS table (`cbs`), else the snapshot.
    case fetched = "cbs"
    /// The embedded snapshot, else a fetched CBS table.
    case snapshot
}
