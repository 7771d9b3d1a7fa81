import Foundation
import MaatstafCore
import Yams

/// Reads one region file (YAML) into a region, checking every field and naming the line of every problem.
///
/// The format, documented for users in `regions/README.md`:
/// ```yaml
/// id: 1stroom
/// name: 1Stroom
/// description: Duiven and Westervoort share one civil-service organisation.
/// members: [Duiven, Westervoort]     # names or codes (GM0226)
/// from: 2017                         # optional: first year the region applies
/// until: 2030                        # optional: last year
/// key:                               # optional: a fixed cost-split key, percentages summing to 100
///   Duiven: 61.5
///   Westervoort: 38.5
/// ```
enum UserRegionFile {
    typealias Problem = YAMLReader.Problem

    static let allowedKeys: Set<String> = ["id", "name", "description", "members", "from", "until", "key"]

    /// A region, or every problem found in its file.
    enum Outcome {
        case success(UserRegion)
        case failure([Problem])
    }

    /// Parses a file; member names are resolved by `directory`. Returns the region, or every problem found.
    static func read(_ url: URL, directory: MunicipalityDirectory) -> Outcome {
        var reader = YAMLReader(file: url.path)
        guard let data = try? Data(contentsOf: url), let source = String(data: data, encoding: .utf8) else {
            reader.problem(nil, .en("cannot be read as UTF-8 text", nl: "is niet te lezen als UTF-8-tekst"))
            return .failure(reader.problems)
        }
        guard
            let root = reader.root(
                source,
                whenEmpty: .en(
                    "is empty; a region needs id, name and members", nl: "is leeg; een regio heeft id, name en members nodig")),
            let mapping = reader.mapping(
                root, allowed: allowedKeys,
                otherwise: .en(
                    "must be a mapping with the keys id, name, members (see regions/README.md)",
                    nl: "moet een mapping zijn met de sleutels id, name, members (zie regions/README.md)"))
        else { return .failure(reader.problems) }
        let id = reader.text(mapping, "id", required: true, owner: root)
        if let id, id.isEmpty || !id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
            reader.problem(
                mapping["id"],
                .en(
                    "id \"\(id)\" may only hold lower-case letters, digits and -",
                    nl: "id \"\(id)\" mag alleen kleine letters, cijfers en - bevatten"))
        }
        if let id, PeerGroup(parsing: id) != .userRegion(id) {
            reader.problem(
                mapping["id"],
                .en(
                    "id \"\(id)\" is the name of a built-in peer group; choose another",
                    nl: "id \"\(id)\" is de naam van een ingebouwde groep; kies een andere"))
        }
        let name = reader.text(mapping, "name", required: true, owner: root)
        let description = reader.text(mapping, "description", required: false, owner: root) ?? ""
        let from = reader.year(mapping, "from", required: false, owner: root, example: 2024)
        let until = reader.year(mapping, "until", required: false, owner: root, example: 2024)
        if let from, let until, from > until {
            reader.problem(
                mapping["until"],
                .en("\"until\" (\(until)) is before \"from\" (\(from))", nl: "\"until\" (\(until)) ligt voor \"from\" (\(from))"))
        }
        var members: [String] = []
        if let membersNode = mapping["members"] {
            if let sequence = membersNode.sequence, !sequence.isEmpty {
                for item in sequence {
                    guard let value = item.scalar?.string, !value.isEmpty else {
                        reader.problem(
                            item, .en("a member must be a name or a code", nl: "een lid moet een naam of een code zijn"))
                        continue
                    }
                    do {
                        let municipality = try directory.resolve(value)
                        if members.contains(municipality.code) {
                            reader.problem(
                                item,
                                .en(
                                    "member \"\(value)\" is listed twice (\(municipality.code))",
                                    nl: "lid \"\(value)\" staat er twee keer (\(municipality.code))"))
                        }
                        members.append(municipality.code)
                    } catch let error as ModelError {
                        reader.problem(
                            item,
                            .en(
                                "member \"\(value)\" \(error.reason.en)" + (error.hint.plainText(.en).map { ". \($0)" } ?? ""),
                                nl: "lid \"\(value)\" \(error.reason.nl)" + (error.hint.plainText(.nl).map { ". \($0)" } ?? "")))
                    } catch {
                        reader.problem(item, .en("member \"\(value)\": \(error)", nl: "lid \"\(value)\": \(error)"))
                    }
                }
            } else {
                reader.problem(
                    membersNode,
                    .en(
                        "\"members\" must be a non-empty list of names or codes",
                        nl: "\"members\" moet een niet-lege lijst namen of codes zijn"))
            }
        } else {
            reader.problem(root, .en("\"members\" is missing", nl: "\"members\" ontbreekt"))
        }
        let fixedKey = mapping["key"].flatMap { readKey($0, members: members, reader: &reader, directory: directory) }
        guard reader.problems.isEmpty, let id, let name else { return .failure(reader.problems) }
        return .success(
            UserRegion(
                id: id, name: name, description: description, members: members,
                validFrom: from, validUntil: until, file: url.path, fixedKey: fixedKey))
    }

    /// The fixed key: one percentage per member, none for a non-member, every member present, summing to 100 %
    /// (to within 0.01, the rounding of a percentage with two decimals). Nil with a problem when it is not so.
    private static func readKey(
        _ node: Node, members: [String], reader: inout YAMLReader, directory: MunicipalityDirectory
    ) -> [String: Double]? {
        guard let entries = node.mapping, !entries.isEmpty else {
            reader.problem(
                node,
                .en(
                    "\"key\" must map each member to its percentage, e.g. \"Duiven: 61.5\"",
                    nl: "\"key\" moet elk lid zijn percentage geven, bijvoorbeeld \"Duiven: 61.5\""))
            return nil
        }
        var key: [String: Double] = [:]
        var valid = true
        for (nameNode, valueNode) in entries {
            let name = nameNode.string ?? ""
            guard let municipality = try? directory.resolve(name), members.contains(municipality.code) else {
                reader.problem(
                    nameNode,
                    .en(
                        "key \"\(name)\" is not a member of the region; the key lists members only",
                        nl: "sleutel \"\(name)\" is geen lid van de regio; de verdeelsleutel noemt alleen leden"))
                valid = false
                continue
            }
            guard let text = valueNode.scalar?.string, let percent = Double(text.replacingOccurrences(of: "%", with: "")),
                percent.isFinite, percent >= 0
            else {
                reader.problem(
                    valueNode,
                    .en(
                        "the key of \"\(name)\" must be a percentage of 0 or more, e.g. 38.5",
                        nl: "de sleutel van \"\(name)\" moet een percentage van 0 of meer zijn, bijvoorbeeld 38.5"))
                valid = false
                continue
            }
            if key[municipality.code] != nil {
                reader.problem(nameNode, .en("key \"\(name)\" is given twice", nl: "sleutel \"\(name)\" staat er twee keer"))
                valid = false
            }
            key[municipality.code] = percent
        }
        guard valid else { return nil }
        let absent = members.filter { key[$0] == nil }
        if !absent.isEmpty {
            let names = absent.map { directory.byCode[$0]?.name ?? $0 }
            reader.problem(
                node,
                .en(
                    "\"key\" has no percentage for \(names.joined(separator: ", ")); give every member one",
                    nl: "\"key\" heeft geen percentage voor \(names.joined(separator: ", ")); geef elk lid er een"))
            return nil
        }
        let total = key.values.reduce(0, +)
        if abs(total - 100) > 0.01 {
            reader.problem(
                node,
                .en(
                    "the key's percentages sum to \(String(format: "%.2f", total)) %, not 100 %; correct them so they sum to 100",
                    nl:
                        "de percentages van de sleutel tellen op tot \(String(format: "%.2f", total)) %, niet 100 %; verbeter ze tot ze 100 zijn"
                ))
            return nil
        }
        return key
    }
}
