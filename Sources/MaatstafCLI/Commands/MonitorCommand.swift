import ArgumentParser
import Foundation
import MaatstafApp
import MaatstafCompare
import MaatstafCore
import MaatstafFetch
import MaatstafModel
import MaatstafReport

/// `maatstaf monitor FILE`: one run of a monitor — refresh, import, check, report, and tell what changed — for a
/// scheduler (systemd timer, cron) to start. docs/monitor.md.
struct MonitorCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "monitor",
            abstract: ReaderLanguage.text(
                en:
                    "Run a monitor file once: refresh CBS tables, import new exports, check targets and norms, write reports, tell what changed.",
                nl:
                    "Voer een monitorbestand eenmaal uit: CBS-tabellen verversen, nieuwe exports inlezen, doelen en normen toetsen, rapporten schrijven, melden wat veranderde."
            ),
            discussion: ReaderLanguage.text(
                en: """
                    The file (YAML, docs/monitor.md) says which CBS tables to refresh, which folder of own-figure exports \
                    to import, which targets and norms to check, which reports to write and whom to tell. Each run: \
                    refreshes the tables (conditional requests; with --offline the stored copies are used and the run \
                    says so), imports the export files that are new or changed since the last run (a changed file adds \
                    its new periods and never drops the ones it no longer lists), checks, writes the reports, and tells \
                    each channel — e-mail over SMTP, a webhook (JSON) — only what changed since it was last told: a new \
                    alarm once, an alarm gone once, nothing when nothing changed.

                    A step that fails (CBS down, a bad file, a refusing mail server) is said and tried again at the next \
                    run; the other steps still run, and nothing imported is lost. The SMTP password is never in the file \
                    or on the command line: a file only its owner can read (credentials: …, holding user:password), or \
                    MAATSTAF_SMTP_USER and MAATSTAF_SMTP_PASSWORD in the environment. Each run appends its lines to \
                    <cache-dir>/monitor/NAME.log and keeps its memory in <cache-dir>/monitor/NAME.json.

                    Exit codes: 0 every step done (alarms or not: they were told); 75 a step failed and will be tried \
                    again at the next run; 65 the monitor file is wrong; 74 the monitor's memory cannot be read or written.

                    Examples:
                      maatstaf monitor /etc/maatstaf/wmo.yaml
                      maatstaf monitor --offline wmo.yaml          # without the network: the stored CBS tables
                    """,
                nl: """
                    Het bestand (YAML, docs/monitor.md) zegt welke CBS-tabellen te verversen, welke map met exports van \
                    eigen cijfers in te lezen, welke doelen en normen te toetsen, welke rapporten te schrijven en wie te \
                    melden. Elke run: ververst de tabellen (voorwaardelijke verzoeken; met --offline worden de opgeslagen \
                    kopieën gebruikt en zegt de run dat), leest de exportbestanden in die sinds de vorige run nieuw of \
                    gewijzigd zijn (een gewijzigd bestand voegt zijn nieuwe perioden toe en laat nooit perioden vallen \
                    die het niet meer noemt), toetst, schrijft de rapporten, en meldt elk kanaal — e-mail via SMTP, een \
                    webhook (JSON) — alleen wat veranderde sinds de vorige melding: een nieuw alarm eenmaal, een \
                    verdwenen alarm eenmaal, niets als er niets veranderde.

                    Een stap die mislukt (CBS onbereikbaar, een fout bestand, een mailserver die weigert) wordt gemeld en \
                    bij de volgende run opnieuw geprobeerd; de andere stappen lopen door en niets wat is ingelezen gaat \
                    verloren. Het SMTP-wachtwoord staat nooit in het bestand of op de opdrachtregel: een bestand dat alleen \
                    de eigenaar kan lezen (credentials: …, met gebruiker:wachtwoord), of MAATSTAF_SMTP_USER en \
                    MAATSTAF_SMTP_PASSWORD in de omgeving. Elke run voegt zijn regels toe aan \
                    <cache-dir>/monitor/NAAM.log en houdt zijn geheugen in <cache-dir>/monitor/NAAM.json.

                    Afsluitcodes: 0 elke stap gedaan (met of zonder alarm: dat is gemeld); 75 een stap mislukte en wordt \
                    bij de volgende run opnieuw geprobeerd; 65 het monitorbestand klopt niet; 74 het geheugen van de \
                    monitor is niet te lezen of te schrijven.

                    Voorbeelden:
                      maatstaf monitor /etc/maatstaf/wmo.yaml
                      maatstaf monitor --offline wmo.yaml          # zonder netwerk: de opgeslagen CBS-tabellen
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var language: LocaleOption

    @Argument(
        help: ArgumentHelp(
            ReaderLanguage.text(en: "The monitor file (YAML).", nl: "Het monitorbestand (YAML)."), valueName: "file"))
    var file: String

    func run() async throws {
        let plan = try MonitorPlan.read(URL(fileURLWithPath: file))
        let folder = global.cacheRoot.appendingPathComponent("monitor", isDirectory: true)
        let memoryFile = folder.appendingPathComponent("\(plan.name).json")
        var memory = try MonitorMemory.read(memoryFile)
        let nl = language.locale == .nl
        var log = MonitorLog(file: folder.appendingPathComponent("\(plan.name).log"), monitor: plan.name)
        var failures = 0
        let cache = ["--cache-dir", global.cacheRoot.path]

        // 1. The CBS tables, asked whether they changed.
        for table in plan.refresh {
            if global.offline {
                try log.say(
                    nl
                        ? "CBS \(table): niet ververst (--offline); de opgeslagen kopie wordt gebruikt."
                        : "CBS \(table): not refreshed (--offline); the stored copy is used.")
                continue
            }
            if let problem = await Self.runQuietly(["fetch", table, "--refresh", "--quiet"] + cache, language.locale) {
                failures += 1
                try log.say(
                    nl
                        ? "CBS \(table): verversen mislukt, de opgeslagen kopie blijft en de volgende run probeert het opnieuw: \(problem)"
                        : "CBS \(table): refresh failed; the stored copy stays and the next run tries again: \(problem)")
            } else {
                try log.say(nl ? "CBS \(table): ververst." : "CBS \(table): refreshed.")
            }
        }

        // 2. The export files that are new or changed since the last run.
        if let exports = plan.importFolder {
            let files: [URL]
            do {
                files = try FileManager.default.contentsOfDirectory(at: exports, includingPropertiesForKeys: nil)
                    .filter { ["csv", "xlsx"].contains($0.pathExtension.lowercased()) }
                    .sorted { $0.lastPathComponent < $1.lastPathComponent }
            } catch {
                files = []
                failures += 1
                try log.say(
                    nl
                        ? "\(exports.path): map met exports niet te lezen; de volgende run probeert het opnieuw."
                        : "\(exports.path): the folder of exports cannot be read; the next run tries again.")
            }
            var unchanged = 0
            for export in files {
                guard let bytes = try? Data(contentsOf: export) else { continue }
                let sha256 = SHA256.hex(bytes)
                if memory.imported[export.path] == sha256 {
                    unchanged += 1
                    continue
                }
                let imported = await Self.runCapturing(["import", export.path] + cache, language.locale)
                if let problem = imported.problem {
                    failures += 1
                    try log.say(
                        nl
                            ? "\(export.lastPathComponent): niet ingelezen (de eerdere cijfers blijven; de volgende run probeert het opnieuw): \(problem)"
                            : "\(export.lastPathComponent): not imported (the earlier figures stay; the next run tries again): \(problem)"
                    )
                } else {
                    memory.imported[export.path] = sha256
                    // What the import stored, in its own words (how many figures, which periods, what was added).
                    for line in imported.output.split(separator: "\n") where !line.isEmpty { try log.say(String(line)) }
                }
            }
            if unchanged > 0 {
                try log.say(
                    nl
                        ? "\(unchanged) exportbestand(en) ongewijzigd sinds de vorige run."
                        : "\(unchanged) export file(s) unchanged since the last run.")
            }
        }

        // 3. The check, from the store as it now is.
        let data = try DataOptions.parse(plan.indicatorFile.map { ["--indicator-file", $0.path] } ?? [])
        let workspace = try Workspace.open(global: global, data: data)
        let results = try workspace.check(targets: plan.targets)
        let check = CheckReport(results, locale: plan.locale)
        let alarms = AlarmChanges.alarms(results, locale: plan.locale)
        for line in check.lines where !line.isEmpty { try log.say(line) }
        try log.say(check.summary)

        // 4. The reports.
        for report in plan.reports {
            try? FileManager.default.createDirectory(
                at: report.output.deletingLastPathComponent(), withIntermediateDirectories: true)
            var arguments = ["report"] + report.municipalities + ["--output", report.output.path] + cache
            if !report.indicators.isEmpty { arguments += ["--indicators", report.indicators.joined(separator: ",")] }
            if let year = report.year { arguments += ["--year", String(year)] }
            if let indicators = plan.indicatorFile { arguments += ["--indicator-file", indicators.path] }
            if let problem = await Self.runQuietly(arguments, language.locale) {
                failures += 1
                try log.say(
                    nl
                        ? "\(report.output.lastPathComponent): rapport niet geschreven; de volgende run probeert het opnieuw: \(problem)"
                        : "\(report.output.lastPathComponent): report not written; the next run tries again: \(problem)")
            } else {
                try log.say(nl ? "\(report.output.path): geschreven." : "\(report.output.path): written.")
            }
        }

        // 5. Each channel told what changed since it was last told; a channel that fails is told again next run.
        var channels: [(name: String, address: String, send: (AlarmChanges) throws -> Void)] = []
        if let email = plan.email {
            let credentials = try SMTPCredentials.read(email.credentials)
            let mail = MailSubmission(
                host: email.host, port: email.port, security: MailSubmission.Security(rawValue: email.security) ?? .starttls,
                from: email.from, to: email.to, username: credentials?.user, password: credentials?.password)
            channels.append(
                (
                    "email", email.to.joined(separator: ", "),
                    { changes in
                        let message = changes.mail(monitor: plan.name, summary: check.summary, locale: plan.locale)
                        try mail.send(subject: message.subject, body: message.body)
                    }
                ))
        }
        if let webhook = plan.webhook {
            channels.append(
                (
                    "webhook", webhook,
                    { changes in try WebhookPost(url: webhook).send(try changes.json(monitor: plan.name, summary: check.summary))
                    }
                ))
        }
        for channel in channels {
            // The channel as the reader says it; its key in the memory stays `email` / `webhook`.
            let said = channel.name == "email" && nl ? "e-mail" : channel.name
            let changes = AlarmChanges.between(told: memory.told[channel.name] ?? [:], now: alarms)
            if changes.isEmpty {
                try log.say(
                    nl
                        ? "\(said): niets nieuws te melden."
                        : "\(said): nothing new to tell.")
                continue
            }
            do {
                try channel.send(changes)
                memory.told[channel.name] = alarms
                try log.say(
                    nl
                        ? "\(said): \(changes.new.count) nieuw(e) en \(changes.resolved.count) opgelost gemeld aan \(channel.address)."
                        : "\(said): told \(channel.address) of \(changes.new.count) new and \(changes.resolved.count) resolved."
                )
            } catch let error as SendError {
                failures += 1
                try log.say(
                    nl
                        ? "\(said): melden mislukt, de volgende run probeert het opnieuw: \(error.commandLineMessage(.nl))"
                        : "\(said): telling failed; the next run tries again: \(error.commandLineMessage(.en))")
            }
        }

        memory.lastRun = ISO8601DateFormatter().string(from: Date())
        try memory.write(memoryFile)
        if failures > 0 { throw MonitorIncomplete(failures: failures) }
    }

    /// Runs another command of this program in this process, its output kept for the run; nil when it succeeded,
    /// else its message.
    static func runQuietly(_ arguments: [String], _ locale: ReportLocale) async -> String? {
        await runCapturing(arguments, locale).problem
    }

    /// The same, with what the command said (an import's summary of what it stored). The command runs as
    /// `maatstaf` itself runs it (`InProcess`), its output kept for the run.
    static func runCapturing(_ arguments: [String], _ locale: ReportLocale) async -> (problem: String?, output: String) {
        let result = await InProcess.run(arguments + ["--locale", locale.rawValue], environment: Console.current.environment)
        guard result.status != 0 else { return (nil, result.stdout) }
        // The command's one-line message, without the program's own prefix.
        let last = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
        let message = ["maatstaf: fout: ", "maatstaf: error: "].reduce(last) { text, prefix in
            text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
        }
        return (message, result.stdout)
    }
}

/// A monitor run with a step that failed (exit 75, EX_TEMPFAIL): the scheduler runs it again later.
struct MonitorIncomplete: Error {
    var failures: Int
}
