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
                .invalidTraitsFile, subject: url.path, reason: "cannot be read as UTF-8 text",
                hint: "Check the path of the traits file")
        }
        return try parse(text, file: url.path, indicators: indicators)
    }

    public static func parse(_ text: String, file: String, indicators: IndicatorCatalog) throws -> PeerSettings {
        var reader = YAMLReader(file: file)
        guard let root = reader.root(text, whenEmpty: "is empty; it needs a list under \"traits\""),
            let mapping = reader.mapping(root, allowed: topKeys, otherwise: "must be a mapping with a list under \"traits\"")
        else { throw error(reader.problems) }
        var count = 15
        if let node = mapping["count"] {
            if let value = node.scalar.flatMap({ Int($0.string) }), (1...100).contains(value) {
                count = value
            } else {
                reader.problem(node, "\"count\" must be a whole number from 1 to 100")
            }
        }
        var sameProvince = false
        if let node = mapping["same-province"] {
            switch node.scalar?.string.lowercased() {
            case "true", "yes": sameProvince = true
            case "false", "no": sameProvince = false
            default: reader.problem(node, "\"same-province\" must be true or false")
            }
        }
        var traits: [WeightedTrait] = []
        let entries = mapping["traits"]?.sequence ?? []
        if entries.isEmpty { reader.problem(mapping["traits"] ?? root, "\"traits\" must be a non-empty list") }
        for entry in entries {
            var name: String?
            var weight = 1.0
            if let scalar = entry.scalar {
                name = scalar.string
            } else if let item = reader.mapping(entry, allowed: traitKeys, otherwise: "a trait is a name or a mapping with \"trait\" and \"weight\"") {
                name = reader.text(item, "trait", required: true, owner: entry)
                if let node = item["weight"] {
                    if let value = node.scalar.flatMap({ Double($0.string) }), value.isFinite, value > 0 {
                        weight = value
                    } else {
                        reader.problem(node, "\"weight\" must be a number above 0, like 1 or 0.5")
                    }
                }
            }
            guard let name else { continue }
            let trait = Trait(parsing: name)
            if case .indicator(let id) = trait, (try? indicators.indicator(id)) == nil {
                reader.problem(
                    entry,
                    "\"\(name)\" is neither a trait (population, density, urbanity, centre-function, social-structure) nor a known indicator")
                continue
            }
            if traits.contains(where: { $0.trait == trait }) {
                reader.problem(entry, "\"\(name)\" is listed twice")
                continue
            }
            traits.append(WeightedTrait(trait, weight: weight))
        }
        guard reader.problems.isEmpty else { throw error(reader.problems) }
        return PeerSettings(traits: traits, count: count, sameProvince: sameProvince, file: file)
    }

    static func error(_ problems: [YAMLReader.Problem]) -> ModelError {
        let first = problems[0]
        let more = problems.count > 1 ? " (\(problems.count - 1) more problem(s) in the file)" : ""
        return ModelError(
            .invalidTraitsFile, subject: first.location, reason: first.message + more,
            hint: "Fix the file (format: docs/peers.md)")
    }
}
