public import MaatstafCore

/// The credit CBS's licence (CC BY 4.0) asks for, printed under every output that shows CBS figures.
public enum Attribution {
    public static let cbs = "Bron: CBS (CC BY 4.0)"

    /// The CBS credit for an output built on `sources`; nil when every figure shown comes from
    /// imported own figures (their files are credited by name instead — crediting CBS for them would be wrong).
    public static func credit(for sources: [SourceReference]) -> String? {
        !sources.isEmpty && sources.allSatisfy({ $0.ownImport != nil }) ? nil : cbs
    }
}
