public import Foundation
public import MaatstafSources
import MaatstafCore
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
                .invalidMappingFile, subject: url.path, reason: "cannot be read as UTF-8 text", hint: "Check the path of the mapping file")
        }
        return try parse(text, file: url.path)
    }

    public static func parse(_ text: String, file: String) throws -> OwnFiguresFile.WideLayout {
        var reader = YAMLReader(file: file)
        guard let root = reader.root(text, whenEmpty: "is empty; it needs layout: wide and the columns"),
            let mapping = reader.mapping(root, allowed: keys, otherwise: "must be a mapping: layout, municipality, measure, periods")
        else { throw error(reader.problems, file: file) }
        if let layout = reader.text(mapping, "layout", required: true, owner: root), layout != "wide" {
            reader.problem(mapping["layout"], "\"layout\" must be wide (the tidy layout needs no mapping)")
        }
        func field(_ key: String, required: Bool) -> OwnFiguresFile.WideLayout.Field? {
            guard let node = mapping[key] else {
                if required { reader.problem(root, "\"\(key)\" is missing: { column: NAME } or a text for every row") }
                return nil
            }
            if let text = node.scalar?.string, !text.isEmpty { return .value(text) }
            guard let inner = reader.mapping(node, allowed: ["column", "value"], otherwise: "\"\(key)\" must be { column: NAME } or a text")
            else { return nil }
            if let column = reader.text(inner, "column", required: false, owner: node) { return .column(column) }
            if let value = reader.text(inner, "value", required: false, owner: node) { return .value(value) }
            reader.problem(node, "\"\(key)\" needs column: NAME or value: TEXT")
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
                reader.problem(node, "\"periods\" must be a list of column headers, like [januari 2021, februari 2021]")
            }
        }
        guard reader.problems.isEmpty, let municipality, let measure else { throw error(reader.problems, file: file) }
        return OwnFiguresFile.WideLayout(municipality: municipality, measure: measure, unit: unit, periodColumns: periods)
    }

    private static func error(_ problems: [YAMLReader.Problem], file: String) -> ModelError {
        ModelError(
            .invalidMappingFile, subject: file,
            reason: "has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n  "
                + problems.map(\.described).joined(separator: "\n  "),
            hint: "Fix the mapping file (format: docs/own-data.md)")
    }
}
