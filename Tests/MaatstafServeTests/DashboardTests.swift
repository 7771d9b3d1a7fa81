import Foundation
import MaatstafCore
import MaatstafTestServer
import Testing

/// The dashboard over real HTTP on 127.0.0.1: the pages a user clicks through, the downloads, and what a hostile or
/// mistyped address gets. Numbers are checked against the raw Iv3 file, not against the engine that made them.
@Suite("maatstaf serve: the dashboard")
struct DashboardTests {
    @Test("A first visit lands on a shareable address and a map to click; each municipality is a link that adds it")
    func firstVisit() async throws {
        let dashboard = try await RunningDashboard.start()
        defer { dashboard.stop() }
        let page = try await dashboard.get("/")
        #expect(page.status == 200)
        #expect(page.url.contains("i=") && page.url.contains("lang=en"))
        #expect(page.body.contains("Choose a municipality above, or click one on the map"))
        let links = attributes("href", in: page.body).filter { $0.contains("add=GM") }
        // Every municipality of the year on the map (342 in 2025, the embedded classes), each one link.
        let classes = try RepositoryFixtures.simpleRows("classes/gemeenteklassen_2025.tsv", separator: "\t").count - 1
        #expect(Set(links).count == classes)
        #expect(page.headers["content-security-policy"]?.contains("default-src 'self'") == true)
        // The map says what it shows, of which year and document (the start page has nothing else around it).
        let indicator = try #require(page.url.components(separatedBy: "i=").last?.split(separator: "&").first)
        let caption = try #require(
            page.body.components(separatedBy: "<figcaption>").dropFirst().first?.components(separatedBy: "</figcaption>").first)
        #expect(caption.hasPrefix("Map: ") && caption.contains(indicator == "wmo.huishoudelijke-hulp" ? "Household help" : ""))
        #expect(caption.range(of: #", 20\d\d (budget|accounts)$"#, options: .regularExpression) != nil, "\(caption)")
    }

    @Test("The names of chosen municipalities on the map let clicks through to the shapes beneath them")
    func labelsLetClicksThrough() async throws {
        let dashboard = try await RunningDashboard.start()
        defer { dashboard.stop() }
        // Westervoort's name lies over Duiven and Zevenaar; Rozendaal's under Arnhem's (the issue's example).
        let page = try await dashboard.get("/?m=GM0293&m=GM0202&i=wmo.huishoudelijke-hulp&y=2023&g=province&lang=en")
        let labels = page.body.components(separatedBy: "<text ").dropFirst().filter {
            $0.contains("font-size=\"110\"") && $0.contains(">Westervoort</text>")
        }
        #expect(!labels.isEmpty)
        for label in labels { #expect(label.contains("pointer-events=\"none\"")) }
    }

    @Test("The value shown is the raw Iv3 amount per inhabitant; names become codes in the address")
    func valueMatchesRawData() async throws {
        let dashboard = try await RunningDashboard.start()
        defer { dashboard.stop() }
        let page = try await dashboard.get(
            "/?m=Westervoort&m=duiven&i=wmo.huishoudelijke-hulp&y=2023&kind=jaarrekening&g=province&lang=en")
        #expect(page.status == 200)
        #expect(page.url.contains("m=GM0293&m=GM0226"))
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        for (name, code) in [("Westervoort", "GM0293"), ("Duiven", "GM0226")] {
            let row = try #require(page.body.components(separatedBy: "<tr data-code=\"\(code)\">").dropFirst().first)
            let attribute = try #require(attributes("data-value", in: row).first)
            let shown = try #require(Double(attribute))
            #expect(abs(shown - raw.rate(name, ["6.71a"])) < 1e-9)
            let text = String(format: "€%.2f", raw.rate(name, ["6.71a"]))
            #expect(row.contains(text), "\(name) should read \(text)")
        }
        // The report's parts for the indicator: bars, map, distribution, trend, numbers with gaps.
        for part in ["<svg", "class=\"map\"", "Gap", "Trend"] { #expect(page.body.contains(part), "\(part)") }
    }

    @Test("Twenty municipalities: the bars read as a ranking by the raw file, the groups' names whole beside them")
    func twentyMunicipalities() async throws {
        let dashboard = try await RunningDashboard.start()
        defer { dashboard.stop() }
        let codes = [
            "GM0293", "GM0226", "GM1708", "GM0202", "GM0299", "GM1955", "GM0221", "GM0275", "GM0274", "GM0289", "GM1705",
            "GM1734", "GM0214", "GM0321", "GM0173", "GM1740", "GM0228", "GM0200", "GM0301", "GM0150",
        ]
        let page = try await dashboard.get(
            "/?" + codes.map { "m=\($0)" }.joined(separator: "&")
                + "&i=wmo.huishoudelijke-hulp&y=2023&kind=jaarrekening&g=province&g=corop&g=size-class&lang=nl")
        #expect(page.status == 200)
        let chart = try #require(
            page.body.components(separatedBy: "<figcaption>Vergelijking</figcaption>").dropFirst().first?
                .components(separatedBy: "</svg>").first)
        let labels = chart.matches(of: /text-anchor="end"[^>]*>([^<]+)</).map { String($0.1) }
        // regions/municipalities.csv names the codes; iv3/2023_jaarrekening.csv gives each rate, those booking
        // nothing on 6.71a (no value) last.
        let names = Dictionary(
            try RepositoryFixtures.simpleRows("regions/municipalities.csv", separator: ",").dropFirst().map { ($0[1], $0[0]) },
            uniquingKeysWith: { first, _ in first })
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let chosen = codes.map { names[$0]! }
        let counted = chosen.filter { raw.municipalities[$0]!.delivered && raw.municipalities[$0]!.books(["6.71a"]) }
        let expected =
            counted.sorted { raw.rate($0, ["6.71a"]) > raw.rate($1, ["6.71a"]) } + chosen.filter { !counted.contains($0) }
        #expect(Array(labels.prefix(20)) == expected)
        #expect(labels.count > 25 && labels[20] == "Nederland")
        #expect(!labels.contains { $0.contains("…") }, "\(labels)")
    }

    @Test("Clicking a municipality on the map adds it; its × takes it out again")
    func clickAddsAndRemoves() async throws {
        let dashboard = try await RunningDashboard.start()
        defer { dashboard.stop() }
        let page = try await dashboard.get("/?m=GM0293&i=wmo.huishoudelijke-hulp&y=2023&g=province&lang=en")
        let zevenaar = try #require(
            attributes("href", in: page.body).first { $0.hasSuffix("add=GM0299") }?.replacingOccurrences(of: "&amp;", with: "&"))
        let added = try await dashboard.get(zevenaar)
        #expect(added.status == 200)
        #expect(added.url.contains("m=GM0293&m=GM0299"))
        #expect(added.body.contains("<tr data-code=\"GM0299\">"))
        let remove = try #require(
            attributes("href", in: added.body).first {
                !$0.contains("GM0299") && $0.contains("m=GM0293") && !$0.contains("add=")
            }?
            .replacingOccurrences(of: "&amp;", with: "&"))
        let removed = try await dashboard.get(remove)
        #expect(!removed.body.contains("<tr data-code=\"GM0299\">"))
        #expect(removed.body.contains("<tr data-code=\"GM0293\">"))
    }

    @Test("Downloads: CSV with the view's rows, an xlsx workbook, JSON, and the self-contained report")
    func downloads() async throws {
        let dashboard = try await RunningDashboard.start()
        defer { dashboard.stop() }
        let view = "m=GM0293&m=GM0226&i=wmo.huishoudelijke-hulp&y=2023&kind=jaarrekening&g=province&lang=nl"
        let csv = try await dashboard.get("/download/compare.csv?" + view)
        #expect(csv.status == 200)
        #expect(csv.headers["content-disposition"]?.contains("maatstaf-wmo.huishoudelijke-hulp-2023.csv") == true)
        #expect(csv.bytes.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let westervoort = String(format: "%.2f", raw.rate("Westervoort", ["6.71a"])).replacingOccurrences(of: ".", with: ",")
        #expect(csv.body.contains("Westervoort") && csv.body.contains(westervoort))
        let xlsx = try await dashboard.get("/download/compare.xlsx?" + view)
        #expect(xlsx.status == 200 && xlsx.bytes.prefix(2) == Data("PK".utf8))
        let json = try await dashboard.get("/download/compare.json?" + view)
        let object = try #require(try JSONSerialization.jsonObject(with: json.bytes) as? [String: Any])
        #expect((object["schema"] as? String)?.hasPrefix("maatstaf.compare/") == true)
        let report = try await dashboard.get("/download/report.html?" + view)
        #expect(report.body.hasPrefix("<!DOCTYPE html>") && !report.body.contains("<script"))
        #expect(report.body.contains("lang=\"nl\""))
    }

    @Test("Mistyped and hostile addresses get a page that says what is wrong, with 400, 404 or 405")
    func badAddresses() async throws {
        let dashboard = try await RunningDashboard.start()
        defer { dashboard.stop() }
        let cases: [(String, Int, String)] = [
            ("/?m=Westervort&lang=en", 404, "Did you mean: <a href=\"/?m=Westervoort&amp;lang=en\">Westervoort</a>"),
            ("/?m=GM0293&i=no.such.indicator&lang=en", 404, "No indicator is called"),
            ("/?m=GM0293&g=atlantis&lang=en", 404, "not a reference group"),
            ("/?m=GM0293&lang=xx", 400, "Invalid address"),
            ("/?m=GM0293&y=20x3&lang=en", 400, "‘20x3’"),
            ("/?m=%C3%28&lang=en", 400, "Invalid address"),
            ("/?" + Array(repeating: "m=GM0293", count: 26).joined(separator: "&") + "&lang=en", 400, "at most 25"),
            ("/?m=" + String(repeating: "x", count: 5000), 400, "longer than"),
            ("/download/compare.csv?i=wmo.huishoudelijke-hulp&lang=en", 400, "choose one on the dashboard first"),
            ("/assets/../../../etc/passwd", 404, "Page not found"),
            ("/assets/%2e%2e/%2e%2e/etc/passwd", 404, "Page not found"),
            ("/etc/passwd", 404, "Page not found"),
            ("/?m=Westervort&lang=nl", 404, "Bedoelt u: <a href=\"/?m=Westervoort&amp;lang=nl\">Westervoort</a>"),
            // Aalburg merged into Altena in 2019: no municipality in 2023, said in the reader's language.
            (
                "/?m=GM0738&i=wmo.huishoudelijke-hulp&y=2023&lang=nl", 422,
                "Aalburg was in 2023 geen gemeente meer (opgeheven na 2018)"
            ),
            ("/download/compare.csv?m=GM0738&i=wmo.huishoudelijke-hulp&y=2023&lang=en", 422, "dissolved after 2018"),
        ]
        for (path, status, words) in cases {
            let page = try await dashboard.get(path)
            #expect(page.status == status, "\(path)")
            #expect(page.body.contains(words), "\(path): \(page.body.prefix(600))")
            #expect(!page.body.contains("root:"), "\(path)")
            #expect(page.headers["content-type"]?.hasPrefix("text/html") == true, "\(path)")
        }
        // The dashboard only shows: anything but GET is refused with 405, in words.
        let posted = try await dashboard.get("/?lang=en", method: "POST")
        #expect(posted.status == 405)
        #expect(posted.body.contains("only shows and downloads"))
        // What the user typed comes back escaped, never as markup.
        let script = try await dashboard.get("/?add=%3Cscript%3Ealert(1)%3C/script%3E&lang=en")
        #expect(script.status == 404)
        #expect(script.body.contains("&lt;script&gt;") && !script.body.contains("<script>alert"))
    }

    @Test("A mistyped name among chosen ones: each suggestion links to the same view with it; the way back keeps the rest")
    func errorPageLinks() async throws {
        let dashboard = try await RunningDashboard.start()
        defer { dashboard.stop() }
        let page = try await dashboard.get("/?m=GM0226&m=Westervort&i=wmo.huishoudelijke-hulp&g=province&lang=en")
        #expect(page.status == 404)
        let links = attributes("href", in: page.body).map { $0.replacingOccurrences(of: "&amp;", with: "&") }
        let suggestion = "/?m=GM0226&m=Westervoort&i=wmo.huishoudelijke-hulp&g=province&lang=en"
        #expect(links.contains(suggestion), "\(links)")
        #expect(links.contains("/?m=GM0226&i=wmo.huishoudelijke-hulp&g=province&lang=en"), "\(links)")
        // Following the suggestion shows the view with both municipalities.
        let view = try await dashboard.get(suggestion)
        #expect(view.status == 200)
        #expect(view.body.contains("Duiven") && view.body.contains("Westervoort"))
    }

    @Test("One language per page: the Dutch page in Dutch, the English one in English")
    func oneLanguage() async throws {
        let dashboard = try await RunningDashboard.start(locale: .nl)
        defer { dashboard.stop() }
        let dutch = try await dashboard.get("/?m=GM0293&i=wmo.huishoudelijke-hulp&y=2023&g=province")
        #expect(dutch.url.contains("lang=nl") && dutch.body.contains("<html lang=\"nl\">"))
        for word in ["Gemeenten", "Vergelijken met", "Downloaden", "Positie"] { #expect(dutch.body.contains(word)) }
        for word in [">Municipalities<", ">Download<", ">Rank<", "Compare with"] {
            #expect(!dutch.body.contains(word), "\(word)")
        }
        let english = try await dashboard.get("/?m=GM0293&i=wmo.huishoudelijke-hulp&y=2023&g=province&lang=en")
        for word in ["Municipalities", "Compare with", "Download", "Rank"] { #expect(english.body.contains(word)) }
        for word in [">Gemeenten<", "Downloaden", ">Positie<", "Vergelijken met"] {
            #expect(!english.body.contains(word), "\(word)")
        }
    }

    @Test("An indicator whose CBS table is not fetched: the page says so with the fetch to run, never a 0")
    func notFetched() async throws {
        let dashboard = try await RunningDashboard.start()
        defer { dashboard.stop() }
        let page = try await dashboard.get("/?m=GM0293&i=wmo.clienten-per-1000&g=province&lang=en")
        #expect(page.status == 200)
        #expect(page.body.contains("class=\"problem\">Not available: Wmo clients per 1,000 inhabitants"))
        #expect(page.body.contains("fetch "), "the fetch that mends it")
        #expect(!page.body.contains("Choose a municipality above"))
        #expect(!page.body.contains("data-value="))
        // Listed in the form as not fetched, so a user sees it before choosing it.
        #expect(page.body.contains("Wmo clients per 1,000 inhabitants (not fetched)"))
    }

    @Test("The type-ahead matches names as the command line does: accents and case folded")
    func suggestions() async throws {
        let dashboard = try await RunningDashboard.start()
        defer { dashboard.stop() }
        let page = try await dashboard.get("/suggest?q=sudwest")
        let names = try #require(try JSONSerialization.jsonObject(with: page.bytes) as? [String])
        #expect(names.first == "Súdwest-Fryslân")
        let none = try await dashboard.get("/suggest?q=")
        #expect(none.body == "[]")
    }
}

extension DashboardTests {
    @Test(
        "Wmo spending against need: the waterfall splits the gap to the Netherlands into parts that add up, from the raw Iv3 file"
    )
    func explanationWaterfall() async throws {
        let dashboard = try await RunningDashboard.start()
        defer { dashboard.stop() }
        let page = try await dashboard.get("/?m=GM0293&i=fonds.wmo.uitgaven&y=2025&g=province&lang=en")
        #expect(page.status == 200)
        #expect(page.body.contains("Why: Wmo individual provisions: need and spending relative to need"))
        #expect(page.body.contains("Where the need comes from"))
        // The caption's difference: Westervoort's net spending on the cluster's 2025 taakvelden per inhabitant, minus
        // the Netherlands' over the municipalities that delivered, both from the raw file.
        let raw = try RawIv3("iv3/2025_begroting.csv")
        let lines = ["6.60", "6.711", "6.712", "6.713", "6.714", "6.811", "6.812"]
        let national = raw.groupRate(lines, netto: true) { $0.delivered }
        let difference = raw.rate("Westervoort", lines, netto: true) - national
        let caption = "Westervoort: " + (difference < 0 ? "-" : "+") + "€" + String(format: "%.2f", abs(difference))
        #expect(page.body.contains(caption + " against the Netherlands"), "\(caption)")
    }
}

extension DashboardTests {
    /// Status and headers of a request made with curl, which can send any `Host`.
    static func curl(_ url: String, host: String? = nil, head: Bool = false) throws -> (status: Int, headers: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments =
            ["-s", "-D", "-", "-o", "/dev/null"] + (head ? ["-I"] : []) + (host.map { ["-H", "Host: \($0)"] } ?? []) + [url]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, text.lowercased())
    }

    @Test("only its own address: another Host gets 421 (DNS rebinding); no framing; HEAD answers like GET")
    func requestGuard() async throws {
        let dashboard = try await RunningDashboard.start()
        defer { dashboard.stop() }
        let page = "\(dashboard.base)/?m=GM0293&i=wmo.huishoudelijke-hulp&y=2023&g=province&lang=en"
        let own = try Self.curl(page)
        #expect(own.status == 200)
        #expect(own.headers.contains("x-frame-options: deny"))
        #expect(own.headers.contains("frame-ancestors 'none'"))
        #expect(try Self.curl(page, host: "localhost:\(dashboard.port)").status == 200)
        let rebound = try Self.curl(page, host: "evil.example")
        #expect(rebound.status == 421)
        #expect(try Self.curl(page, host: "127.0.0.1.evil.example:\(dashboard.port)").status == 421)
        let head = try Self.curl(page, head: true)
        #expect(head.status == 200)
        #expect(
            try Self.curl("\(dashboard.base)/download/compare.csv?m=GM0293&i=wmo.huishoudelijke-hulp", head: true).status == 200)
        #expect(try Self.curl("\(dashboard.base)/nowhere", head: true).status == 404)
    }
}
