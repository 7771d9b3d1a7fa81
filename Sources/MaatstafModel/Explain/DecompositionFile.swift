import Foundation
import MaatstafCore
import Yams

/// Reads the `decompositions:` of an indicator file (the built-in one, or a user's `--indicator-file`): each names an
/// indicator and the indicators whose product it is (docs/explain.md):
/// ```yaml
/// decompositions:
///   - id: fonds.wmo.uitgaven-behoefte
///     title: { nl: "…", en: "…" }
///     indicator: fonds.wmo.uitgaven
///     factors:
///       - indicator: fonds.wmo.behoefte
///         name: { nl: behoefte, en: need }
///       - indicator: fonds.wmo.uitkering
///         national: true             # the Netherlands' figure, the same for every municipality
///         name: { nl: …, en: … }
/// ```
/// Checked here, before any data is read: every indicator exists, and the factors' numerators and denominators
/// multiply to the indicator's (`QuantityDimension`). Whether the numbers multiply too is checked against the data
/// wherever a decomposition is used (`maatstaf explain`). Every problem names its line.
enum DecompositionFile {
    static let entryKeys: Set<String> = ["id", "title", "indicator", "factors"]
    static let factorKeys: Set<String> = ["indicator", "name", "national"]

    static func read(_ text: String, origin: IndicatorOrigin, indicators: [Indicator]) throws -> [Decomposition] {
        var reader = YAMLReader(file: origin.description)
        guard let root = reader.root(text, whenEmpty: .en("is empty", nl: "is leeg")) else { throw error(reader.problems) }
        guard let list = root.mapping?["decompositions"] else { return [] }
        guard let entries = list.sequence else {
            reader.problem(list, .en("\"decompositions\" must be a list", nl: "\"decompositions\" moet een lijst zijn"))
            throw error(reader.problems)
        }
        let byID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [Decomposition] = []
        var seen: Set<String> = []
        for entry in entries {
            guard
                let fields = reader.mapping(
                    entry, allowed: entryKeys,
                    otherwise: .en(
                        "each decomposition must be a mapping with id, title, indicator and factors",
                        nl: "elke ontleding moet een mapping zijn met id, title, indicator en factors"))
            else { continue }
            let id = reader.text(fields, "id", required: true, owner: entry)
            if let id, !seen.insert(id).inserted {
                reader.problem(entry, .en("id \(id) is defined twice", nl: "id \(id) is twee keer gedefinieerd"))
            }
            let title = localized(fields["title"], key: "title", owner: entry, reader: &reader)
            let indicator = known(fields, "indicator", owner: entry, byID: byID, reader: &reader)
            var factors: [(Decomposition.Factor, Indicator)] = []
            let factorNodes = fields["factors"]?.sequence ?? []
            if factorNodes.count < 2 || factorNodes.count > Decomposition.maximumFactors {
                reader.problem(
                    fields["factors"] ?? entry,
                    .en(
                        "\"factors\" must list 2 to \(Decomposition.maximumFactors) indicators",
                        nl: "\"factors\" moet 2 tot \(Decomposition.maximumFactors) indicatoren noemen"))
            }
            for node in factorNodes {
                guard
                    let factor = reader.mapping(
                        node, allowed: factorKeys,
                        otherwise: .en(
                            "a factor is a mapping with indicator and name", nl: "een factor is een mapping met indicator en name"
                        ))
                else { continue }
                let name = localized(factor["name"], key: "name", owner: node, reader: &reader)
                var national = false
                if let flag = factor["national"] {
                    switch flag.scalar?.string {
                    case "true": national = true
                    case "false": national = false
                    default:
                        reader.problem(
                            flag, .en("\"national\" must be true or false", nl: "\"national\" moet true of false zijn"))
                    }
                }
                guard let found = known(factor, "indicator", owner: node, byID: byID, reader: &reader) else { continue }
                if found.id == indicator?.id {
                    reader.problem(
                        node, .en("a factor cannot be the indicator itself", nl: "een factor kan niet de indicator zelf zijn"))
                }
                factors.append(
                    (Decomposition.Factor(indicator: found.id, name: name ?? found.title, national: national), found))
            }
            guard let id, let title, let indicator, factors.count == factorNodes.count, factors.count >= 2,
                factors.count <= Decomposition.maximumFactors
            else { continue }
            // The units: the factors' numerators and denominators must cancel to the indicator's.
            let product = factors.map(\.1.dimension).reduce(QuantityDimension(), *)
            if product != indicator.dimension {
                reader.problem(
                    entry,
                    .en(
                        "the factors do not multiply to \(indicator.id): they give \(product.description), the indicator is \(indicator.dimension.description)",
                        nl:
                            "de factoren vermenigvuldigen niet tot \(indicator.id): zij geven \(product.description), de indicator is \(indicator.dimension.description)"
                    ))
                continue
            }
            let scale = Double(indicator.multiplier) / factors.map { Double($0.1.multiplier) }.reduce(1, *)
            result.append(
                Decomposition(
                    id: id, title: title, indicator: indicator.id, factors: factors.map(\.0), scale: scale,
                    source: origin, line: entry.mark?.line))
        }
        if !reader.problems.isEmpty { throw error(reader.problems) }
        return result
    }

    /// `{ nl: …, en: … }`.
    private static func localized(_ node: Node?, key: String, owner: Node, reader: inout YAMLReader) -> LocalizedText? {
        guard let node else {
            reader.problem(owner, .en("\"\(key)\" is missing", nl: "\"\(key)\" ontbreekt"))
            return nil
        }
        guard let mapping = node.mapping, mapping.keys.allSatisfy({ ["nl", "en"].contains($0.string ?? "") }),
            let nl = mapping["nl"]?.scalar?.string, let en = mapping["en"]?.scalar?.string, !nl.isEmpty, !en.isEmpty
        else {
            reader.problem(
                node,
                .en("\"\(key)\" must be { nl: …, en: … }", nl: "\"\(key)\" moet { nl: …, en: … } zijn"))
            return nil
        }
        return LocalizedText(nl: nl, en: en)
    }

    /// The indicator named under `key`; a problem naming the closest ids otherwise.
    private static func known(
        _ fields: Node.Mapping, _ key: String, owner: Node, byID: [String: Indicator], reader: inout YAMLReader
    ) -> Indicator? {
        guard let id = reader.text(fields, key, required: true, owner: owner) else { return nil }
        if let indicator = byID[id] { return indicator }
        reader.problem(
            fields[key],
            .en(
                "\(id) is not an indicator (the list of indicators names them all)",
                nl: "\(id) is geen indicator (de lijst van indicatoren noemt ze allemaal)"))
        return nil
    }

    private static func error(_ problems: [YAMLReader.Problem]) -> ModelError {
        ModelError(
            .invalidIndicatorFile, subject: problems.count == 1 ? problems[0].location : problems[0].file,
            reason: problems.count == 1 ? problems[0].message : YAMLReader.listed(problems),
            hint: .en(
                "See docs/explain.md for the format of decompositions",
                nl: "Zie docs/explain.md voor de indeling van ontledingen"))
    }
}
