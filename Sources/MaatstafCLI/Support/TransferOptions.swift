import ArgumentParser
import MaatstafCore
import MaatstafFetch

/// Limits on one request that `fetch`, `tables` and `cache fetch` share: what a slow, stalled or hostile server may
/// cost before maatstaf gives up with an error naming the URL.
struct TransferOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Seconds one request may take, body included.", nl: "Seconden die één verzoek mag duren, inhoud meegerekend."),
            valueName: "seconds"))
    var timeout = 120.0

    @Option(
        name: .customLong("stall-timeout"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Seconds a transfer may receive nothing before it is aborted and retried.",
                nl: "Seconden dat een overdracht niets mag ontvangen voor ze afgebroken en opnieuw geprobeerd wordt."),
            valueName: "seconds"))
    var stallTimeout = 30.0

    @Option(
        name: .customLong("max-response-mb"),
        help: ArgumentHelp(
            ReaderLanguage.text(
                en: "Largest response accepted, in MiB after decompression (a CBS page is about 1 MB).",
                nl: "Grootste aanvaarde antwoord, in MiB na uitpakken (een CBS-pagina is ongeveer 1 MB)."), valueName: "MiB"))
    var maxResponseMB = 256

    func validate() throws {
        guard timeout > 0 else {
            throw ValidationError(en: "--timeout must be more than 0 seconds.", nl: "--timeout moet meer dan 0 seconden zijn.")
        }
        guard stallTimeout >= 1 else {
            throw ValidationError(
                en: "--stall-timeout must be at least 1 second.", nl: "--stall-timeout moet minstens 1 seconde zijn.")
        }
        guard maxResponseMB >= 1 else {
            throw ValidationError(en: "--max-response-mb must be at least 1.", nl: "--max-response-mb moet minstens 1 zijn.")
        }
    }

    /// A client configuration with these limits.
    var configuration: HTTPClientConfiguration {
        var configuration = HTTPClientConfiguration()
        configuration.timeout = .milliseconds(Int(timeout * 1000))
        configuration.stallTimeout = .milliseconds(Int(stallTimeout * 1000))
        configuration.maxBodyBytes = maxResponseMB << 20
        return configuration
    }
}
