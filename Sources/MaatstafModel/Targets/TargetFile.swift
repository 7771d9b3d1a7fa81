public import Foundation
public import MaatstafCore
import Yams

/// Reads a targets file (YAML) for `maatstaf report --targets`, checking every entry and naming the line of each
/// problem. The format, documented for users in `docs/targets.md`:
/// ```yaml
/// margin: 5                      # optional: default amber margin, percent of the target (default 5)
/// targets:
///   - municipality: Westervoort  # name or code
///     indicator: wmo.huishoudelijke-hulp
///     year: 2025
///     at-most: 95                # or at-least: …, or target: … for an indicator with a direction
///     margin: 10                 # optional, overrides the default
///     note: Coalition agreement 2022
/// ```
public enum TargetFile {
    public static let defaultMarginPercent = 5.0

    static let topKeys: Set<String> = ["margin", "targets"]
    static let entryKeys: Set<String> = ["municipality", "indicator", "year", "at-most", "at-least", "target", "margin", "note"]

    /// The targets of a file; throws one error listing every problem found.
    public static func read(_ url: URL, directory: MunicipalityDirectory, indicators: IndicatorCatalog) throws -> [Target] {
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw ModelError(
                .invalidTargetFile, subject: url.path, reason: "cannot be read as UTF-8 text",
                hint: "Check the path given to \(option: .targetsFile)")
        }
        return try parse(text, file: url.path, directory: directory, indicators: indicators)
    }

    public static func parse(
        _ text: String, file: String, directory: MunicipalityDirectory,
        indicators: IndicatorCatalog
    ) throws -> [Target] {
        var reader = YAMLReader(file: file)
        guard let root = reader.root(text, whenEmpty: "is empty; it needs a list under \"targets\""),
            let mapping = reader.mapping(root, allowed: topKeys, otherwise: "must be a mapping with a list under \"targets\"")
        else { throw error(reader.problems, file: file) }
        func percent(_ node: Node?) -> Double? {
            guard let node else { return nil }
            guard let value = node.scalar.flatMap({ Double($0.string) }), value >= 0, value.isFinite else {
                reader.problem(node, "\"margin\" must be a percentage of 0 or more, like 5")
                return nil
            }
            return value
        }
        let defaultMargin = percent(mapping["margin"]) ?? defaultMarginPercent
        guard let entries = mapping["targets"]?.sequence, !entries.isEmpty else {
            reader.problem(mapping["targets"] ?? root, "\"targets\" must be a non-empty list")
            throw error(reader.problems, file: file)
        }
        var targets: [Target] = []
        var seen: Set<String> = []
        for entry in entries {
            guard
                let fields = reader.mapping(
                    entry, allowed: entryKeys,
                    otherwise: "each target must be a mapping with municipality, indicator, year and at-most or at-least")
            else { continue }
            /// The named field looked up; a lookup that fails is a problem on that field's line.
            func resolved<Value>(_ key: String, _ lookup: (String) throws -> Value) throws -> Value? {
                guard let name = reader.text(fields, key, required: true, owner: entry) else { return nil }
                do {
                    return try lookup(name)
                } catch let error as ModelError {
                    reader.problem(
                        fields[key], "\(key) \"\(name)\" \(error.reason)" + (error.hint.plainText.map { ". \($0)" } ?? ""))
                }
                return nil
            }
            let municipality = try resolved("municipality", directory.resolve)
            let indicator = try resolved("indicator", indicators.indicator)
            let year = reader.year(fields, "year", required: true, owner: entry, example: 2025)
            let given = ["at-most", "at-least", "target"].filter { fields[$0] != nil }
            var bound: Target.Bound?
            var value: Double?
            if given.count != 1 {
                reader.problem(
                    entry,
                    given.isEmpty
                        ? "give the target as at-most: VALUE or at-least: VALUE"
                        : "give only one of \(given.joined(separator: ", "))")
            } else if let key = given.first, let node = fields[key] {
                if let parsed = node.scalar.flatMap({ Double($0.string.replacingOccurrences(of: ",", with: ".")) }),
                    parsed.isFinite
                {
                    value = parsed
                } else {
                    reader.problem(node, "\"\(key)\" must be a number, like 95 or 2.5")
                }
                switch key {
                case "at-most": bound = .atMost
                case "at-least": bound = .atLeast
                default:
                    switch indicator?.direction {
                    case .lowerIsBetter: bound = .atMost
                    case .higherIsBetter: bound = .atLeast
                    case .neither:
                        reader.problem(
                            node,
                            "indicator \(indicator?.id ?? "") has no better direction; write at-most: or at-least: instead of target:"
                        )
                    case nil: break
                    }
                }
            }
            let margin = fields["margin"] == nil ? defaultMargin : percent(fields["margin"])
            let note = fields["note"]?.scalar?.string ?? ""
            guard let municipality, let indicator, let year, let bound, let value, let margin else { continue }
            let key = "\(municipality.code)|\(indicator.id)|\(year)"
            if !seen.insert(key).inserted {
                reader.problem(entry, "a second target for \(municipality.name), \(indicator.id), \(year)")
                continue
            }
            targets.append(
                Target(
                    municipalityCode: municipality.code, indicatorID: indicator.id, year: year, value: value,
                    bound: bound, marginPercent: margin, note: note,
                    location: "\(file)\(entry.mark.map { ":\($0.line)" } ?? "")"))
        }
        guard reader.problems.isEmpty else { throw error(reader.problems, file: file) }
        return targets
    }

    private static func error(_ problems: [YAMLReader.Problem], file: String) -> ModelError {
        ModelError(
            .invalidTargetFile, subject: file,
            reason: "has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n  "
                + problems.map(\.described).joined(separator: "\n  "),
            hint: "\nFix them and run again (format: docs/targets.md)")
    }
}
