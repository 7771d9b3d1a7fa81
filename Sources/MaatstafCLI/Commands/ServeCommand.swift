import ArgumentParser
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

    static let loopback: Set<String> = ["127.0.0.1", "::1", "localhost"]

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError(en: "--port must be between 0 and 65535.", nl: "--port moet tussen 0 en 65535 liggen.")
        }
    }

    func run() async throws {
        let workspace = try Workspace.open(global: global, data: data)
        let dashboardData = try DashboardData(
            workspace: workspace, defaultLocale: language.locale, spelling: .commandLine)
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
        try await Dashboard(data: dashboardData).run(host: host, port: port) { bound in
            let shown = host.contains(":") ? "[\(host)]" : host
            let address = "http://\(shown):\(bound)/"
            try? console.output(
                dutch ? "maatstaf-dashboard: \(address) (Ctrl-C stopt)\n" : "maatstaf dashboard: \(address) (Ctrl-C stops)\n")
        }
    }
}
