import Foundation
import Yams

/// The one way maatstaf reads a user's YAML file (regions, targets; indicators for syntax): composed into nodes so
/// that every problem names its line, problems collected rather than stopping at the first, and unknown keys refused —
/// a misspelt key would otherwise be silently ignored.
struct YAMLReader {
    /// A problem in a file, at a line when one can be named.
    struct Problem: Sendable, Equatable {
        var file: String
        var line: Int?
        var message: String

        var location: String { line.map { "\(file):\($0)" } ?? file }
        var described: String { "\(location): \(message)" }
    }

    let file: String
    private(set) var problems: [Problem] = []

    init(file: String) {
        self.file = file
    }

    mutating func problem(_ node: Node?, _ message: String) {
        problems.append(Problem(file: file, line: node?.mark?.line, message: message))
    }

    /// The document's root node; nil (with a problem naming the line) when the text is not YAML or is empty.
    mutating func root(_ text: String, whenEmpty: String) -> Node? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                problems.append(Problem(file: file, line: nil, message: whenEmpty))
                return nil
            }
            return node
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                problems.append(Problem(file: file, line: mark.line, message: "is not valid YAML: \(problem)"))
            default:
                problems.append(Problem(file: file, line: nil, message: "is not valid YAML: \(error)"))
            }
        } catch {
            problems.append(Problem(file: file, line: nil, message: "is not valid YAML: \(error)"))
        }
        return nil
    }

    /// `node` as a mapping whose keys are all `allowed`; nil (with `otherwise` as the problem) when it is no mapping.
    mutating func mapping(_ node: Node, allowed: Set<String>, otherwise: String) -> Node.Mapping? {
        guard let mapping = node.mapping else {
            problem(node, otherwise)
            return nil
        }
        for key in mapping.keys where !allowed.contains(key.string ?? "") {
            problem(key, "unknown key \"\(key.string ?? "?")\"; allowed: \(allowed.sorted().joined(separator: ", "))")
        }
        return mapping
    }

    /// The non-empty text under `key`; a missing required key is a problem at `owner`'s line.
    mutating func text(_ mapping: Node.Mapping, _ key: String, required: Bool, owner: Node?) -> String? {
        guard let node = mapping[key] else {
            if required { problem(owner, "\"\(key)\" is missing") }
            return nil
        }
        guard let value = node.scalar?.string.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            problem(node, "\"\(key)\" must be a non-empty text")
            return nil
        }
        return value
    }

    /// The year under `key` (1800–2200).
    mutating func year(_ mapping: Node.Mapping, _ key: String, required: Bool, owner: Node?, example: Int) -> Int? {
        guard mapping[key] != nil || required else { return nil }
        guard let text = text(mapping, key, required: required, owner: owner) else { return nil }
        guard let value = Int(text), (1800...2200).contains(value) else {
            problem(mapping[key], "\"\(key)\" must be a year like \(example)")
            return nil
        }
        return value
    }
}
