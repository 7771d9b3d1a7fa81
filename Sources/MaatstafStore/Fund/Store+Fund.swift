public import Foundation
import GRDB
public import MaatstafCore
import MaatstafFetch
import MaatstafSources

extension Store {
    /// The circulaires in the store, each with where it came from (`snapshot` or `import`), in id order.
    public func fundCirculaires() throws -> [(id: String, origin: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT DISTINCT circulaire, origin FROM fund_file ORDER BY circulaire").map {
                ($0["circulaire"], $0["origin"])
            }
        }
    }

    /// A circulaire's files by name, each checked against its sha256 (a damaged copy is no allocation).
    public func fundFiles(_ circulaire: String) throws -> [String: Data] {
        try read { db in
            var files: [String: Data] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT name, content, sha256 FROM fund_file WHERE circulaire = ?", arguments: [circulaire])
            {
                let content: Data = row["content"]
                guard SHA256.hex(content) == row["sha256"] as String else {
                    throw StoreDamage(
                        reason: .en(
                            "the fund file \(row["name"] as String) of \(circulaire) does not match its sha256",
                            nl: "het fondsbestand \(row["name"] as String) van \(circulaire) klopt niet met zijn sha256"))
                }
                files[row["name"]] = content
            }
            return files
        }
    }

    /// Stores a circulaire's files as one import, in one transaction; a circulaire of the snapshot is not replaced,
    /// an earlier import of the same circulaire is (the ministry corrects its files). Returns whether one was replaced.
    public func importFund(_ circulaire: String, files: [String: Data], now: Date = Date()) throws -> Bool {
        do {
            return try database.write { db in
                let origins = try String.fetchAll(
                    db, sql: "SELECT DISTINCT origin FROM fund_file WHERE circulaire = ?", arguments: [circulaire])
                if origins.contains("snapshot") {
                    throw StoreError(
                        .conflict, subject: circulaire,
                        reason: .en(
                            "is in the embedded snapshot and is not replaced by an import",
                            nl: "zit in de meegeleverde snapshot en wordt niet door een import vervangen"),
                        hint: .en(
                            "A circulaire's files are named after it (GF_M2025_2026_…); import a circulaire the snapshot does not have",
                            nl:
                                "De bestanden van een circulaire dragen haar naam (GF_M2025_2026_…); lees een circulaire in die de snapshot niet heeft"
                        ))
                }
                try db.execute(sql: "DELETE FROM fund_file WHERE circulaire = ?", arguments: [circulaire])
                let stamp = ISO8601DateFormatter().string(from: now)
                for (name, content) in files.sorted(by: { $0.key < $1.key }) {
                    try db.execute(
                        sql: "INSERT INTO fund_file VALUES (?, ?, ?, ?, 'import', ?)",
                        arguments: [circulaire, name, content, SHA256.hex(content), stamp])
                }
                return !origins.isEmpty
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(
                error, path: path,
                action: .en("cannot store the circulaire \(circulaire)", nl: "kan de circulaire \(circulaire) niet opslaan"))
        }
    }

    /// A circulaire read from its stored files; nil when the store has none of that id. Files that no longer parse are
    /// damage (they were checked when stored).
    public func fundCirculaire(_ id: String) throws -> FundCirculaire? {
        let files = try fundFiles(id)
        guard !files.isEmpty else { return nil }
        let parsed = FundCirculaireFiles(id: id, files: files)
        guard let circulaire = parsed.circulaire else {
            let first = parsed.problems.first
            throw StoreDamage(
                reason: .en(
                    "the stored circulaire \(id) no longer reads: \(first?.described(.en) ?? "")",
                    nl: "de opgeslagen circulaire \(id) is niet meer te lezen: \(first?.described(.nl) ?? "")"))
        }
        return circulaire
    }
}
