/// Which municipalities ended and where they went, from CBS's regional classification, so a series can be shown on
/// one year's boundaries: a municipality of that year is, in an earlier year, the sum of the municipalities that
/// went into it whole.
public struct MergerHistory: Sendable, Hashable {
    public var changes: [MunicipalChange]
    /// Code → the day a municipality was formed (`Ontstaan per …`), for those CBS records as new: it did not exist
    /// before, even though the list of municipalities (which knows only when one ended) cannot say so.
    public var formed: [String: String]
    /// Where the history was read: the CBS table and the day it was fetched, for every output that uses it.
    public var origin: String

    public init(changes: [MunicipalChange], formed: [String: String] = [:], origin: String) {
        self.changes = changes
        self.formed = formed
        self.origin = origin
    }

    /// The first classification year of a municipality CBS records as formed; nil when it records no formation.
    public func firstYear(of code: String) -> Int? {
        formed[code].map(MunicipalChange.firstYear(of:))
    }

    /// What a municipality of `boundaries` was in `year`.
    public enum Composition: Sendable, Hashable {
        /// The municipality itself, unchanged between the two years.
        case itself
        /// The sum of `parts` (codes that existed in `year`, the municipality itself among them when it existed),
        /// through `changes` (newest first).
        case pooled(parts: [String], changes: [MunicipalChange])
        /// A predecessor was divided among several municipalities: its figures cannot be divided.
        case divided(MunicipalChange)
        /// Nothing of it existed in `year` as far as the history knows.
        case unknown
    }

    /// What the municipality `code` of `boundaries` was in `year` (before `boundaries`), given the codes that existed
    /// in `year`. Later boundaries than the data year only: figures can be added, not divided.
    public func composition(of code: String, in year: Int, boundaries: Int, existing: Set<String>) -> Composition {
        guard year < boundaries else { return existing.contains(code) ? .itself : .unknown }
        let between = changes.filter { year < $0.firstYear && $0.firstYear <= boundaries }
            .sorted { ($0.firstYear, $0.code) > ($1.firstYear, $1.code) }
        var area: Set<String> = [code]
        var used: [MunicipalChange] = []
        // Newest first, and again until nothing is added: a chain (A into B, later B into C) is followed back.
        var grew = true
        while grew {
            grew = false
            for change in between where !area.contains(change.code) {
                guard change.recipients.contains(where: { area.contains($0.code) }) else { continue }
                guard change.isWhole else { return .divided(change) }
                area.insert(change.code)
                used.append(change)
                grew = true
            }
        }
        let parts = area.filter(existing.contains).sorted()
        if parts.isEmpty { return .unknown }
        if parts == [code] { return .itself }
        return .pooled(parts: parts, changes: used)
    }

    /// The municipalities that took over `code` when it ended, if the history knows of its end.
    public func end(of code: String) -> MunicipalChange? {
        changes.filter { $0.code == code }.max { $0.firstYear < $1.firstYear }
    }

    /// The changes that formed `code` (municipalities that went into it whole or in part), oldest first.
    public func formation(of code: String) -> [MunicipalChange] {
        changes.filter { $0.recipients.contains { $0.code == code } }.sorted { ($0.firstYear, $0.code) < ($1.firstYear, $1.code) }
    }
}
