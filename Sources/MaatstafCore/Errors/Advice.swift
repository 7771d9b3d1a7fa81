/// What a user can do next, as a value: sentences that may point at an option or a command.
///
/// Only the edge knows how those are spelt: the CLI writes `--refresh` and `` `maatstaf describe 85099NED` ``, a
/// dashboard could offer a button. So the modules below the CLI never write a flag or a command line; they say
/// `"run again with \(option: .refresh)"` and the CLI renders it (`Advice+CommandLine.swift` in MaatstafCLI). Like the
/// reason of an error, advice is a fact worded in both of maatstaf's languages where it arises; the edge picks the
/// reader's.
public struct Advice: Sendable, Equatable, Hashable, CustomStringConvertible {
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
        /// Fetching only some topics of a CBS table.
        case topic
        /// Keep a fetched table whose figures differ from the snapshot's copy.
        case acceptRevision
        /// Which copy of an Iv3 document to read: the embedded snapshot's.
        case snapshotCopy
        /// A measure's definition for an exchange file.
        case definition(measure: String)
        /// Replace the earlier imports of a file's name with it, instead of adding to them.
        case replaceImport
        /// The dashboard's port and the address it listens on.
        case dashboardPort
        case dashboardHost
        /// A series on one year's municipal boundaries.
        case boundaries
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
        /// Fetch CBS's record of municipal mergers.
        case fetchMergers
        /// Rank within a group, with a municipality added to the ranking.
        case rankWithin(group: String, adding: String)
        /// Import a file of own figures (`placeholder` names it, e.g. FILE).
        case importFile(placeholder: String)
        /// List the imports of own figures.
        case listImports
        /// Remove an import of own figures.
        case removeImport(String)
    }

    /// The advice for an English reader.
    public private(set) var english: Line
    /// The advice for a Dutch reader: the same references, in its own words.
    public private(set) var dutch: Line

    /// Every advice is written in both languages at the place that knows the situation; there is no literal form, so
    /// the compiler finds any advice written in one language only.
    public init(en: Line, nl: Line) {
        english = en
        dutch = nl
    }

    /// `.en("Run again with \(option: .refresh)", nl: "Probeer opnieuw met \(option: .refresh)")`.
    public static func en(_ english: Line, nl dutch: Line) -> Advice {
        Advice(en: english, nl: dutch)
    }

    /// No advice.
    public static let none = Advice(en: Line(parts: []), nl: Line(parts: []))

    public var isEmpty: Bool { english.parts.isEmpty && dutch.parts.isEmpty }

    /// The advice in the reader's language.
    public func line(_ locale: ReportLocale) -> Line { locale == .nl ? dutch : english }

    /// The advice when it is prose only (nothing for the edge to spell); nil when it points at an option or action.
    public func plainText(_ locale: ReportLocale) -> String? { line(locale).plainText }

    /// The advice in the reader's language with each option and action spelt by the caller.
    public func rendered(
        _ locale: ReportLocale, option: (Option) -> String, action: (Action) -> String
    ) -> String {
        line(locale).rendered(option: option, action: action)
    }

    /// A neutral spelling for logs and tests, in English: `‹refresh›`, `‹describeTable("85099NED")›`; users see the
    /// CLI's, in their language.
    public var description: String {
        rendered(.en, option: { "‹\($0)›" }, action: { "‹\($0)›" })
    }

    /// Advice in one language: prose and references.
    public struct Line: Sendable, Equatable, Hashable, ExpressibleByStringInterpolation {
        public private(set) var parts: [Part]

        public init(parts: [Part]) {
            self.parts = []
            for part in parts { append(part) }
        }

        public init(stringLiteral value: String) {
            self.init(parts: [.text(value)])
        }

        public init(stringInterpolation: StringInterpolation) {
            self = stringInterpolation.line
        }

        /// The line when it is prose only; nil when it points at an option or action.
        public var plainText: String? {
            var text = ""
            for part in parts {
                guard case .text(let words) = part else { return nil }
                text += words
            }
            return text
        }

        /// The line with each option and action spelt by the caller.
        public func rendered(option: (Option) -> String, action: (Action) -> String) -> String {
            parts.map { part in
                switch part {
                case .text(let text): text
                case .option(let value): option(value)
                case .action(let value): action(value)
                }
            }.joined()
        }

        fileprivate mutating func append(_ part: Part) {
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
            fileprivate var line = Line(parts: [])

            public init(literalCapacity: Int, interpolationCount: Int) {}

            public mutating func appendLiteral(_ literal: String) {
                line.append(.text(literal))
            }

            public mutating func appendInterpolation<T>(_ value: T) {
                line.append(.text(String(describing: value)))
            }

            public mutating func appendInterpolation(option: Option) {
                line.append(.option(option))
            }

            public mutating func appendInterpolation(action: Action) {
                line.append(.action(action))
            }

            /// Another line, its references kept.
            public mutating func appendInterpolation(line other: Line) {
                for part in other.parts { line.append(part) }
            }
        }
    }
}
