import ArgumentParser
import Foundation
import MaatstafApp
import MaatstafCore
import MaatstafModel
import MaatstafServe

/// `maatstaf serve`: the local dashboard.
struct ServeCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "serve",
            abstract: ReaderLanguage.text(
                en: "Open a local dashboard: choose municipalities, an indicator and groups in a browser.",
                nl: "Open een lokaal dashboard: kies gemeenten, een indicator en groepen in een browser."),
            discussion: ReaderLanguage.text(
                en: """
                    Starts a small web application on this computer and prints its address; open it in a browser. It shows \
                    what `maatstaf report` shows for one indicator — the values with their ranks, the bars beside the \
                    Netherlands and the reference groups, a map of every municipality (click one to add it), the \
                    distribution, the trend and the numbers table with gaps — and downloads the view as CSV, an Excel \
                    workbook, JSON or the self-contained HTML report. The address holds the whole view, so a link can be \
                    shared with a colleague who runs maatstaf with the same data.

                    It reads the store the commands use (fetch tables with `maatstaf fetch` first) and writes nothing; it \
                    needs no internet: no scripts, fonts or styles come from elsewhere. It listens on 127.0.0.1 only, so \
                    nobody else on the network can reach it, unless --host says otherwise. Ctrl-C stops it.

                    Examples:
                      maatstaf serve
                      maatstaf serve --port 8400 --locale en
                      maatstaf serve --port 0      (any free port; the printed address says which)
                    """,
                nl: """
                    Start een kleine webtoepassing op deze computer en toont het adres; open dat in een browser. Ze toont wat \
                    `maatstaf report` voor één indicator toont — de waarden met hun plaats, de staven naast Nederland en de \
                    referentiegroepen, een kaart van elke gemeente (klik er een aan om haar toe te voegen), de spreiding, de \
                    ontwikkeling en de cijfertabel met gaten — en downloadt het beeld als CSV, een Excel-werkmap, JSON of het \
                    zelfstandige HTML-rapport. Het adres bevat het hele beeld, dus een koppeling kan gedeeld worden met een \
                    collega die maatstaf met dezelfde gegevens gebruikt.

                    Ze leest de opslag die de opdrachten gebruiken (haal tabellen eerst op met `maatstaf fetch`) en schrijft \
                    niets; ze heeft geen internet nodig: geen scripts, lettertypen of stijlen komen van elders. Ze luistert \
                    alleen op 127.0.0.1, zodat niemand anders op het netwerk erbij kan, tenzij --host iets anders zegt. \
                    Ctrl-C stopt haar.

                    Voorbeelden:
                      maatstaf serve
                      maatstaf serve --port 8400 --locale en
                      maatstaf serve --port 0      (elke vrije poort; het getoonde adres zegt welke)
                    """))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var language: LocaleOption

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "The port to listen on; 0 takes any free port.", nl: "De poort om op te luisteren; 0 neemt een vrije poort."),
            valueName: "port"))
    var port = 8321

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "The address to listen on. Anything but 127.0.0.1, ::1 or localhost makes the dashboard reachable from other computers: only on a network you trust.",
                nl:
                    "Het adres om op te luisteren. Alles behalve 127.0.0.1, ::1 of localhost maakt het dashboard bereikbaar vanaf andere computers: alleen op een netwerk dat u vertrouwt."
            ),
            valueName: "address"))
    var host = "127.0.0.1"

    @Flag(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "Allow --host to be an address other computers reach. The dashboard has no sign-in of its own: put it behind the municipality's reverse proxy with its sign-in (docs/deploy.md).",
                nl:
                    "Sta toe dat --host een adres is dat andere computers bereiken. Het dashboard heeft geen eigen aanmelding: zet het achter de reverse proxy van de gemeente, met diens aanmelding (docs/deploy.md)."
            )))
    var allowRemote = false

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Serve under this path, as the reverse proxy forwards it (e.g. /maatstaf); default: the root.",
                nl: "Bedien onder dit pad, zoals de reverse proxy het doorgeeft (bijvoorbeeld /maatstaf); standaard: de wortel."),
            valueName: "path"))
    var basePath = ""

    @Option(
        name: .customLong("public-host"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en:
                    "A name the reverse proxy passes on as Host (intranet.gemeente.example); repeat for more. Other names get 421.",
                nl:
                    "Een naam die de reverse proxy als Host doorgeeft (intranet.gemeente.example); herhaal voor meer. Andere namen krijgen 421."
            ), valueName: "name"))
    var publicHosts: [String] = []

    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Write one line per request to this file (- for standard output): who, when, what, status, time.",
                nl:
                    "Schrijf één regel per verzoek naar dit bestand (- voor de standaarduitvoer): wie, wanneer, wat, status, tijd."
            ),
            valueName: "file"))
    var accessLog: String?

    static let loopback: Set<String> = ["127.0.0.1", "::1", "localhost"]

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError(en: "--port must be between 0 and 65535.", nl: "--port moet tussen 0 en 65535 liggen.")
        }
        if !Self.loopback.contains(host) && !allowRemote {
            throw ValidationError(
                en:
                    "--host \(host) makes the dashboard reachable from other computers, and it has no sign-in of its own. Put it behind the reverse proxy's sign-in (docs/deploy.md) and add --allow-remote, or leave --host out.",
                nl:
                    "--host \(host) maakt het dashboard bereikbaar vanaf andere computers, en het heeft geen eigen aanmelding. Zet het achter de aanmelding van de reverse proxy (docs/deploy.md) en voeg --allow-remote toe, of laat --host weg."
            )
        }
        if !basePath.isEmpty {
            let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
            guard basePath.hasPrefix("/"), !basePath.hasSuffix("/"), !basePath.contains("//"), !basePath.contains(".."),
                basePath.unicodeScalars.allSatisfy(allowed.contains)
            else {
                throw ValidationError(
                    en:
                        "--base-path \(basePath): write a path like /maatstaf (a leading slash, no trailing one, letters, digits, - . _ ~).",
                    nl:
                        "--base-path \(basePath): schrijf een pad zoals /maatstaf (met een schuine streep vooraan, niet achteraan; letters, cijfers, - . _ ~)."
                )
            }
        }
    }

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        var dashboardData = try DashboardData(
            workspace: workspace, defaultLocale: language.locale, spelling: .commandLine)
        dashboardData.basePath = basePath
        let log = try accessLog.map { try Self.accessLogWriter($0) }
        if !Self.loopback.contains(host) {
            Console.current.error(
                language.locale == .nl
                    ? "Let op: luistert op \(host): iedereen die deze computer op poort \(port) bereikt, kan het dashboard gebruiken.\n"
                    : "Warning: listening on \(host): anyone who can reach this computer on port \(port) can use the dashboard.\n"
            )
        }
        let host = self.host
        let dutch = language.locale == .nl
        let console = Console.current
        let base = basePath
        try await Dashboard(data: dashboardData).run(host: host, port: port, publicHosts: publicHosts, accessLog: log) {
            bound in
            let shown = host.contains(":") ? "[\(host)]" : host
            let address = "http://\(shown):\(bound)\(base)/"
            try? console.output(
                dutch ? "maatstaf-dashboard: \(address) (Ctrl-C stopt)\n" : "maatstaf dashboard: \(address) (Ctrl-C stops)\n")
        }
    }

    /// Where the access log goes: standard output, or appended to a file (one write per line, so lines of concurrent
    /// requests never interleave).
    static func accessLogWriter(_ target: String) throws -> @Sendable (String) -> Void {
        if target == "-" {
            let console = Console.current
            return { line in try? console.output(line + "\n") }
        }
        let descriptor = open(target, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else {
            throw InputError(
                subject: target,
                reason: .en("cannot be opened for the access log", nl: "kan niet worden geopend voor het toegangslogboek"),
                hint: .en("Choose a file in a folder you can write to", nl: "Kies een bestand in een map waarin u mag schrijven"))
        }
        return { line in _ = StandardOutput.writeAll(Array((line + "\n").utf8), to: descriptor) }
    }
}
