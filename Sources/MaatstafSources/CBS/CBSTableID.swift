import MaatstafCore

/// CBS table ids are letters and digits (`85984NED`, `03759ned`, `45063NED`). Checked before an id goes into a URL
/// or a file name: `../../etc/passwd` must never reach a server as a path.
public enum CBSTableID {
    public static func check(_ id: String) throws {
        guard !id.isEmpty, id.count <= 32,
            id.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        else {
            throw SourceError(
                subject: id,
                reason: .en(
                    "is not a CBS table id (ids are letters and digits, e.g. 85984NED)",
                    nl: "is geen CBS-tabelcode (codes zijn letters en cijfers, bijvoorbeeld 85984NED)"),
                hint: .en("Find the id with \(action: .searchTables)", nl: "Zoek de code op met \(action: .searchTables)"))
        }
    }
}
