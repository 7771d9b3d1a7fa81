/// What a user can do next, as a value: sentences that may point at an option or a command.
///
/// Only the edge knows how those are spelt: the CLI writes `--refresh` and `` `maatstaf describe 85099NED` ``, a
/// dashboard could offer a button. So the modules below the CLI never write a flag or a command line; they say
/// `"run again with \(option: .refresh)"` and the CLI renders it (`Advice+CommandLine.swift` in MaatstafCLI).
public struct Advice: Sendable, Equatable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// A part of the advice: prose, or a reference to something the user can use.
    public enum Part: Sendable, Equatable, Hashable {
        case text(String)
        case option(Option)
        case action(Action)
    }

    /// A setting of a command the advice points to (the CLI spells it as a flag).
    public enum Option: Sendable, Equatable, Hashable {
        /// Ask the server again instead of using the cache.
        case refresh
        /// Use only the cache.
        case offline
        /// The folder of the cache and the store.
        case cacheDirectory
        /// The largest response accepted.
        case maxResponseSize
        /// Another CBS server.
        case cbsBase
        /// Fetching only some regions of a CBS table.
        case region
        /// Fetching only some periods of a CBS table.
        case period
        /// Fetching only some codes of a CBS table's dimension (nil: any dimension).
        case selection(dimension: String?)
        /// A file of the user's own indicators.
        case indicatorsFile
        /// A file of targets.
        case targetsFile
        /// The year to compare.
        case year
    }

    /// Something the user can run to find out or mend what the advice is about.
    public enum Action: Sendable, Equatable, Hashable {
        /// Show a stored CBS table's topics and dimensions.
        case describeTable(String)
        /// Export a stored CBS table (its codes included).
        case exportTable(String)
        /// List the indicators.
        case listIndicators
        /// Show what an indicator needs.
        case showIndicator(String)
        /// Search municipalities by name or code (`placeholder` names what to type, e.g. NAME).
        case searchMunicipalities(placeholder: String)
        /// Search CBS's table list.
        case searchTables
        /// Check the cache and remove damaged entries.
        case verifyCache
        /// Check the region files and list every problem.
        case checkRegions
        /// Fetch a CBS table (again).
        case fetchTable(String)
        /// Fetch (part of) a CBS table.
        case fetch(FetchRequest)
        /// Fetch a year's Iv3 table from CBS's third-party catalog.
        case fetchIv3(year: Int)
        /// Rank within a group, with a municipality added to the ranking.
        case rankWithin(group: String, adding: String)
    }

    public private(set) var parts: [Part]

    public init(parts: [Part]) {
        self.parts = []
        for part in parts { append(part) }
    }

    /// Prose only.
    public init(_ text: String) {
        self.init(parts: [.text(text)])
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self = stringInterpolation.advice
    }

    /// No advice.
    public static let none = Advice(parts: [])

    public var isEmpty: Bool { parts.isEmpty }

    /// The advice when it is prose only (nothing for the edge to spell); nil when it points at an option or action.
    public var plainText: String? {
        var text = ""
        for part in parts {
            guard case .text(let words) = part else { return nil }
            text += words
        }
        return text
    }

    /// The advice with each option and action spelt by the caller.
    public func rendered(option: (Option) -> String, action: (Action) -> String) -> String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .option(let value): option(value)
            case .action(let value): action(value)
            }
        }.joined()
    }

    /// A neutral spelling for logs and tests, `‹refresh›`, `‹describeTable("85099NED")›`; users see the CLI's.
    public var description: String {
        rendered(option: { "‹\($0)›" }, action: { "‹\($0)›" })
    }

    private mutating func append(_ part: Part) {
        if case .text(let new) = part {
            if new.isEmpty { return }
            if case .text(let old)? = parts.last {
                parts[parts.count - 1] = .text(old + new)
                return
            }
        }
        parts.append(part)
    }

    /// `"Run again with \(option: .refresh)"`, `"Codes: \(action: .describeTable(id))"`.
    public struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var advice = Advice.none

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            advice.append(.text(literal))
        }

        public mutating func appendInterpolation<T>(_ value: T) {
            advice.append(.text(String(describing: value)))
        }

        public mutating func appendInterpolation(option: Option) {
            advice.append(.option(option))
        }

        public mutating func appendInterpolation(action: Action) {
            advice.append(.action(action))
        }

        /// Another advice, its references kept.
        public mutating func appendInterpolation(advice other: Advice) {
            for part in other.parts { advice.append(part) }
        }
    }
}
