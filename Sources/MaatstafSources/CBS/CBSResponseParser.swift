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
                subject: url, reason: "is not valid JSON (\(data.count) bytes)",
                hint: "The response may be cut off or an error page; run again with \(option: .refresh)")
        }
        guard let top = object as? [String: Any], let rows = top["value"] as? [[String: Any]] else {
            throw SourceError(
                subject: url, reason: "is not a CBS OData response (no \"value\" list)",
                hint: "Check the table id and the catalog (opendata or dataderden)")
        }
        return Page(rows: rows, nextLink: top["odata.nextLink"] as? String, sha256: SHA256.hex(data))
    }

    static func tableInfo(_ data: Data, url: String) throws -> CBSTableInfo {
        guard let row = try page(data, url: url).rows.first, let identifier = row["Identifier"] as? String else {
            throw SourceError(subject: url, reason: "has no table information", hint: "Check the table id")
        }
        let count = (row["RecordCount"] as? Int) ?? (row["RecordCount"] as? String).flatMap { Int($0) }
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
                    subject: url, reason: "has a DataProperties entry without ID or known Type",
                    hint: "maatstaf may not know this kind of table yet; please report it")
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
                throw SourceError(subject: url, reason: "has a code without Key", hint: "Check the dimension name")
            }
            return CBSDimensionCode(
                key: key.trimmedSpaces, title: row["Title"] as? String ?? "", status: row["Status"] as? String,
                filterKey: key)
        }
    }
}
