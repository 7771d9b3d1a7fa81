import Foundation
import MaatstafCore

/// The imports a rebuilt store no longer holds, kept beside it (`maatstaf.sqlite.lost-imports`) until each is imported
/// again: every run says which are missing, so a result without them is never taken for a complete one.
extension Store {
    static func lostImportsFile(_ path: String) -> String { path + ".lost-imports" }

    /// Adds `imports` to the list of what the store lost (a second rebuild adds to the first's).
    public func recordLost(_ imports: [LostImport]) {
        guard !imports.isEmpty else { return }
        var all = Self.readLost(path)
        for entry in imports where !all.contains(entry) { all.append(entry) }
        Self.writeLost(all, path)
    }

    /// What is still missing: the recorded imports the store does not hold again (an own-figures file of that name,
    /// a circulaire of that id). The list shrinks as they come back and goes when it is empty.
    public func lostImports() throws -> [LostImport] {
        let recorded = Self.readLost(path)
        guard !recorded.isEmpty else { return [] }
        let own = Set(try ownImports().map(\.name))
        let circulaires = Set(try fundCirculaires().map(\.id))
        let missing = recorded.filter { entry in
            entry.kind == "fund" ? !circulaires.contains(entry.name) : !own.contains(entry.name)
        }
        if missing != recorded { Self.writeLost(missing, path) }
        return missing
    }

    private static func readLost(_ path: String) -> [LostImport] {
        guard let data = FileManager.default.contents(atPath: lostImportsFile(path)) else { return [] }
        return (try? JSONDecoder().decode([LostImport].self, from: data)) ?? []
    }

    private static func writeLost(_ imports: [LostImport], _ path: String) {
        let file = lostImportsFile(path)
        guard !imports.isEmpty else {
            try? FileManager.default.removeItem(atPath: file)
            return
        }
        if let data = try? JSONEncoder().encode(imports) { try? data.write(to: URL(fileURLWithPath: file), options: .atomic) }
    }
}
