import Foundation

/// What a test server needs to answer a CBS `$filter` as CBS does: `(A eq 'x' or A eq 'y') and (B eq 'z')` →
/// A: {x, y}, B: {z}, keys exactly as written (padding included, `''` read as `'`). Only the form maatstaf sends.
public enum ODataFilterClauses {
    public static func parse(_ filter: String) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for clause in filter.components(separatedBy: ") and (") {
            for term in clause.trimmingCharacters(in: CharacterSet(charactersIn: "()")).components(separatedBy: " or ") {
                let parts = term.components(separatedBy: " eq '")
                guard parts.count == 2, parts[1].hasSuffix("'") else { continue }
                result[parts[0], default: []].insert(String(parts[1].dropLast()).replacingOccurrences(of: "''", with: "'"))
            }
        }
        return result
    }

    /// The rows a filter keeps: every clause's key holds one of its codes.
    public static func keep(_ row: [String: Any], _ clauses: [String: Set<String>]) -> Bool {
        clauses.allSatisfy { key, codes in codes.contains(row[key] as? String ?? "") }
    }
}
