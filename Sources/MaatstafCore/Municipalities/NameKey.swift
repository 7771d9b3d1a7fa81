import Foundation

/// The form in which names are compared: case and accents folded, punctuation and spaces collapsed, so that
/// `'s-Hertogenbosch`, `s hertogenbosch` and `S-HERTOGENBOSCH` meet, and `Súdwest-Fryslân` matches `sudwest fryslan`.
package enum NameKey {
    package static func make(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var key = ""
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                if pendingSpace && !key.isEmpty { key.append(" ") }
                pendingSpace = false
                key.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return key
    }

    /// The name without a disambiguating suffix: `Beek (L.)` → `Beek`, `Hengelo (O.)` → `Hengelo`.
    package static func withoutSuffix(_ name: String) -> String? {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return nil }
        let base = name[..<open].trimmingCharacters(in: .whitespaces)
        return base.isEmpty ? nil : base
    }

    /// Edit distance between two keys, for "did you mean".
    package static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
