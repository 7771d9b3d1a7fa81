import Foundation

/// The form in which names are compared: case and accents folded, punctuation and spaces collapsed, so that
/// `'s-Hertogenbosch`, `s hertogenbosch` and `S-HERTOGENBOSCH` meet, and `Súdwest-Fryslân` matches `sudwest fryslan`.
package enum NameKey {
    package static func make(_ text: String) -> String {
        // Names are plain ASCII or Latin letters with accents (Súdwest-Fryslân), for which folding is lower case
        // without the accent and alphanumerics are [a-z0-9]: done by hand, since Foundation's folding (and the locale
        // it loads the first time) made building the directory (≈ 2 000 names, every command) a tenth of a warm
        // `compare`. Any other character takes Foundation's way.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let letter: UInt8
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                letter = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                guard (0x61...0x7A).contains(letter) || (0x30...0x39).contains(letter) else {
                    pendingSpace = true
                    continue
                }
            } else if let base = accented[scalar.value] {
                letter = base
            } else {
                return folded(text)
            }
            if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(letter)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Latin-1 letters with an accent → their letter without it, in lower case (as Foundation folds them; tested
    /// letter by letter).
    package static let accented: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        let letters: [(String, Character)] = [
            ("àáâãäåÀÁÂÃÄÅ", "a"), ("çÇ", "c"), ("èéêëÈÉÊË", "e"), ("ìíîïÌÍÎÏ", "i"), ("ñÑ", "n"),
            ("òóôõöÒÓÔÕÖ", "o"), ("ùúûüÙÚÛÜ", "u"), ("ýÿÝ", "y"),
        ]
        for (accented, base) in letters {
            for scalar in accented.unicodeScalars { table[scalar.value] = base.asciiValue! }
        }
        return table
    }()

    /// The general rule, for any text: Foundation's case and accent folding, then runs of anything but letters and
    /// digits become one space.
    package static func folded(_ text: String) -> String {
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
