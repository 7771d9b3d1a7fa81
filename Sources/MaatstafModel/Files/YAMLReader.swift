import Foundation
import MaatstafCore
import Yams

/// The one way maatstaf reads a user's YAML file (regions, targets; indicators for syntax): composed into nodes so
/// that every problem names its line, problems collected rather than stopping at the first, and unknown keys refused —
/// a misspelt key would otherwise be silently ignored.
struct YAMLReader {
    /// A problem in a file, at a line when one can be named.
    struct Problem: Sendable, Equatable {
        var file: String
        var line: Int?
        var message: LocalizedText

        var location: String { line.map { "\(file):\($0)" } ?? file }
        func described(_ locale: ReportLocale) -> String { "\(location): \(message.text(locale))" }
    }

    let file: String
    private(set) var problems: [Problem] = []

    /// `has 2 problems:` and each on its own line, for an error that lists every problem of a file.
    static func listed(_ problems: [Problem]) -> LocalizedText {
        let count = problems.count
        return .en(
            "has \(count) problem\(count == 1 ? "" : "s"):\n  " + problems.map { $0.described(.en) }.joined(separator: "\n  "),
            nl: "heeft \(count) \(count == 1 ? "probleem" : "problemen"):\n  "
                + problems.map { $0.described(.nl) }.joined(separator: "\n  "))
    }

    /// The first problem's message and how many more the files hold (`where`: "in the file", "in the region files").
    static func first(_ problems: [Problem], more place: LocalizedText) -> LocalizedText {
        let more = problems.count - 1
        let first = problems[0].message
        guard more > 0 else { return first }
        return .en(
            first.en + " (\(more) more problem(s) \(place.en))", nl: first.nl + " (nog \(more) probleem/problemen \(place.nl))")
    }

    init(file: String) {
        self.file = file
    }

    mutating func problem(_ node: Node?, _ message: LocalizedText) {
        problems.append(Problem(file: file, line: node?.mark?.line, message: message))
    }

    /// The document's root node; nil (with a problem naming the line) when the text is not YAML or is empty.
    mutating func root(_ text: String, whenEmpty: LocalizedText) -> Node? {
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
                problems.append(Problem(file: file, line: mark.line, message: Self.invalid("\(problem)")))
            default:
                problems.append(Problem(file: file, line: nil, message: Self.invalid("\(error)")))
            }
        } catch {
            problems.append(Problem(file: file, line: nil, message: Self.invalid("\(error)")))
        }
        return nil
    }

    /// `node` as a mapping whose keys are all `allowed`; nil (with `otherwise` as the problem) when it is no mapping.
    /// libyaml says what is wrong in English only; the Dutch reader gets where to look.
    private static func invalid(_ detail: String) -> LocalizedText {
        .en(
            "is not valid YAML: \(detail)",
            nl: "is geen geldige YAML; kijk op deze regel naar inspringing, dubbele punten en aanhalingstekens")
    }

    mutating func mapping(_ node: Node, allowed: Set<String>, otherwise: LocalizedText) -> Node.Mapping? {
        guard let mapping = node.mapping else {
            problem(node, otherwise)
            return nil
        }
        for key in mapping.keys where !allowed.contains(key.string ?? "") {
            problem(
                key,
                .en(
                    "unknown key \"\(key.string ?? "?")\"; allowed: \(allowed.sorted().joined(separator: ", "))",
                    nl: "onbekende sleutel \"\(key.string ?? "?")\"; toegestaan: \(allowed.sorted().joined(separator: ", "))"))
        }
        return mapping
    }

    /// The non-empty text under `key`; a missing required key is a problem at `owner`'s line.
    mutating func text(_ mapping: Node.Mapping, _ key: String, required: Bool, owner: Node?) -> String? {
        guard let node = mapping[key] else {
            if required { problem(owner, .en("\"\(key)\" is missing", nl: "\"\(key)\" ontbreekt")) }
            return nil
        }
        guard let value = node.scalar?.string.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            problem(node, .en("\"\(key)\" must be a non-empty text", nl: "\"\(key)\" moet een niet-lege tekst zijn"))
            return nil
        }
        return value
    }

    /// The year under `key` (1800–2200).
    mutating func year(_ mapping: Node.Mapping, _ key: String, required: Bool, owner: Node?, example: Int) -> Int? {
        guard mapping[key] != nil || required else { return nil }
        guard let text = text(mapping, key, required: required, owner: owner) else { return nil }
        guard let value = Int(text), (1800...2200).contains(value) else {
            problem(
                mapping[key],
                .en("\"\(key)\" must be a year like \(example)", nl: "\"\(key)\" moet een jaartal zijn zoals \(example)"))
            return nil
        }
        return value
    }
}
