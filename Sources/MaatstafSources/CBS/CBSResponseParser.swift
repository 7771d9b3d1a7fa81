import Foundation
import MaatstafCore
import MaatstafFetch

/// Reads CBS OData v3 JSON responses (`{"odata.metadata": …, "value": [...], "odata.nextLink": …}`).
enum CBSResponseParser {
    struct Page {
        var rows: [[String: Any]]
        var nextLink: String?
        /// Of the response body, for provenance.
        var sha256: String
    }

    static func page(_ data: Data, url: String) throws -> Page {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw SourceError(
                subject: url,
                reason: .en("is not valid JSON (\(data.count) bytes)", nl: "is geen geldige JSON (\(data.count) bytes)"),
                hint: .en(
                    "The response may be cut off or an error page; run again with \(option: .refresh)",
                    nl: "Het antwoord is misschien afgebroken of een foutpagina; probeer opnieuw met \(option: .refresh)"))
        }
        guard let top = object as? [String: Any], let rows = top["value"] as? [[String: Any]] else {
            throw SourceError(
                subject: url,
                reason: .en(
                    "is not a CBS OData response (no \"value\" list)", nl: "is geen CBS-OData-antwoord (geen lijst \"value\")"),
                hint: .en(
                    "Check the table id and the catalog (opendata or dataderden)",
                    nl: "Controleer de tabelcode en de catalogus (opendata of dataderden)"))
        }
        return Page(rows: rows, nextLink: top["odata.nextLink"] as? String, sha256: SHA256.hex(data))
    }

    static func tableInfo(_ data: Data, url: String) throws -> CBSTableInfo {
        guard let row = try page(data, url: url).rows.first, let identifier = row["Identifier"] as? String else {
            throw SourceError(
                subject: url, reason: .en("has no table information", nl: "bevat geen tabelinformatie"),
                hint: .en("Check the table id", nl: "Controleer de tabelcode"))
        }
        // No count (absent or null) pages the table as it comes; a count that is there must be a whole number of rows,
        // or this is no CBS answer: `1.5`, `"abc"`, `[1]` or 2^63 would otherwise be taken for no count at all.
        var count: Int?
        if let raw = row["RecordCount"], !(raw is NSNull) {
            // `as? Int` takes a JSON number only when it is exactly a whole number that fits.
            if let whole = raw as? Int {
                count = whole
            } else if let text = raw as? String, let whole = Int(text) {
                count = whole
            } else {
                throw SourceError(
                    subject: url,
                    reason: .en(
                        "announces RecordCount \(raw), which is not a whole number of rows",
                        nl: "kondigt RecordCount \(raw) aan, wat geen heel aantal rijen is"),
                    hint: .en(
                        "This is not CBS's answer: check the server; nothing was stored",
                        nl: "Dit is geen antwoord van CBS: controleer de server; er is niets opgeslagen"))
            }
        }
        return CBSTableInfo(
            identifier: identifier, title: row["Title"] as? String ?? identifier,
            shortTitle: row["ShortTitle"] as? String, period: row["Period"] as? String,
            modified: row["Modified"] as? String, recordCount: count)
    }

    static func dataProperties(_ data: Data, url: String) throws -> [CBSDataProperty] {
        try page(data, url: url).rows.map { row in
            guard let id = row["ID"] as? Int, let type = row["Type"] as? String,
                let kind = CBSDataProperty.Kind(rawValue: type)
            else {
                throw SourceError(
                    subject: url,
                    reason: .en(
                        "has a DataProperties entry without ID or known Type",
                        nl: "heeft een DataProperties-regel zonder ID of bekend Type"),
                    hint: .en(
                        "maatstaf may not know this kind of table yet; please report it",
                        nl: "maatstaf kent dit soort tabel misschien nog niet; meld het alstublieft"))
            }
            return CBSDataProperty(
                id: id, parentID: row["ParentID"] as? Int, kind: kind, key: row["Key"] as? String ?? "",
                title: row["Title"] as? String ?? "", unit: row["Unit"] as? String,
                decimals: row["Decimals"] as? Int, datatype: row["Datatype"] as? String)
        }
    }

    static func codes(_ data: Data, url: String) throws -> [CBSDimensionCode] {
        try page(data, url: url).rows.map { row in
            guard let key = row["Key"] as? String else {
                throw SourceError(
                    subject: url, reason: .en("has a code without Key", nl: "heeft een code zonder Key"),
                    hint: .en("Check the dimension name", nl: "Controleer de naam van de dimensie"))
            }
            return CBSDimensionCode(
                key: key.trimmedSpaces, title: row["Title"] as? String ?? "", status: row["Status"] as? String,
                filterKey: key)
        }
    }
}
