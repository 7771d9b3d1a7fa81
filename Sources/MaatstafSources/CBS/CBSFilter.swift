import Foundation

/// What part of a table to download: regions, a span of years, topics, codes of other dimensions. Empty means the
/// whole table.
///
/// CBS filters with OData `$filter` on the exact (padded) dimension keys, and refuses a filter of roughly 170 codes
/// or more with HTTP 400; `CBSODataV3Source` therefore looks the keys up in the table's code lists and splits long
/// lists over several requests.
public struct CBSFilter: Sendable, Equatable {
    /// Region codes as users write them (`GM0293`, `NL01`), trimmed.
    public var regions: [String]
    /// First and last year, inclusive; every period code of those years (year, quarters, months) is kept.
    public var years: ClosedRange<Int>?
    /// Topic keys or their stems (`WmoClienten` or `WmoClienten_100`).
    public var topics: [String]
    /// Codes (or titles) of dimensions other than region and period: a table by age, sex and marital status is
    /// hundreds of times larger than the few codes an indicator sums.
    public var selections: [Selection]

    /// The codes picked from one dimension, as users write them: keys or titles.
    public struct Selection: Sendable, Equatable {
        public var dimension: String
        public var codes: [String]

        public init(dimension: String, codes: [String]) {
            self.dimension = dimension
            self.codes = codes
        }

        /// `Leeftijd=10010,10100` → a selection; nil when there is no `=` or nothing on one side of it.
        public init?(parsing text: String) {
            guard let equals = text.firstIndex(of: "=") else { return nil }
            let dimension = text[..<equals].trimmingCharacters(in: .whitespaces)
            let codes = text[text.index(after: equals)...].split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !dimension.isEmpty, !codes.isEmpty else { return nil }
            self.init(dimension: dimension, codes: codes)
        }
    }

    public init(regions: [String] = [], years: ClosedRange<Int>? = nil, topics: [String] = [], selections: [Selection] = []) {
        self.regions = regions
        self.years = years
        self.topics = topics
        self.selections = selections
    }

    public var isEmpty: Bool { regions.isEmpty && years == nil && topics.isEmpty && selections.isEmpty }

    /// Codes per request: well below the ~170 at which CBS answers HTTP 400.
    public static let codesPerRequest = 150

    /// `2019..2023`, `2023`, `2019JJ00..2023JJ00` → a year range; nil when the text is not one.
    public static func years(parsing text: String) -> ClosedRange<Int>? {
        let parts = text.components(separatedBy: "..")
        guard parts.count <= 2, let from = parts.first.flatMap({ Int($0.prefix(4)) }) else { return nil }
        let to = parts.count == 2 ? Int(parts[1].prefix(4)) : from
        guard let to, from <= to, (1800...2200).contains(from), (1800...2200).contains(to) else { return nil }
        return from...to
    }

    /// Splits two code lists into requests of at most `limit` codes in all: every region chunk with every period
    /// chunk, so the union of the requests is exactly the filter.
    public static func chunks(_ regions: [String], _ periods: [String], limit: Int = codesPerRequest) -> [(
        regions: [String], periods: [String]
    )] {
        // Periods keep all the room the regions leave, and at least half when both lists are long.
        let periodSize = periods.isEmpty ? 0 : max(1, min(periods.count, max(limit - regions.count, limit / 2)))
        let regionSize = max(1, limit - periodSize)
        let regionChunks =
            regions.isEmpty
            ? [[]]
            : stride(from: 0, to: regions.count, by: regionSize).map { Array(regions[$0..<min($0 + regionSize, regions.count)]) }
        let periodChunks =
            periods.isEmpty
            ? [[]]
            : stride(from: 0, to: periods.count, by: periodSize).map { Array(periods[$0..<min($0 + periodSize, periods.count)]) }
        return regionChunks.flatMap { region in periodChunks.map { (region, $0) } }
    }
}
