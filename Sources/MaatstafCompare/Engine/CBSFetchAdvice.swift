import MaatstafCore
import MaatstafModel

/// What to fetch to bring an indicator's CBS tables into the store, as `FetchRequest` values.
///
/// A table without a `where:` selection is small enough to fetch whole (Kerncijfers wijken en buurten is one table per
/// year). A table the indicator picks codes from has extra dimensions and is large (population by age, sex and
/// marital status runs to tens of millions of cells), so the request is only for the picked codes, the topics and
/// the years: the same filter the indicator applies, pushed to CBS.
enum CBSFetchAdvice {
    /// What an indicator reads from one CBS table in one role: topics summed over the `where:` codes.
    typealias Part = (table: String, topics: [String], selection: [String: [String]])

    /// The CBS parts an indicator reads: its numerator, and its denominator when that is a CBS table too.
    static func parts(of indicator: Indicator) -> [Part] {
        var parts: [Part] = []
        if case .cbs(let table, let topics, let selection) = indicator.numerator { parts.append((table, topics, selection)) }
        if case .cbs(let table, let topics, let selection) = indicator.denominator { parts.append((table, topics, selection)) }
        return parts
    }

    /// What a filtered fetch left in the store: a new filtered fetch replaces it, so advice must ask for it again.
    struct StoredPart {
        var topics: [String]
        /// Per dimension other than region and period, the codes in the stored rows.
        var codes: [String: [String]]
        var years: [Int]
    }

    /// One request per table, in the order the indicator names them; the parts of one table merged.
    static func requests(for indicator: Indicator, tables: [String], years: ClosedRange<Int>) -> [FetchRequest] {
        tables.map { request(for: indicator, table: $0, years: years, stored: nil) }
    }

    /// The request for one table; with `stored`, one that fetches the stored part and what the indicator needs
    /// together (topics, codes and years joined). `needing` replaces the definition's codes (titles resolved).
    static func request(
        for indicator: Indicator, table: String, years: ClosedRange<Int>, stored: StoredPart?,
        needing: [String: [String]]? = nil
    ) -> FetchRequest {
        let mine = parts(of: indicator).filter { $0.table == table }
        guard mine.contains(where: { !$0.selection.isEmpty }) else { return FetchRequest(table: table) }
        var topics = stored?.topics ?? []
        var selection: [String: [String]] = [:]
        for part in mine {
            for topic in part.topics where !topics.contains(topic) { topics.append(topic) }
            for (dimension, codes) in needing ?? part.selection {
                for code in (stored?.codes[dimension] ?? []) + codes where !(selection[dimension] ?? []).contains(code) {
                    selection[dimension, default: []].append(code)
                }
            }
        }
        let allYears = (stored?.years ?? []) + [years.lowerBound, years.upperBound]
        return FetchRequest(table: table, years: allYears.min()!...allYears.max()!, topics: topics, selection: selection)
    }

    /// The error for an indicator whose tables are (partly) not in the store, with every request still to make.
    static func notFetched(_ indicator: Indicator, missing: [String], years: ClosedRange<Int>) -> CompareError {
        let reason: LocalizedText =
            missing.count == 1
            ? .en(
                "needs CBS table \(missing[0]), which is not in the store",
                nl: "heeft CBS-tabel \(missing[0]) nodig, die niet in de opslag staat")
            : .en(
                "needs CBS tables \(missing.joined(separator: " and ")), which are not in the store",
                nl: "heeft CBS-tabellen \(missing.joined(separator: " en ")) nodig, die niet in de opslag staan")
        return CompareError(
            .tableNotFetched, subject: indicator.id, reason: reason,
            hint: .none,
            fetch: requests(for: indicator, tables: missing, years: years))
    }
}
