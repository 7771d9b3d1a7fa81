import Foundation
import MaatstafTestServer

/// A CBS OData v3 table a local test server plays: metadata, code lists and rows, with `$filter` applied on exact
/// (padded) keys and `$select` honoured, as CBS does. What the rows hold is each test's business (and said there).
struct ODataReplayTable {
    var title: String
    /// DataProperties as CBS writes them (a JSON array).
    var properties: String
    var lists: [String: [(key: String, title: String)]]
    var rows: [[String: Any]]

    /// Serves `tables()` (built on each request: rows of `Any` cannot be shared between the server's threads) under
    /// `/…/<id>/<entity>`; anything else is 404.
    static func serve(_ tables: @escaping @Sendable () -> [String: ODataReplayTable]) throws -> TestHTTPServer {
        try TestHTTPServer { request in
            let parts = request.path.split(separator: "/").map(String.init)
            let tables = tables()
            guard let tableIndex = parts.firstIndex(where: { tables[$0] != nil }), let table = tables[parts[tableIndex]],
                let entity = parts.last, tableIndex == parts.count - 2
            else {
                return TestResponse(status: 404, text: "not recorded")
            }
            func json(_ object: Any) -> TestResponse { TestResponse(body: try! JSONSerialization.data(withJSONObject: object)) }
            switch entity {
            case "TableInfos":
                return json([
                    "value": [["Identifier": parts[tableIndex], "Title": table.title, "ShortTitle": table.title]]
                ])
            case "DataProperties":
                return TestResponse(text: #"{"value":"# + table.properties + "}")
            case "TypedDataSet":
                let query = request.target.components(separatedBy: "?").dropFirst().first?.removingPercentEncoding ?? ""
                let parameters = Dictionary(
                    query.components(separatedBy: "&").compactMap { pair -> (String, String)? in
                        guard let equals = pair.firstIndex(of: "=") else { return nil }
                        return (String(pair[..<equals]), String(pair[pair.index(after: equals)...]))
                    }, uniquingKeysWith: { a, _ in a })
                let wanted = ODataFilterClauses.parse(parameters["$filter"] ?? "")
                let select = parameters["$select"].map { Set($0.components(separatedBy: ",")) }
                let rows = table.rows.filter { ODataFilterClauses.keep($0, wanted) }
                    .map { row in select.map { keys in row.filter { keys.contains($0.key) } } ?? row }
                return json(["odata.metadata": "replay", "value": rows])
            default:
                guard let list = table.lists[entity] else { return TestResponse(status: 404, text: "not recorded") }
                return json(["value": list.map { ["Key": $0.key, "Title": $0.title] }])
            }
        }
    }
}
