public import Foundation
import MaatstafCore
public import MaatstafSources
import Yams

/// A mapping file (YAML) for own figures in another layout than the tidy one: which column is the municipality and
/// the measure, and which columns are periods (a monitor with a column per month). Read the one way maatstaf reads
/// YAML: every problem with its line, unknown keys refused. Format (docs/own-data.md):
/// ```yaml
/// layout: wide
/// municipality: { column: Gemeente }   # or a name for every row: municipality: Steenwijkerland
/// measure: { column: Indicator }
/// unit: { value: aantal }              # optional
/// periods: [januari 2021, februari 2021]   # optional: default every other column
/// ```
public enum OwnFiguresMapping {
    static let keys: Set<String> = ["layout", "municipality", "measure", "unit", "periods"]

    public static func read(_ url: URL) throws -> OwnFiguresFile.WideLayout {
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw ModelError(
                .invalidMappingFile, subject: url.path,
                reason: .en("cannot be read as UTF-8 text", nl: "is niet te lezen als UTF-8-tekst"),
                hint: .en("Check the path of the mapping file", nl: "Controleer het pad van het koppelbestand"))
        }
        return try parse(text, file: url.path)
    }

    public static func parse(_ text: String, file: String) throws -> OwnFiguresFile.WideLayout {
        var reader = YAMLReader(file: file)
        guard
            let root = reader.root(
                text,
                whenEmpty: .en(
                    "is empty; it needs layout: wide and the columns", nl: "is leeg; het heeft layout: wide en de kolommen nodig")
            ),
            let mapping = reader.mapping(
                root, allowed: keys,
                otherwise: .en(
                    "must be a mapping: layout, municipality, measure, periods",
                    nl: "moet een mapping zijn: layout, municipality, measure, periods"))
        else { throw error(reader.problems, file: file) }
        if let layout = reader.text(mapping, "layout", required: true, owner: root), layout != "wide" {
            reader.problem(
                mapping["layout"],
                .en(
                    "\"layout\" must be wide (the tidy layout needs no mapping)",
                    nl: "\"layout\" moet wide zijn (de nette indeling heeft geen koppeling nodig)"))
        }
        func field(_ key: String, required: Bool) -> OwnFiguresFile.WideLayout.Field? {
            guard let node = mapping[key] else {
                if required {
                    reader.problem(
                        root,
                        .en(
                            "\"\(key)\" is missing: { column: NAME } or a text for every row",
                            nl: "\"\(key)\" ontbreekt: { column: NAAM } of een tekst voor elke rij"))
                }
                return nil
            }
            if let text = node.scalar?.string, !text.isEmpty { return .value(text) }
            guard
                let inner = reader.mapping(
                    node, allowed: ["column", "value"],
                    otherwise: .en(
                        "\"\(key)\" must be { column: NAME } or a text", nl: "\"\(key)\" moet { column: NAAM } of een tekst zijn")
                )
            else { return nil }
            if let column = reader.text(inner, "column", required: false, owner: node) { return .column(column) }
            if let value = reader.text(inner, "value", required: false, owner: node) { return .value(value) }
            reader.problem(
                node,
                .en("\"\(key)\" needs column: NAME or value: TEXT", nl: "\"\(key)\" heeft column: NAAM of value: TEKST nodig"))
            return nil
        }
        let municipality = field("municipality", required: true)
        let measure = field("measure", required: true)
        let unit = field("unit", required: false)
        var periods: [String]?
        if let node = mapping["periods"] {
            if let list = node.sequence, !list.isEmpty, list.allSatisfy({ $0.scalar != nil }) {
                periods = list.compactMap { $0.scalar?.string }
            } else {
                reader.problem(
                    node,
                    .en(
                        "\"periods\" must be a list of column headers, like [januari 2021, februari 2021]",
                        nl: "\"periods\" moet een lijst kolomkoppen zijn, zoals [januari 2021, februari 2021]"))
            }
        }
        guard reader.problems.isEmpty, let municipality, let measure else { throw error(reader.problems, file: file) }
        return OwnFiguresFile.WideLayout(municipality: municipality, measure: measure, unit: unit, periodColumns: periods)
    }

    private static func error(_ problems: [YAMLReader.Problem], file: String) -> ModelError {
        ModelError(
            .invalidMappingFile, subject: file,
            reason: YAMLReader.listed(problems),
            hint: .en(
                "Fix the mapping file (format: docs/own-data.md)", nl: "Verbeter het koppelbestand (indeling: docs/own-data.md)"))
    }
}
