public import Foundation
import MaatstafCore

/// The structural traits of municipalities in the snapshot, read from two files:
/// - `sociale_structuur_centrumfunctie.tsv` (`Gemeenten`, `Centrumfunctie`, `Sociale structuur`): the gemeentefonds'
///   (BZK) classes, an ordered scale each; a blank cell is a municipality without that class (the four largest cities
///   have no centre-function class), kept as missing.
/// - CBS Kerncijfers wijken en buurten (85984NED) as a per-region extract: `{"GM0293": {"Bevolkingsdichtheid_34": 2160,
///   …}, "WK029300": …}`; only `GM` entries are read.
public enum MunicipalityTraitsFile {
    /// One municipality's classes as written (`Sterk`, `Goed`), by name.
    public struct ClassRow: Sendable, Equatable {
        public var line: Int
        public var name: String
        public var centreFunction: String?
        public var socialStructure: String?
    }

    /// The scales, lowest first: a class's position is its value as a trait.
    public static let centreFunctionScale = ["Zonder", "Weinig", "Redelijk", "Sterk"]
    public static let socialStructureScale = ["Zwak", "Matig", "Redelijk", "Goed"]

    public static func classes(data: Data, source: String) throws -> [ClassRow] {
        let table = try DelimitedText(data: data, separator: "\t", source: source)
        let columns = try ["Gemeenten", "Centrumfunctie", "Sociale structuur"].map { try table.column($0, in: source) }
        return try table.rows.map { row in
            func cell(_ index: Int, scale: [String]) throws -> String? {
                let text = row[columns[index]].trimmingCharacters(in: .whitespaces)
                if text.isEmpty { return nil }
                guard scale.contains(text) else {
                    throw SourceError(
                        subject: source, line: row.line,
                        reason: .en(
                            "\"\(text)\" is not one of \(scale.joined(separator: ", "))",
                            nl: "\"\(text)\" is niet een van \(scale.joined(separator: ", "))"),
                        hint: .en("Use the file as published", nl: "Gebruik het bestand zoals het gepubliceerd is"))
                }
                return text
            }
            return ClassRow(
                line: row.line, name: row[columns[0]], centreFunction: try cell(1, scale: centreFunctionScale),
                socialStructure: try cell(2, scale: socialStructureScale))
        }
    }

    /// Population density (inhabitants per km² land) per `GM` code; a null density is left out (missing, not 0).
    public static func densities(data: Data, source: String) throws -> [String: Double] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SourceError(
                subject: source, line: nil,
                reason: .en("is not a JSON object of regions", nl: "is geen JSON-object met regio's"),
                hint: .en("Use the file as published", nl: "Gebruik het bestand zoals het gepubliceerd is"))
        }
        var result: [String: Double] = [:]
        for (code, value) in object where code.hasPrefix("GM") {
            guard let topics = value as? [String: Any] else {
                throw SourceError(
                    subject: source, line: nil,
                    reason: .en(
                        "the entry of \(code) is not an object of topics",
                        nl: "het item van \(code) is geen object met onderwerpen"),
                    hint: .en("Use the file as published", nl: "Gebruik het bestand zoals het gepubliceerd is"))
            }
            guard topics.keys.contains("Bevolkingsdichtheid_34") else {
                throw SourceError(
                    subject: source, line: nil,
                    reason: .en(
                        "the entry of \(code) has no Bevolkingsdichtheid_34",
                        nl: "het item van \(code) heeft geen Bevolkingsdichtheid_34"),
                    hint: .en(
                        "CBS may have renamed the topic; maatstaf reads only that key",
                        nl: "CBS heeft het onderwerp misschien hernoemd; maatstaf leest alleen die sleutel"))
            }
            if let density = topics["Bevolkingsdichtheid_34"] as? NSNumber {
                guard density.doubleValue >= 0 else {
                    throw SourceError(
                        subject: source, line: nil,
                        reason: .en("the density of \(code) is negative", nl: "de dichtheid van \(code) is negatief"),
                        hint: .en("Use the file as published", nl: "Gebruik het bestand zoals het gepubliceerd is"))
                }
                result[code] = density.doubleValue
            }
        }
        return result
    }
}
