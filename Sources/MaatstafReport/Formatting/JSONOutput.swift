import Foundation

/// maatstaf's one way of writing JSON for people and programs: `Codable`, keys sorted (the same on every run —
/// Foundation on Linux keeps no insertion order), slashes unescaped, indented, a final newline. A type whose missing
/// values must appear as `null` rather than be left out encodes them explicitly (`CompareJSON`). The CBS table export
/// alone writes its rows by hand, because it runs to hundreds of thousands of rows (`CBSTableExport.json`).
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
