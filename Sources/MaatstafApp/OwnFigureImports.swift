public import MaatstafCore
public import MaatstafStore

/// A municipality's imported own figures, as `import` stores them and `imports` lists and removes them: the use
/// cases over the store, so the commands only read files and print.
public struct OwnFigureImports: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Every import, oldest first.
    public func list() throws -> [OwnImportRecord] { try store.ownImports() }

    /// Stores one file's figures, in one transaction; `definitions` from an exchange file. A changed file of a name
    /// imported before adds its new figures unless `replace` (`Store.importOwnFigures`).
    public func add(
        _ figures: [OwnFigureRecord], name: String, path: String, sha256: String, decimal: String,
        definitions: [OwnDefinitionRecord] = [], replace: Bool = false
    ) throws -> OwnImportOutcome {
        try store.importOwnFigures(
            figures, name: name, path: path, sha256: sha256, decimal: decimal, definitions: definitions, replace: replace)
    }

    /// Removes an import and its figures; an unknown name is an error naming the imports there are.
    public func remove(_ name: String) throws {
        guard try store.removeOwnImport(name: name) else {
            throw UnknownImport(name: name, known: try store.ownImports().map(\.name))
        }
    }
}

/// `imports --remove NAME` for a name that was never imported (exit 65).
public struct UnknownImport: MaatstafError {
    public var name: String
    public var known: [String]
    public var subject: String { name }
    public var reason: LocalizedText { .en("is not an import", nl: "is geen import") }
    public var hint: Advice {
        known.isEmpty
            ? .en("There are no imports", nl: "Er zijn geen imports")
            : .en("Imports: \(known.joined(separator: ", "))", nl: "Imports: \(known.joined(separator: ", "))")
    }
    public var category: ErrorCategory { .badInput }
}
