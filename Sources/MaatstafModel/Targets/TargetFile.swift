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

    static let topKeys: Set<String> = ["margin", "targets", "norms"]
    static let normKeys: Set<String> = [
        "municipality", "indicator", "above", "by-percent", "growth-percent", "above-max-of-months", "margin", "note",
        "worse-and-worsening", "periods",
    ]

    /// What a file holds: targets to work towards and norms that sound the alarm.
    public struct Contents: Sendable {
        public var targets: [Target]
        public var norms: [Norm]
    }
    static let entryKeys: Set<String> = ["municipality", "indicator", "year", "at-most", "at-least", "target", "margin", "note"]

    /// The targets of a file; throws one error listing every problem found.
    public static func read(_ url: URL, directory: MunicipalityDirectory, indicators: IndicatorCatalog) throws -> [Target] {
        try readAll(url, directory: directory, indicators: indicators).targets
    }

    public static func parse(
        _ text: String, file: String, directory: MunicipalityDirectory,
        indicators: IndicatorCatalog
    ) throws -> [Target] {
        try parseAll(text, file: file, directory: directory, indicators: indicators).targets
    }

    /// Targets and norms of a file (for `maatstaf check`).
    public static func readAll(_ url: URL, directory: MunicipalityDirectory, indicators: IndicatorCatalog) throws -> Contents {
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw ModelError(
                .invalidTargetFile, subject: url.path,
                reason: .en("cannot be read as UTF-8 text", nl: "is niet te lezen als UTF-8-tekst"),
                hint: .en("Check the path given to \(option: .targetsFile)", nl: "Controleer het pad bij \(option: .targetsFile)")
            )
        }
        return try parseAll(text, file: url.path, directory: directory, indicators: indicators)
    }

    public static func parseAll(
        _ text: String, file: String, directory: MunicipalityDirectory,
        indicators: IndicatorCatalog
    ) throws -> Contents {
        var reader = YAMLReader(file: file)
        guard
            let root = reader.root(
                text,
                whenEmpty: .en("is empty; it needs a list under \"targets\"", nl: "is leeg; er hoort een lijst onder \"targets\"")
            ),
            let mapping = reader.mapping(
                root, allowed: topKeys,
                otherwise: .en(
                    "must be a mapping with a list under \"targets\"", nl: "moet een mapping zijn met een lijst onder \"targets\""
                ))
        else { throw error(reader.problems, file: file) }
        func percent(_ node: Node?) -> Double? {
            guard let node else { return nil }
            // A margin is a band around the target: more than the target itself (100 %) is no target at all.
            guard let value = node.scalar.flatMap({ Double($0.string) }), value >= 0, value <= 100, value.isFinite else {
                reader.problem(
                    node,
                    .en(
                        "\"margin\" must be a percentage from 0 to 100, like 5",
                        nl: "\"margin\" moet een percentage van 0 tot en met 100 zijn, zoals 5"))
                return nil
            }
            return value
        }
        let defaultMargin = percent(mapping["margin"]) ?? defaultMarginPercent
        let entries = mapping["targets"]?.sequence ?? []
        let normEntries = mapping["norms"]?.sequence ?? []
        if entries.isEmpty && normEntries.isEmpty {
            reader.problem(
                mapping["targets"] ?? root,
                .en(
                    "\"targets\" (or \"norms\") must be a non-empty list",
                    nl: "\"targets\" (of \"norms\") moet een niet-lege lijst zijn"))
            throw error(reader.problems, file: file)
        }
        var targets: [Target] = []
        var seen: Set<String> = []
        for entry in entries {
            guard
                let fields = reader.mapping(
                    entry, allowed: entryKeys,
                    otherwise: .en(
                        "each target must be a mapping with municipality, indicator, year and at-most or at-least",
                        nl: "elke doelstelling moet een mapping zijn met municipality, indicator, year en at-most of at-least"))
            else { continue }
            let municipality = try resolved("municipality", in: fields, of: entry, reader: &reader, directory.resolve)
            let indicator = try resolved("indicator", in: fields, of: entry, reader: &reader, indicators.indicator)
            let year = reader.year(fields, "year", required: true, owner: entry, example: 2025)
            let given = ["at-most", "at-least", "target"].filter { fields[$0] != nil }
            var bound: Target.Bound?
            var value: Double?
            var relative: Target.Relative?
            if given.count != 1 {
                reader.problem(
                    entry,
                    given.isEmpty
                        ? .en(
                            "give the target as at-most: VALUE or at-least: VALUE",
                            nl: "geef de doelstelling als at-most: WAARDE of at-least: WAARDE")
                        : .en(
                            "give only one of \(given.joined(separator: ", "))",
                            nl: "geef maar één van \(given.joined(separator: ", "))"))
            } else if let key = given.first, let node = fields[key] {
                let text = node.scalar?.string ?? ""
                if let parsed = Double(text.replacingOccurrences(of: ",", with: ".")), parsed.isFinite {
                    value = parsed
                } else if let kind = PeerGroupKind(rawValue: text == "amr" ? "labour-market-region" : text) {
                    relative = .group(kind)
                    value = 0
                } else if let change = Self.change(text) {
                    relative = .change(percent: change.percent, from: change.from)
                    value = 0
                } else {
                    reader.problem(
                        node,
                        .en(
                            "\"\(key)\" must be a number (95, 2.5), a group (national, province, size-class …) or a change (-10% from 2019)",
                            nl:
                                "\"\(key)\" moet een getal zijn (95, 2.5), een groep (national, province, size-class …) of een verandering (-10% from 2019)"
                        )
                    )
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
                            .en(
                                "indicator \(indicator?.id ?? "") has no better direction; write at-most: or at-least: instead of target:",
                                nl:
                                    "indicator \(indicator?.id ?? "") heeft geen betere richting; schrijf at-most: of at-least: in plaats van target:"
                            )
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
                reader.problem(
                    entry,
                    .en(
                        "a second target for \(municipality.name), \(indicator.id), \(year)",
                        nl: "een tweede doelstelling voor \(municipality.name), \(indicator.id), \(year)"))
                continue
            }
            targets.append(
                Target(
                    municipalityCode: municipality.code, indicatorID: indicator.id, year: year, value: value,
                    bound: bound, marginPercent: margin, note: note,
                    location: "\(file)\(entry.mark.map { ":\($0.line)" } ?? "")", relative: relative))
        }
        var norms: [Norm] = []
        for entry in normEntries {
            guard
                let fields = reader.mapping(
                    entry, allowed: normKeys,
                    otherwise: .en(
                        "each norm must be a mapping with municipality, indicator and above/by-percent or growth-percent",
                        nl: "elke norm moet een mapping zijn met municipality, indicator en above/by-percent of growth-percent"))
            else { continue }
            let municipality = try resolved("municipality", in: fields, of: entry, reader: &reader, directory.resolve)
            let indicator = try resolved("indicator", in: fields, of: entry, reader: &reader, indicators.indicator)
            func number(_ key: String) -> Double? {
                guard let node = fields[key] else { return nil }
                guard let value = node.scalar.flatMap({ Double($0.string.replacingOccurrences(of: ",", with: ".")) }),
                    value.isFinite, value >= 0
                else {
                    reader.problem(
                        node,
                        .en(
                            "\"\(key)\" must be a percentage of 0 or more, like 20",
                            nl: "\"\(key)\" moet een percentage van 0 of meer zijn, zoals 20"))
                    return nil
                }
                return value
            }
            var rule: Norm.Rule?
            if let groupNode = fields["above"] {
                let name = groupNode.scalar?.string ?? ""
                if let kind = PeerGroupKind(rawValue: name == "amr" ? "labour-market-region" : name) {
                    if let percent = number("by-percent") {
                        rule = .aboveGroup(kind, percent: percent)
                    } else if fields["by-percent"] == nil {
                        reader.problem(
                            entry,
                            .en(
                                "\"above\" needs \"by-percent\": how far above the group sounds the alarm",
                                nl: "\"above\" heeft \"by-percent\" nodig: hoe ver boven de groep het alarm afgaat"))
                    }
                } else {
                    reader.problem(
                        groupNode,
                        .en(
                            "\"above\" must be a group: national, province, corop, amr, size-class or urbanity",
                            nl: "\"above\" moet een groep zijn: national, province, corop, amr, size-class of urbanity"))
                }
                if fields["growth-percent"] != nil {
                    reader.problem(
                        entry,
                        .en(
                            "give above/by-percent or growth-percent, not both",
                            nl: "geef above/by-percent of growth-percent, niet beide"))
                }
            } else if let percent = number("growth-percent") {
                rule = .growth(percent: percent)
            } else if let groupNode = fields["worse-and-worsening"] {
                let name = groupNode.scalar?.string ?? ""
                let periods = fields["periods"].map { $0.scalar.flatMap { Int($0.string) } ?? 0 } ?? 3
                if let kind = PeerGroupKind(rawValue: name == "amr" ? "labour-market-region" : name) {
                    if !(2...24).contains(periods) {
                        reader.problem(
                            fields["periods"] ?? entry,
                            .en(
                                "\"periods\" must be a number of periods from 2 to 24, like 3",
                                nl: "\"periods\" moet een aantal perioden van 2 tot 24 zijn, zoals 3"))
                    } else if let indicator, indicator.direction == .neither {
                        reader.problem(
                            groupNode,
                            .en(
                                "\"worse-and-worsening\" needs an indicator whose direction says which way is better (\(indicator.id) is neither)",
                                nl:
                                    "\"worse-and-worsening\" heeft een indicator nodig waarvan de richting zegt wat beter is (\(indicator.id) heeft neither)"
                            ))
                    } else {
                        rule = .worseAndWorsening(kind, periods: periods)
                    }
                } else {
                    reader.problem(
                        groupNode,
                        .en(
                            "\"worse-and-worsening\" must be a group: national, province, corop, amr, size-class or urbanity",
                            nl:
                                "\"worse-and-worsening\" moet een groep zijn: national, province, corop, amr, size-class of urbanity"
                        ))
                }
            } else if let node = fields["above-max-of-months"] {
                if let months = node.scalar.flatMap({ Int($0.string) }), (1...60).contains(months) {
                    guard case .own = indicator?.numerator ?? .own(measure: "") else {
                        reader.problem(
                            node,
                            .en(
                                "\"above-max-of-months\" is for indicators over own monthly figures",
                                nl: "\"above-max-of-months\" is voor indicatoren over eigen maandcijfers"))
                        continue
                    }
                    rule = .aboveRecentMaximum(months: months)
                } else {
                    reader.problem(
                        node,
                        .en(
                            "\"above-max-of-months\" must be a number of months, like 12",
                            nl: "\"above-max-of-months\" moet een aantal maanden zijn, zoals 12"))
                }
            } else if fields["growth-percent"] == nil {
                reader.problem(
                    entry,
                    .en(
                        "a norm needs above: GROUP with by-percent: N, growth-percent: N, above-max-of-months: N or worse-and-worsening: GROUP",
                        nl:
                            "een norm heeft above: GROEP met by-percent: N, growth-percent: N, above-max-of-months: N of worse-and-worsening: GROEP nodig"
                    ))
            }
            let margin = fields["margin"] == nil ? defaultMargin : percent(fields["margin"])
            guard let municipality, let indicator, let rule, let margin else { continue }
            norms.append(
                Norm(
                    municipalityCode: municipality.code, indicatorID: indicator.id, rule: rule, marginPercent: margin,
                    location: "\(file)\(entry.mark.map { ":\($0.line)" } ?? "")"))
        }
        guard reader.problems.isEmpty else { throw error(reader.problems, file: file) }
        return Contents(targets: targets, norms: norms)
    }

    /// The named field looked up (a municipality, an indicator); a lookup that fails is a problem on that field's line.
    private static func resolved<Value>(
        _ key: String, in fields: Node.Mapping, of entry: Node, reader: inout YAMLReader, _ lookup: (String) throws -> Value
    ) throws -> Value? {
        guard let name = reader.text(fields, key, required: true, owner: entry) else { return nil }
        do {
            return try lookup(name)
        } catch let error as ModelError {
            reader.problem(
                fields[key],
                .en(
                    "\(key) \"\(name)\" \(error.reason.en)" + (error.hint.plainText(.en).map { ". \($0)" } ?? ""),
                    nl: "\(key) \"\(name)\" \(error.reason.nl)" + (error.hint.plainText(.nl).map { ". \($0)" } ?? "")))
        }
        return nil
    }

    /// `-10% from 2019`, `+5 % vs 2020`, `-10% t.o.v. 2019`: a change against an earlier year.
    static func change(_ text: String) -> (percent: Double, from: Int)? {
        let pattern = #"^([+-−]?\s*\d+(?:[.,]\d+)?)\s*%\s*(?:from|vs|against|t\.o\.v\.|tov|sinds)\s*(\d{4})$"#
        guard let match = text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) else { return nil }
        let words = String(text[match]).replacingOccurrences(of: "−", with: "-").split(whereSeparator: { $0 == "%" })
        guard words.count == 2,
            let percent = Double(words[0].replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: ".")),
            let year = words[1].split(separator: " ").last.flatMap({ Int($0) })
        else { return nil }
        return (percent, year)
    }

    private static func error(_ problems: [YAMLReader.Problem], file: String) -> ModelError {
        ModelError(
            .invalidTargetFile, subject: file,
            reason: YAMLReader.listed(problems),
            hint: .en(
                "\nFix them and run again (format: docs/targets.md)",
                nl: "\nVerbeter ze en probeer het opnieuw (indeling: docs/targets.md)"))
    }
}
