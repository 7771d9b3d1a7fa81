import Foundation
import MaatstafCore
public import MaatstafFetch

/// One table in a CBS catalog listing (`ODataCatalog/Tables`).
public struct CBSCatalogEntry: Sendable, Equatable {
    public var identifier: String
    public var title: String
    public var shortTitle: String?
    public var summary: String?
    public var period: String?
    public var modified: String?
    public var frequency: String?
    public var recordCount: Int?

    public init(
        identifier: String, title: String, shortTitle: String? = nil, summary: String? = nil, period: String? = nil,
        modified: String? = nil, frequency: String? = nil, recordCount: Int? = nil
    ) {
        self.identifier = identifier
        self.title = title
        self.shortTitle = shortTitle
        self.summary = summary
        self.period = period
        self.modified = modified
        self.frequency = frequency
        self.recordCount = recordCount
    }

    /// True when every word occurs in the id, title, short title or summary, ignoring case and accents
    /// (`wmo clienten` finds "Wmo-cliënten").
    public func matches(_ words: [String]) -> Bool {
        let text = Self.folded([identifier, title, shortTitle ?? "", summary ?? ""].joined(separator: " "))
        return words.allSatisfy { text.contains(Self.folded($0)) }
    }

    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

/// Lists the tables of a CBS catalog. The listing is cached like any response, so a search works offline after the
/// first one and `--refresh` asks CBS for a newer list.
public struct CBSCatalogSource: Sendable {
    public let fetcher: CachedFetcher
    public let base: String

    public init(fetcher: CachedFetcher, base: String) {
        self.fetcher = fetcher
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
    }

    /// Only the fields maatstaf shows: the full listing carries a long description of every table.
    var listURL: String {
        "\(base)/ODataCatalog/Tables?$format=json&$select=Identifier,Title,ShortTitle,Summary,Period,Modified,Frequency,RecordCount"
    }

    public func tables() async throws -> [CBSCatalogEntry] {
        var entries: [CBSCatalogEntry] = []
        var next: String? = listURL
        var seen: Set<String> = []
        while let url = next, seen.insert(url).inserted {
            let page = try await fetcher.fetch(url) { try CBSResponseParser.page($0.body, url: url) }
            for row in page.rows {
                guard let identifier = row["Identifier"] as? String else {
                    throw SourceError(
                        subject: url,
                        reason: .en("lists a table without Identifier", nl: "noemt een tabel zonder Identifier"),
                        hint: .en(
                            "Check that the URL is a CBS catalog (\(option: .cbsBase))",
                            nl: "Controleer of het adres een CBS-catalogus is (\(option: .cbsBase))"))
                }
                let count = (row["RecordCount"] as? Int) ?? (row["RecordCount"] as? String).flatMap { Int($0) }
                entries.append(
                    CBSCatalogEntry(
                        identifier: identifier, title: (row["Title"] as? String ?? identifier).trimmedSpaces,
                        shortTitle: row["ShortTitle"] as? String, summary: row["Summary"] as? String,
                        period: row["Period"] as? String, modified: row["Modified"] as? String,
                        frequency: row["Frequency"] as? String, recordCount: count))
            }
            next = try page.nextLink.map { try CBSODataV3Source.nextPage($0, after: url, base: base) }
        }
        return entries
    }
}
