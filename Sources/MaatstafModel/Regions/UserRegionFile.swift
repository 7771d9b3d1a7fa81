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
/// ```
enum UserRegionFile {
    /// A problem in a file, at a line when one can be named.
    struct Problem: Sendable, Equatable {
        var file: String
        var line: Int?
        var message: String

        var location: String { line.map { "\(file):\($0)" } ?? file }
    }

    static let allowedKeys: Set<String> = ["id", "name", "description", "members", "from", "until"]

    /// Parses a file; member names are resolved by `directory`. Returns the region, or every problem found.
    /// A region, or every problem found in its file.
    enum Outcome {
        case success(UserRegion)
        case failure([Problem])
    }

    static func read(_ url: URL, directory: MunicipalityDirectory) -> Outcome {
        let file = url.path
        guard let data = try? Data(contentsOf: url), let source = String(data: data, encoding: .utf8) else {
            return .failure([Problem(file: file, line: nil, message: "cannot be read as UTF-8 text")])
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: source) else {
                return .failure([Problem(file: file, line: nil, message: "is empty; a region needs id, name and members")])
            }
            root = node
        } catch let error as YamlError {
            return .failure([yamlProblem(error, file: file)])
        } catch {
            return .failure([Problem(file: file, line: nil, message: "is not valid YAML (\(error))")])
        }
        guard let mapping = root.mapping else {
            return .failure([Problem(file: file, line: root.mark?.line,
                                     message: "must be a mapping with the keys id, name, members (see regions/README.md)")])
        }
        var problems: [Problem] = []
        for key in mapping.keys {
            guard let name = key.string, allowedKeys.contains(name) else {
                problems.append(Problem(file: file, line: key.mark?.line,
                                        message: "unknown key \"\(key.string ?? "?")\"; allowed: \(allowedKeys.sorted().joined(separator: ", "))"))
                continue
            }
        }
        func field(_ key: String, required: Bool) -> String? {
            guard let node = mapping[key] else {
                if required { problems.append(Problem(file: file, line: root.mark?.line, message: "\"\(key)\" is missing")) }
                return nil
            }
            guard let value = node.scalar?.string.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
                problems.append(Problem(file: file, line: node.mark?.line, message: "\"\(key)\" must be a non-empty text"))
                return nil
            }
            return value
        }
        func year(_ key: String) -> Int? {
            guard let node = mapping[key] else { return nil }
            guard let value = node.scalar.flatMap({ Int($0.string) }), (1800...2200).contains(value) else {
                problems.append(Problem(file: file, line: node.mark?.line, message: "\"\(key)\" must be a year like 2024"))
                return nil
            }
            return value
        }
        let id = field("id", required: true)
        if let id, id.isEmpty || !id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
            problems.append(Problem(file: file, line: mapping["id"]?.mark?.line,
                                    message: "id \"\(id)\" may only hold lower-case letters, digits and -"))
        }
        if let id, PeerGroupKind(rawValue: id) != nil || id == "amr" {
            problems.append(Problem(file: file, line: mapping["id"]?.mark?.line,
                                    message: "id \"\(id)\" is the name of a built-in peer group; choose another"))
        }
        let name = field("name", required: true)
        let description = field("description", required: false) ?? ""
        let from = year("from")
        let until = year("until")
        if let from, let until, from > until {
            problems.append(Problem(file: file, line: mapping["until"]?.mark?.line,
                                    message: "\"until\" (\(until)) is before \"from\" (\(from))"))
        }
        var members: [String] = []
        if let membersNode = mapping["members"] {
            if let sequence = membersNode.sequence, !sequence.isEmpty {
                for item in sequence {
                    guard let value = item.scalar?.string, !value.isEmpty else {
                        problems.append(Problem(file: file, line: item.mark?.line, message: "a member must be a name or a code"))
                        continue
                    }
                    do {
                        let municipality = try directory.resolve(value)
                        if members.contains(municipality.code) {
                            problems.append(Problem(file: file, line: item.mark?.line,
                                                    message: "member \"\(value)\" is listed twice (\(municipality.code))"))
                        }
                        members.append(municipality.code)
                    } catch let error as ModelError {
                        problems.append(Problem(file: file, line: item.mark?.line,
                                                message: "member \"\(value)\" \(error.reason). \(error.hint)"))
                    } catch {
                        problems.append(Problem(file: file, line: item.mark?.line, message: "member \"\(value)\": \(error)"))
                    }
                }
            } else {
                problems.append(Problem(file: file, line: membersNode.mark?.line,
                                        message: "\"members\" must be a non-empty list of names or codes"))
            }
        } else {
            problems.append(Problem(file: file, line: root.mark?.line, message: "\"members\" is missing"))
        }
        guard problems.isEmpty, let id, let name else { return .failure(problems) }
        return .success(UserRegion(id: id, name: name, description: description, members: members,
                                   validFrom: from, validUntil: until, file: file))
    }

    private static func yamlProblem(_ error: YamlError, file: String) -> Problem {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return Problem(file: file, line: mark.line, message: "is not valid YAML: \(problem)")
        default:
            return Problem(file: file, line: nil, message: "is not valid YAML: \(error)")
        }
    }
}
