import Foundation
import MaatstafTestServer
import Testing

/// `maatstaf monitor`: a pipeline run against a local SMTP server and a local webhook receiver, with the example own
/// figures (real Westervoort figures as published in its monitor, examples/own-figures/README.md) and targets.
@Suite("The monitor: import, check, and tell what changed")
struct MonitorCommandTests {
    /// A monitor folder: the example's targets and indicators, an exports folder with the Westervoort export, and a
    /// monitor file telling `smtp` and `hook`.
    static func folder(smtp: Int, hook: String) throws -> URL {
        let folder = RepositoryFixtures.temporaryFolder()
        let examples = RepositoryFixtures.root.appendingPathComponent("examples/own-figures")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("exports"), withIntermediateDirectories: true)
        for name in ["targets.yaml", "indicators.yaml"] {
            try FileManager.default.copyItem(
                at: examples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(
            at: examples.appendingPathComponent("westervoort-huishoudelijke-hulp.csv"),
            to: folder.appendingPathComponent("exports/westervoort.csv"))
        try """
        name: wmo-westervoort
        locale: nl
        import:
          folder: exports
        indicators: indicators.yaml
        targets: targets.yaml
        reports:
          - output: reports/westervoort.html
            municipalities: [Westervoort]
            indicators: [eigen.hh-uren-per-client]
        notify:
          email:
            server: 127.0.0.1
            port: \(smtp)
            security: none
            from: maatstaf@westervoort.example
            to: [wmo@westervoort.example]
          webhook: \(hook)
        """.write(to: folder.appendingPathComponent("monitor.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// Adds a year to the export, as next year's export would.
    static func append(_ line: String, to folder: URL) throws {
        let file = folder.appendingPathComponent("exports/westervoort.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        try (text + line + "\n").write(to: file, atomically: true, encoding: .utf8)
    }

    @Test("the household-help alarm is told once, not again when nothing changed, and its end once")
    func tellsOnce() async throws {
        let smtp = try TestSMTPServer()
        let hook = try TestHTTPServer { _ in TestResponse(status: 204, text: "") }
        let folder = try Self.folder(smtp: smtp.port, hook: hook.baseURL + "/hook")
        let cache = CLIRunner.freshLoadedCache()
        let runner = CLIRunner()
        let monitor = ["monitor", folder.appendingPathComponent("monitor.yaml").path, "--cache-dir", cache, "--locale", "nl"]

        let first = try await runner.run(monitor)
        #expect(first.status == 0, "\(first.stdout)\n\(first.stderr)")
        #expect(
            first.stdout.contains("westervoort.csv: 3 cijfers van 1 maat (hh-uren-per-client) voor Westervoort"),
            "\(first.stdout)")
        #expect(smtp.messages.count == 1)
        let mail = try #require(smtp.messages.first).text
        // The alarm as `check` says it: Westervoort's 2.83 hours per client in 2021 against the 2022 target of 2.5.
        #expect(mail.contains("Nieuw:"), "\(mail)")
        #expect(mail.contains("Westervoort eigen.hh-uren-per-client 2021: 2,83"), "\(mail)")
        #expect(
            mail.contains(
                "Subject: =?UTF-8?B?\(Data("maatstaf wmo-westervoort: 1 nieuw alarm, 0 opgelost".utf8).base64EncodedString())?="))
        let posted = try #require(hook.requests.last)
        let json = try #require(try JSONSerialization.jsonObject(with: posted.body) as? [String: Any])
        #expect(json["schema"] as? String == "maatstaf.monitor/1")
        #expect((json["new"] as? [[String: Any]])?.count == 1)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports/westervoort.html").path))

        // Unchanged: nothing imported again, nothing told.
        let second = try await runner.run(monitor)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("1 exportbestand(en) ongewijzigd"), "\(second.stdout)")
        #expect(second.stdout.contains("e-mail: niets nieuws te melden."), "the channel in Dutch words")
        #expect(smtp.messages.count == 1)
        #expect(hook.requests.count == 1)

        // The 2022 figure meets the target: the alarm's end is told once; 2019–2021 are kept.
        try Self.append("Westervoort;2022;hh-uren-per-client;2,40;uur;", to: folder)
        let third = try await runner.run(monitor)
        #expect(third.status == 0, "\(third.stderr)")
        #expect(smtp.messages.count == 2)
        #expect(smtp.messages.last?.text.contains("Opgelost") == true, "\(smtp.messages.last?.text ?? "")")
        let series = try await runner.run([
            "check", "--targets", folder.appendingPathComponent("targets.yaml").path, "--indicator-file",
            folder.appendingPathComponent("indicators.yaml").path, "--cache-dir", cache, "--format", "json",
        ])
        #expect(series.stdout.contains("2022"), "\(series.stdout)")
        let imports = try await runner.run(["imports", "--cache-dir", cache])
        #expect(imports.stdout.contains("westervoort.csv"), "\(imports.stdout)")
    }

    @Test("a refusing mail server: the run's other work is done, exit 75, and the next run tells what it could not")
    func refusedMail() async throws {
        let smtp = try TestSMTPServer(mode: .refuseSender)
        let hook = try TestHTTPServer { _ in TestResponse(status: 204, text: "") }
        let folder = try Self.folder(smtp: smtp.port, hook: hook.baseURL + "/hook")
        let cache = CLIRunner.freshLoadedCache()
        let runner = CLIRunner()
        let monitor = ["monitor", folder.appendingPathComponent("monitor.yaml").path, "--cache-dir", cache, "--locale", "en"]
        let broken = try await runner.run(monitor)
        #expect(broken.status == 75, "\(broken.stdout)\n\(broken.stderr)")
        #expect(broken.stdout.contains("email: telling failed; the next run tries again"), "\(broken.stdout)")
        #expect(broken.stdout.contains("westervoort.csv: 3 figures of 1 measure (hh-uren-per-client) for Westervoort"))
        #expect(hook.requests.count == 1, "the webhook was still told")
        #expect(broken.stderr.contains("1 step(s) of the monitor failed"))
        smtp.setMode(.accept)
        let mended = try await runner.run(monitor)
        #expect(mended.status == 0, "\(mended.stdout)\n\(mended.stderr)")
        #expect(smtp.messages.count == 1)
        #expect(smtp.messages.first?.text.contains("Nieuw:") == true, "the notice is in the monitor file's language")
        #expect(hook.requests.count == 1, "the webhook had nothing new")
        let log = try String(
            contentsOf: URL(fileURLWithPath: cache).appendingPathComponent("monitor/wmo-westervoort.log"), encoding: .utf8)
        #expect(log.contains("wmo-westervoort: email: telling failed"))
    }

    @Test("a wrong monitor file names every problem with its line; a credentials file others can read is refused")
    func badFiles() async throws {
        let folder = RepositoryFixtures.temporaryFolder()
        let file = folder.appendingPathComponent("monitor.yaml")
        try "locale: fr\nnotify:\n  email:\n    server: x\n    from: nobody\n  pager: 1\n".write(
            to: file, atomically: true, encoding: .utf8)
        let result = try await CLIRunner().run(["monitor", file.path, "--cache-dir", CLIRunner.freshLoadedCache()])
        #expect(result.status == 65)
        for expected in [
            "monitor.yaml:1: \"locale\" must be nl or en", "unknown key \"pager\"", "\"to\" is missing", "\"targets\" is missing",
        ] {
            #expect(result.stderr.contains(expected), "\(expected): \(result.stderr)")
        }
        let smtp = try TestSMTPServer()
        let monitorFolder = try Self.folder(smtp: smtp.port, hook: "http://127.0.0.1:9/hook")
        let credentials = monitorFolder.appendingPathComponent("smtp-credentials")
        try "monitor:geheim\n".write(to: credentials, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: credentials.path)
        let plan = monitorFolder.appendingPathComponent("monitor.yaml")
        let text = try String(contentsOf: plan, encoding: .utf8)
            .replacingOccurrences(
                of: "    to: [wmo@westervoort.example]",
                with: "    to: [wmo@westervoort.example]\n    credentials: smtp-credentials")
        try text.write(to: plan, atomically: true, encoding: .utf8)
        let open = try await CLIRunner().run([
            "monitor", plan.path, "--cache-dir", CLIRunner.freshLoadedCache(), "--locale", "en",
        ])
        #expect(open.status == 65)
        #expect(open.stderr.contains("can be read by others (mode 644); it holds a password"), "\(open.stderr)")
        #expect(smtp.messages.isEmpty)
    }

    @Test("CBS down: the refresh is said to have failed, the stored copy used, exit 75; --offline says it did not ask")
    func cbsDown() async throws {
        let smtp = try TestSMTPServer()
        let hook = try TestHTTPServer { _ in TestResponse(status: 204, text: "") }
        let down = try TestHTTPServer { _ in TestResponse(status: 503, text: "maintenance") }
        let folder = try Self.folder(smtp: smtp.port, hook: hook.baseURL + "/hook")
        let plan = folder.appendingPathComponent("monitor.yaml")
        try ("refresh: [85984NED]\n" + String(contentsOf: plan, encoding: .utf8)).write(
            to: plan, atomically: true, encoding: .utf8)
        var runner = CLIRunner()
        runner.environment["MAATSTAF_CBS_BASE"] = down.baseURL
        let cache = CLIRunner.freshLoadedCache()
        let run = try await runner.run(["monitor", plan.path, "--cache-dir", cache, "--locale", "en"])
        #expect(run.status == 75, "\(run.stdout)\n\(run.stderr)")
        #expect(
            run.stdout.contains("CBS 85984NED: refresh failed; the stored copy stays and the next run tries again"),
            "\(run.stdout)")
        #expect(smtp.messages.count == 1, "the check and the notice still ran")
        let offline = try await runner.run(["monitor", plan.path, "--cache-dir", cache, "--locale", "en", "--offline"])
        #expect(offline.status == 0, "\(offline.stdout)\n\(offline.stderr)")
        #expect(offline.stdout.contains("CBS 85984NED: not refreshed (--offline); the stored copy is used."))
    }
}
