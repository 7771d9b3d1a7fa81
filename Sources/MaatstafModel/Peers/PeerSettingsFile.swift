public import Foundation
public import MaatstafCore
import Yams

/// Reads a traits file for `maatstaf peers` and `--against peers`: which traits, how heavily each weighs, how many
/// neighbours, and whether only within the province. Every problem names its line.
///
/// ```yaml
/// count: 15                 # optional, 1–100 (default 15)
/// same-province: false      # optional
/// traits:
///   - population            # weight 1
///   - trait: density
///     weight: 2
///   - trait: bevolking.65-plus-pct   # any indicator id
///     weight: 0.5
/// ```
public enum PeerSettingsFile {
    static let topKeys: Set<String> = ["count", "same-province", "traits"]
    static let traitKeys: Set<String> = ["trait", "weight"]

    public static func read(_ url: URL, indicators: IndicatorCatalog) throws -> PeerSettings {
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw ModelError(
                .invalidTraitsFile, subject: url.path,
                reason: .en("cannot be read as UTF-8 text", nl: "is niet te lezen als UTF-8-tekst"),
                hint: .en("Check the path of the traits file", nl: "Controleer het pad van het kenmerkenbestand"))
        }
        return try parse(text, file: url.path, indicators: indicators)
    }

    public static func parse(_ text: String, file: String, indicators: IndicatorCatalog) throws -> PeerSettings {
        var reader = YAMLReader(file: file)
        guard
            let root = reader.root(
                text,
                whenEmpty: .en("is empty; it needs a list under \"traits\"", nl: "is leeg; er hoort een lijst onder \"traits\"")),
            let mapping = reader.mapping(
                root, allowed: topKeys,
                otherwise: .en(
                    "must be a mapping with a list under \"traits\"", nl: "moet een mapping zijn met een lijst onder \"traits\""))
        else { throw error(reader.problems) }
        var count = 15
        if let node = mapping["count"] {
            if let value = node.scalar.flatMap({ Int($0.string) }), (1...100).contains(value) {
                count = value
            } else {
                reader.problem(
                    node,
                    .en(
                        "\"count\" must be a whole number from 1 to 100", nl: "\"count\" moet een geheel getal van 1 tot 100 zijn"
                    ))
            }
        }
        var sameProvince = false
        if let node = mapping["same-province"] {
            switch node.scalar?.string.lowercased() {
            case "true", "yes": sameProvince = true
            case "false", "no": sameProvince = false
            default:
                reader.problem(
                    node, .en("\"same-province\" must be true or false", nl: "\"same-province\" moet true of false zijn"))
            }
        }
        var traits: [WeightedTrait] = []
        let entries = mapping["traits"]?.sequence ?? []
        if entries.isEmpty {
            reader.problem(
                mapping["traits"] ?? root,
                .en("\"traits\" must be a non-empty list", nl: "\"traits\" moet een niet-lege lijst zijn"))
        }
        for entry in entries {
            var name: String?
            var weight = 1.0
            if let scalar = entry.scalar {
                name = scalar.string
            } else if let item = reader.mapping(
                entry, allowed: traitKeys,
                otherwise: .en(
                    "a trait is a name or a mapping with \"trait\" and \"weight\"",
                    nl: "een kenmerk is een naam of een mapping met \"trait\" en \"weight\""))
            {
                name = reader.text(item, "trait", required: true, owner: entry)
                if let node = item["weight"] {
                    if let value = node.scalar.flatMap({ Double($0.string) }), value.isFinite, value > 0 {
                        weight = value
                    } else {
                        reader.problem(
                            node,
                            .en(
                                "\"weight\" must be a number above 0, like 1 or 0.5",
                                nl: "\"weight\" moet een getal boven 0 zijn, zoals 1 of 0.5"))
                    }
                }
            }
            guard let name else { continue }
            let trait = Trait(parsing: name)
            if case .indicator(let id) = trait, (try? indicators.indicator(id)) == nil {
                reader.problem(
                    entry,
                    .en(
                        "\"\(name)\" is neither a trait (population, density, urbanity, centre-function, social-structure) nor a known indicator",
                        nl:
                            "\"\(name)\" is geen kenmerk (population, density, urbanity, centre-function, social-structure) en geen bekende indicator"
                    ))
                continue
            }
            if traits.contains(where: { $0.trait == trait }) {
                reader.problem(entry, .en("\"\(name)\" is listed twice", nl: "\"\(name)\" staat er twee keer"))
                continue
            }
            traits.append(WeightedTrait(trait, weight: weight))
        }
        guard reader.problems.isEmpty else { throw error(reader.problems) }
        return PeerSettings(traits: traits, count: count, sameProvince: sameProvince, file: file)
    }

    static func error(_ problems: [YAMLReader.Problem]) -> ModelError {
        let first = problems[0]
        return ModelError(
            .invalidTraitsFile, subject: first.location,
            reason: YAMLReader.first(problems, more: .en("in the file", nl: "in het bestand")),
            hint: .en("Fix the file (format: docs/peers.md)", nl: "Verbeter het bestand (indeling: docs/peers.md)"))
    }
}
