import Foundation

/// A synthetic CBS OData v3 table (not statistics) for tests of a download that breaks off and is run again:
/// `rows` rows in pages of 10,000 by `$skip`; while `failing`, the last page answers `failureStatus` after the other
/// pages have arrived. Each value is the row number × 10,000 plus the year of `modified`, so a row of another
/// version of the table is recognisable.
public final class BrokenOffTable: @unchecked Sendable {
    public let identifier: String
    public let rows: Int
    public let failureStatus: Int
    private let lock = NSLock()
    private var isFailing = true
    private var modifiedDate = "2024-01-01T00:00:00"
    private var served = 0

    public init(identifier: String, rows: Int = 25_000, failureStatus: Int = 500) {
        self.identifier = identifier
        self.rows = rows
        self.failureStatus = failureStatus
    }

    public var failing: Bool {
        get { lock.withLock { isFailing } }
        set { lock.withLock { isFailing = newValue } }
    }

    /// The table's `Modified` in TableInfos: a new date is a new version of the table.
    public var modified: String {
        get { lock.withLock { modifiedDate } }
        set { lock.withLock { modifiedDate = newValue } }
    }

    public var pageCount: Int { (rows + 9_999) / 10_000 }

    /// The value of a row in the version now served.
    public func value(row: Int) -> Int { row * 10_000 + (Int(modified.prefix(4)) ?? 0) }

    /// `GM` and the row number in six digits.
    public static func code(row: Int) -> String { "GM" + String(format: "%06d", row) }

    public func server() throws -> TestHTTPServer {
        try TestHTTPServer { [self] request in
            if request.path.hasSuffix("/TableInfos") {
                return TestResponse(
                    text:
                        #"{"value":[{"Identifier":"\#(identifier)","Title":"Synthetic","Modified":"\#(modified)","RecordCount":\#(rows)}]}"#
                )
            }
            if request.path.hasSuffix("/DataProperties") {
                return TestResponse(
                    text:
                        #"{"value":[{"ID":0,"Type":"GeoDimension","Key":"RegioS","Title":"Regio's"},{"ID":1,"Type":"Topic","Key":"Aantal_1","Title":"Aantal","Unit":"aantal","Decimals":0,"Datatype":"Long"}]}"#
                )
            }
            if !request.path.hasSuffix("/TypedDataSet") { return TestResponse(status: 404, text: "no code list") }
            let skip = Int(request.target.components(separatedBy: "$skip=").last ?? "0") ?? 0
            // Past the last row CBS answers no rows (a client may ask for its first pages before it knows how many).
            if skip >= self.rows { return TestResponse(text: #"{"value":[]}"#) }
            if failing && skip / 10_000 == pageCount - 1 {
                // Fail only after the other pages have gone out (and a moment for the client to keep them), however
                // slowly a loaded machine serves them.
                let deadline = Date().addingTimeInterval(30)
                while lock.withLock({ served }) < pageCount - 1 && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
                Thread.sleep(forTimeInterval: 0.3)
                return TestResponse(status: failureStatus, text: "synthetic failure")
            }
            let rows = (skip..<min(skip + 10_000, self.rows)).map {
                #"{"RegioS":"\#(Self.code(row: $0))","Aantal_1":\#(value(row: $0))}"#
            }
            defer { lock.withLock { served += 1 } }
            return TestResponse(text: #"{"value":[\#(rows.joined(separator: ","))]}"#)
        }
    }
}
