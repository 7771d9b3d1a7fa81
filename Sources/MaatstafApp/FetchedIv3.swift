public import Foundation
public import MaatstafCore
import MaatstafReport
public import MaatstafSources
public import MaatstafStore

/// A fetched CBS table of the Iv3 shape made into Iv3 documents, checked against what maatstaf already holds.
public enum FetchedIv3 {
    /// The table's Iv3 documents, or nil when it is not an Iv3 table. Checks its taakvelden against CBS's code list
    /// of the year and its municipalities against maatstaf's list, and — unless `acceptRevision` — its figures
    /// against the embedded snapshot's copy of the same document.
    public static func read(
        _ set: CBSDataSet, filter: CBSFilter, store: Store, snapshot: URL, acceptRevision: Bool
    ) throws -> Iv3ThirdPartyTable? {
        guard Iv3ThirdPartyTable.resembles(set) else { return nil }
        // Part of a document would be summed as if it were all of it: only whole documents may be picked.
        if !filter.regions.isEmpty || !filter.topics.isEmpty || filter.years != nil
            || filter.selections.contains(where: { $0.dimension != "Verslagsoort" })
        {
            throw Iv3TableRefused(
                subject: set.table.identifier,
                reason: .en(
                    "is a CBS Iv3 table, which is read whole per document: sums over part of it would look complete",
                    nl:
                        "is een Iv3-tabel van CBS, die per document helemaal gelezen wordt: sommen over een deel zouden volledig lijken"
                ),
                hint: .en(
                    "Fetch it without \(option: .region), \(option: .period) and \(option: .topic); pick documents only, e.g. \(option: .selection(dimension: "Verslagsoort=2024X005")) (nothing was stored)",
                    nl:
                        "Haal haar op zonder \(option: .region), \(option: .period) en \(option: .topic); kies alleen documenten, bijvoorbeeld \(option: .selection(dimension: "Verslagsoort=2024X005")) (er is niets opgeslagen)"
                )
            )
        }
        // The code lists and municipalities come with the snapshot.
        try SnapshotLoader(folder: snapshot).loadIfNeeded(into: store)
        var lists: [Int: Set<String>] = [:]
        for year in try store.iv3DefinitionYears() {
            lists[year] = Set(try store.iv3Definitions(year: year).map(\.taakveld))
        }
        let iv3 = try Iv3ThirdPartyTable(
            set, codeList: { lists[$0] }, municipalities: Set(try store.municipalities().map(\.code)))
        if !acceptRevision {
            for document in iv3.documents { try checkAgainstSnapshot(document, table: iv3.table, store: store) }
        }
        return iv3
    }

    /// Refuses a document whose figures differ from the snapshot's copy of it: CBS may have revised them, or the
    /// table is not the one meant; either way the user decides, and nothing is stored until then.
    static func checkAgainstSnapshot(_ document: Iv3ThirdPartyTable.Document, table: String, store: Store) throws {
        let kind = document.kind
        guard try store.iv3Documents().contains(where: { $0.year == document.year && $0.kind == kind && $0.table == nil })
        else { return }
        let taakvelden = document.taakvelden.map(\.code)
        var snapshot: [String: (baten: Int?, lasten: Int?)] = [:]
        for row in try store.iv3Amounts(year: document.year, kind: kind, taakvelden: taakvelden) where row.code != "NL01" {
            snapshot["\(row.code)|\(row.taakveld)"] = (row.baten, row.lasten)
        }
        let undelivered = try store.iv3NoDelivery(year: document.year, kind: kind)
        var differences: [LocalizedText] = []
        for amount in document.amounts {
            let key = "\(amount.code)|\(amount.taakveld)"
            guard let known = snapshot[key] else {
                if undelivered.contains(amount.code) {
                    differences.append(
                        .en(
                            "\(amount.code) has figures where the snapshot has no delivery",
                            nl: "\(amount.code) heeft cijfers waar de snapshot geen levering heeft"))
                }
                continue
            }
            if known.lasten != amount.lasten || known.baten != amount.baten {
                let lasten = known.lasten.map(String.init) ?? "–"
                let baten = known.baten.map(String.init) ?? "–"
                differences.append(
                    .en(
                        "\(amount.code) \(amount.taakveld): lasten \(lasten) and baten \(baten) in the snapshot, \(amount.lasten) and \(amount.baten) in \(table)",
                        nl:
                            "\(amount.code) \(amount.taakveld): lasten \(lasten) en baten \(baten) in de snapshot, \(amount.lasten) en \(amount.baten) in \(table)"
                    ))
            }
        }
        for code in document.noDelivery
        where !undelivered.contains(code) && snapshot.keys.contains(where: { $0.hasPrefix(code + "|") }) {
            differences.append(
                .en(
                    "\(code) has no delivery in \(table) but figures in the snapshot",
                    nl: "\(code) heeft geen levering in \(table) maar wel cijfers in de snapshot"))
        }
        guard let first = differences.first else { return }
        throw Iv3TableRefused(
            subject: table,
            reason: .en(
                "the \(NoteWording(locale: .en).document(document.kind, document.year)) differs from the embedded snapshot in \(differences.count) figure(s), e.g. \(first.en)",
                nl:
                    "de \(NoteWording(locale: .nl).document(document.kind, document.year)) wijkt in \(differences.count) cijfer(s) af van de ingebouwde snapshot, bijvoorbeeld \(first.nl)"
            ),
            hint: .en(
                "CBS may have revised its figures, or this is not the table you meant. Nothing was stored; to keep it, run again with \(option: .acceptRevision) (compare then reads it; \(option: .snapshotCopy) reads the snapshot)",
                nl:
                    "CBS heeft de cijfers misschien herzien, of dit is niet de bedoelde tabel. Er is niets opgeslagen; om haar te bewaren, voer de opdracht opnieuw uit met \(option: .acceptRevision) (compare leest haar dan; \(option: .snapshotCopy) leest de snapshot)"
            )
        )
    }

    /// What the fetch line adds for an Iv3 table: the documents read and who delivered nothing.
    public static func summary(_ iv3: Iv3ThirdPartyTable, names: [String: String], _ locale: ReportLocale) -> String {
        let wording = NoteWording(locale: locale)
        let nl = locale == .nl
        return iv3.documents.map { document in
            let delivered = Set(document.amounts.map(\.code)).count
            let missing = document.noDelivery.map { names[$0] ?? $0 }
            return "Iv3 \(wording.document(document.kind, document.year)): \(delivered) \(nl ? "gemeenten" : "municipalities")"
                + (missing.isEmpty ? "" : (nl ? ", geen levering van " : ", no delivery from ") + wording.names(missing))
        }.joined(separator: "; ")
            + (nl ? ". Elke Iv3-indicator leest nu deze documenten." : ". Every Iv3 indicator now reads these documents.")
    }
}

/// A fetched Iv3 table refused before anything is stored: only part of it was asked for, or it contradicts the
/// snapshot (exit 65, as any input the user can correct).
public struct Iv3TableRefused: MaatstafError {
    public var subject: String
    public var reason: LocalizedText
    public var hint: Advice
    public var category: ErrorCategory { .badInput }
}
