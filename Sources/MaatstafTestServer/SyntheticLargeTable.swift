public import Foundation

/// A large synthetic CBS OData v3 table (generated numbers, not statistics) for tests of a fetch that streams into
/// the store: `rows` rows in pages of 10,000 by `$skip`, three dimensions (region, sex, period) and two topics, with
/// missing cells of each kind CBS uses (`null`, `"x"`, `"."`). Every page served is kept as sent, so a test can read
/// the rows back out of the bodies on its own and hold the stored table against them, row for row.
public final class SyntheticLargeTable: @unchecked Sendable {
    public let identifier: String
    public let rows: Int
    /// When set, page `n` is sent with the rows of page `n - 1` (the count stays right): a server repeating a page.
    public let repeatedPage: Int?
    /// When set, page `n` is sent with its rows in reverse order: no row repeats, but the rows are no longer nested.
    public let reversedPage: Int?
    /// Added to every amount: another version of the table is recognisable by its numbers. TableInfos' `Modified`
    /// moves with it, as CBS's does when it revises a table. Settable: the same server serving a revised table.
    public var version: Int {
        get { lock.withLock { currentVersion } }
        set { lock.withLock { currentVersion = newValue } }
    }
    private var currentVersion: Int
    /// When false, TableInfos announces no `RecordCount` (`null`) and each page but the last links to the next with
    /// `odata.nextLink`, as CBS writes it: to its own host, which a client must rebase onto the server it asked.
    public let announcesCount: Bool
    /// When set, page `n` is held back until `release()` (or 30 seconds): a download stopped mid-way.
    public let stalledPage: Int?
    /// How long TableInfos takes to answer (set before serving): a client that waits for it before asking for pages
    /// shows as pages asked for only after it.
    public nonisolated(unsafe) var metadataDelay: TimeInterval = 0
    /// When set (before serving), a page past the last row is answered with this status instead of no rows.
    public nonisolated(unsafe) var pastTheEndStatus: Int?
    /// Data pages asked for before TableInfos had first answered.
    public var pagesAskedBeforeMetadata: Int { lock.withLock { earlyPages } }
    private var metadataAnswered = false
    private var earlyPages = 0
    private let released = NSCondition()
    private var isReleased = false
    private let lock = NSLock()
    private var bodies: [Int: Data] = [:]
    private var sentOrder: [Int] = []

    public init(
        identifier: String = "SYNTHLARGE", rows: Int, repeatedPage: Int? = nil, reversedPage: Int? = nil, version: Int = 0,
        stalledPage: Int? = nil, announcesCount: Bool = true
    ) {
        self.identifier = identifier
        self.rows = rows
        self.repeatedPage = repeatedPage
        self.reversedPage = reversedPage
        self.currentVersion = version
        self.stalledPage = stalledPage
        self.announcesCount = announcesCount
    }

    /// Lets a stalled page go.
    public func release() {
        released.withLock {
            isReleased = true
            released.broadcast()
        }
    }

    public var pageCount: Int { (rows + 9_999) / 10_000 }

    /// The page bodies sent so far, by page number (a page sent twice keeps its last body).
    public var sentBodies: [Int: Data] { lock.withLock { bodies } }

    /// How many data pages had been sent when this is asked.
    public var pagesSent: Int { lock.withLock { sentOrder.count } }

    public func server() throws -> TestHTTPServer {
        try TestHTTPServer { [self] request in
            let version = self.version
            if request.path.hasSuffix("/TableInfos") {
                if metadataDelay > 0 { Thread.sleep(forTimeInterval: metadataDelay) }
                defer { lock.withLock { metadataAnswered = true } }
                let modified = version == 0 ? "2026-01-01T00:00:00" : "2026-02-01T00:00:\(String(format: "%02d", version % 60))"
                return TestResponse(
                    text:
                        #"{"value":[{"Identifier":"\#(identifier)","Title":"Synthetic large table (generated, not statistics)","Modified":"\#(modified)","RecordCount":\#(announcesCount ? String(rows) : "null")}]}"#
                )
            }
            if request.path.hasSuffix("/DataProperties") {
                return TestResponse(
                    text: """
                        {"value":[{"ID":0,"Type":"GeoDimension","Key":"RegioS","Title":"Regio's"},\
                        {"ID":1,"Type":"Dimension","Key":"Geslacht","Title":"Geslacht"},\
                        {"ID":2,"Type":"TimeDimension","Key":"Perioden","Title":"Perioden"},\
                        {"ID":3,"Type":"Topic","Key":"Aantal_1","Title":"Aantal","Unit":"aantal","Decimals":0,"Datatype":"Long"},\
                        {"ID":4,"Type":"Topic","Key":"Bedrag_2","Title":"Bedrag","Unit":"euro","Decimals":2,"Datatype":"Double"}]}
                        """)
            }
            if !request.path.hasSuffix("/TypedDataSet") { return TestResponse(status: 404, text: "no code list") }
            lock.withLock { if !metadataAnswered { earlyPages += 1 } }
            let skip = Int(request.target.components(separatedBy: "$skip=").last ?? "0") ?? 0
            // Past the last row CBS answers no rows (a client may ask for its first pages before it knows how many).
            if skip >= rows && skip > 0 {
                if let pastTheEndStatus { return TestResponse(status: pastTheEndStatus, text: "no such page") }
                return TestResponse(text: #"{"value":[]}"#)
            }
            let page = skip / 10_000
            if page == stalledPage {
                let deadline = Date().addingTimeInterval(30)
                released.withLock {
                    while !isReleased && released.wait(until: deadline) {}
                }
            }
            let source = page == repeatedPage ? skip - 10_000 : skip
            var numbers = Array(source..<min(source + 10_000, rows))
            if page == reversedPage { numbers.reverse() }
            let link =
                announcesCount || skip + 10_000 >= rows
                ? ""
                : #","odata.nextLink":"https://opendata.cbs.nl/ODataFeed/odata/\#(identifier)/TypedDataSet?$format=json&$skip=\#(skip + 10_000)""#
            let body = Data(
                #"{"value":[\#(numbers.map { Self.row($0, version: version) }.joined(separator: ","))]\#(link)}"#.utf8)
            lock.withLock {
                bodies[page] = body
                sentOrder.append(page)
            }
            return TestResponse(status: 200, body: body)
        }
    }

    /// Row `n` as CBS would send it: 400 regions × 3 sexes, then the next year; a `null` every 13th amount, `"x"`
    /// (secret) every 17th and `"."` every 19th sum.
    static func row(_ n: Int, version: Int) -> String {
        let region = "GM" + String(format: "%04d", n % 400)
        let sex = ["T001038", "3000   ", "4000   "][(n / 400) % 3]
        let period = "\(1900 + n / 1_200)JJ00"
        let amount = n % 13 == 0 ? "null" : "\(n * 7 - 300_000 + version)"
        let sum = n % 17 == 0 ? #""x""# : n % 19 == 0 ? #"".""# : "\(Double(n) / 4 - 1_000.5)"
        return
            #"{"ID":\#(n),"RegioS":"\#(region)  ","Geslacht":"\#(sex)","Perioden":"\#(period)","Aantal_1":\#(amount),"Bedrag_2":\#(sum)}"#
    }
}
