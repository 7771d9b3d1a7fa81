import Foundation
import MaatstafCore
import MaatstafTestServer
import Testing

@testable import MaatstafServe

/// The dashboard on a team's server: under the reverse proxy's base path, with a health check and an access log.
@Suite("maatstaf serve for a team")
struct TeamDashboardTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    @Test("under a base path every page, link, form, asset and download starts with it; the root is not served")
    func basePath() async throws {
        let log = Lines()
        let dashboard = try await RunningDashboard.start(basePath: "/maatstaf", accessLog: { log.add($0) })
        defer { dashboard.stop() }
        let page = try await dashboard.get("/maatstaf/?m=Westervoort&i=wmo.huishoudelijke-hulp&y=2023&kind=jaarrekening")
        #expect(page.status == 200)
        let links = attributes("href", in: page.body) + attributes("src", in: page.body) + attributes("action", in: page.body)
        let local = links.filter { $0.hasPrefix("/") }
        #expect(!local.isEmpty)
        #expect(local.allSatisfy { $0.hasPrefix("/maatstaf/") }, "\(local.filter { !$0.hasPrefix("/maatstaf/") })")
        #expect(attributes("data-base", in: page.body) == ["/maatstaf"])
        let csv = try #require(attributes("href", in: page.body).first { $0.contains("/download/compare.csv") })
        let download = try await dashboard.get(csv.replacingOccurrences(of: "&amp;", with: "&"))
        #expect(download.status == 200)
        #expect(try await dashboard.get("/maatstaf/assets/dashboard.css").status == 200)
        #expect(try await dashboard.get("/maatstaf/suggest?q=wes").body.contains("Westervoort"))
        // Without its slash the base is the dashboard too; the root itself is not.
        #expect(try await dashboard.get("/maatstaf").status == 200)
        let root = try await dashboard.get("/")
        #expect(root.status == 404)
        #expect(attributes("href", in: root.body).contains("/maatstaf/?lang=en"), "the problem page links back under the base")
        // One access-log line per request, with method, address and status.
        #expect(log.all.contains { $0.contains("\"GET /maatstaf/assets/dashboard.css HTTP/1.1\" 200") }, "\(log.all)")
        #expect(log.all.contains { $0.contains("\"GET / HTTP/1.1\" 404") }, "\(log.all)")
    }

    @Test("the health check answers ok with the number of municipalities, never cached")
    func health() async throws {
        let dashboard = try await RunningDashboard.start(basePath: "/maatstaf")
        defer { dashboard.stop() }
        let health = try await dashboard.get("/maatstaf/healthz")
        #expect(health.status == 200)
        let object = try #require(try JSONSerialization.jsonObject(with: health.bytes) as? [String: Any])
        #expect(object["status"] as? String == "ok")
        #expect((object["municipalities"] as? Int ?? 0) > 300)
        #expect(health.headers["cache-control"] == "no-store")
    }

    @Test("behind a proxy: the names given with --public-host are answered, every other name still gets 421")
    func publicHost() {
        let names = ["intranet.gemeente.example"]
        #expect(RequestGuard.allowed("intranet.gemeente.example", boundHost: "127.0.0.1", publicHosts: names))
        #expect(RequestGuard.allowed("Intranet.Gemeente.Example:443", boundHost: "127.0.0.1", publicHosts: names))
        #expect(!RequestGuard.allowed("evil.example", boundHost: "127.0.0.1", publicHosts: names))
        #expect(!RequestGuard.allowed("intranet.gemeente.example", boundHost: "127.0.0.1"))
    }

    @Test("the access log's time is UTC in the shape web servers write, for any day")
    func stamp() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let date = try #require(
            calendar.date(from: DateComponents(year: 2026, month: 3, day: 5, hour: 9, minute: 7, second: 4)))
        #expect(AccessLog.stamp(date) == "05/Mar/2026:09:07:04 +0000")
    }
}
