import Foundation
public import MaatstafCore
public import MaatstafStore

/// Finds the municipality a user means: by code (`GM0293`, `0293`, `293`) or by any name it is known by, in any
/// case, with or without accents and disambiguating suffixes (`Beek`, `Hengelo`, `Den Haag`, `Den Bosch`).
public struct MunicipalityDirectory: Sendable, Equatable {
    /// Every municipality, current and dissolved, by code.
    public let byCode: [String: Municipality]
    /// Name key → codes of the municipalities known by that name.
    let codesByKey: [String: Set<String>]
    /// Name key → a readable spelling of it, for suggestions.
    let spellingByKey: [String: String]

    /// From its parts as made before (a kept atlas, `MunicipalityAtlas+Kept`).
    init(byCode: [String: Municipality], codesByKey: [String: Set<String>], spellingByKey: [String: String]) {
        self.byCode = byCode
        self.codesByKey = codesByKey
        self.spellingByKey = spellingByKey
    }

    public init(store: Store) throws {
        let records = try store.municipalities()
        let names = try store.municipalityNames()
        self.init(municipalities: records.map(Municipality.init(record:)), names: names.map { ($0.name, $0.code) })
    }

    public init(municipalities: [Municipality], names: [(name: String, code: String)]) {
        var byCode: [String: Municipality] = [:]
        for municipality in municipalities { byCode[municipality.code] = municipality }
        var codesByKey: [String: Set<String>] = [:]
        var spellingByKey: [String: String] = [:]
        func add(_ name: String, _ code: String) {
            let key = NameKey.make(name)
            guard !key.isEmpty else { return }
            codesByKey[key, default: []].insert(code)
            if spellingByKey[key] == nil || byCode[code]?.name == name { spellingByKey[key] = name }
        }
        for municipality in municipalities { add(municipality.name, municipality.code) }
        for (name, code) in names where byCode[code] != nil { add(name, code) }
        for (code, nicknames) in MunicipalityNicknames.byCode where byCode[code] != nil {
            for nickname in nicknames { add(nickname, code) }
        }
        // Short forms: `Hengelo (O.)` is also `Hengelo`, unless another municipality has that name
        // (`Bergen (L.)` and `Bergen (NH.)` share the short form, which then asks which one).
        for municipality in municipalities {
            guard let short = NameKey.withoutSuffix(municipality.name) else { continue }
            let key = NameKey.make(short)
            let others = (codesByKey[key] ?? []).subtracting([municipality.code])
            if others.allSatisfy({ byCode[$0].map { NameKey.withoutSuffix($0.name) != nil } ?? true }) {
                add(short, municipality.code)
            }
        }
        self.byCode = byCode
        self.codesByKey = codesByKey
        self.spellingByKey = spellingByKey
    }

    public var current: [Municipality] {
        byCode.values.filter(\.isCurrent).sorted { $0.code < $1.code }
    }

    /// The municipality `text` names; an error listing the closest names when it names none or several.
    public func resolve(_ text: String) throws -> Municipality {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let code = Self.code(from: trimmed) {
            if let municipality = byCode[code] { return municipality }
            throw ModelError(
                .unknownMunicipality, subject: text,
                reason: .en("no municipality has code \(code)", nl: "geen gemeente heeft code \(code)"),
                hint: .en(
                    "Run \(action: .searchMunicipalities(placeholder: "NAME")) to find the code",
                    nl: "Zoek de code op met \(action: .searchMunicipalities(placeholder: "NAAM"))"))
        }
        let key = NameKey.make(trimmed)
        let codes = codesByKey[key] ?? []
        let candidates = codes.compactMap { byCode[$0] }
        let current = candidates.filter(\.isCurrent)
        if candidates.count == 1 { return candidates[0] }
        // A name shared by a current and a dissolved municipality means the current one.
        if current.count == 1 { return current[0] }
        if candidates.count > 1 {
            let list = candidates.sorted { $0.code < $1.code }.map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
            throw ModelError(
                .ambiguousMunicipality, subject: text,
                reason: .en("is ambiguous: \(list)", nl: "is niet eenduidig: \(list)"),
                hint: .en("Give the full name or the code", nl: "Geef de volledige naam of de code"))
        }
        let suggestions = closest(to: trimmed)
        let hint: Advice =
            suggestions.isEmpty
            ? .en(
                "Run \(action: .searchMunicipalities(placeholder: "TEXT")) to look it up",
                nl: "Zoek haar op met \(action: .searchMunicipalities(placeholder: "TEKST"))")
            : .en(
                "Did you mean: \(suggestions.joined(separator: ", "))?",
                nl: "Bedoelt u: \(suggestions.joined(separator: ", "))?")
        throw ModelError(
            .unknownMunicipality, subject: text, reason: .en("is not a known municipality", nl: "is geen bekende gemeente"),
            hint: hint)
    }

    /// Up to `limit` names closest to `text`: names that contain it first, then by edit distance.
    public func closest(to text: String, limit: Int = 5) -> [String] {
        let key = NameKey.make(text)
        guard !key.isEmpty else { return [] }
        let scored = spellingByKey.map { candidateKey, spelling -> (Int, String) in
            if candidateKey.hasPrefix(key) || key.hasPrefix(candidateKey) { return (0, spelling) }
            if candidateKey.contains(key) { return (1, spelling) }
            return (1 + NameKey.distance(key, candidateKey), spelling)
        }
        let threshold = max(3, key.count / 3) + 1
        return scored.filter { $0.0 <= threshold }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.1)
    }

    /// Municipalities whose name or code contains `text` (folded), for `maatstaf municipalities --search`.
    public func search(_ text: String) -> [Municipality] {
        let key = NameKey.make(text)
        if let code = Self.code(from: text.trimmingCharacters(in: .whitespaces)), let municipality = byCode[code] {
            return [municipality]
        }
        let codes = codesByKey.filter { $0.key.contains(key) }.flatMap(\.value)
        return Set(codes).compactMap { byCode[$0] }.sorted { $0.code < $1.code }
    }

    /// `GM0293`, `gm293`, `0293` and `293` all mean `GM0293`.
    static func code(from text: String) -> String? {
        var digits = Substring(text)
        if digits.uppercased().hasPrefix("GM") { digits = digits.dropFirst(2) }
        guard (1...4).contains(digits.count), digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return "GM" + String(repeating: "0", count: 4 - digits.count) + digits
    }
}

extension Municipality {
    init(record: MunicipalityRecord) {
        self.init(
            code: record.code, name: record.name, isCurrent: record.current, lastYear: record.lastYear,
            province: Region(code: record.provinceCode, name: record.province),
            corop: Region(code: record.coropCode, name: record.corop),
            labourMarketRegion: Region(code: record.amrCode, name: record.amr))
    }
}
