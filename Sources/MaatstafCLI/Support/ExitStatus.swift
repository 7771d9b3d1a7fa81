import Foundation
import MaatstafCompare
import MaatstafCore

/// The exit codes maatstaf uses, documented in `maatstaf --help` and the README.
///
/// Scripts and CI jobs branch on these, so they are stable: 0 success, 64 bad command line (ArgumentParser),
/// 65 bad input data or file, 66 written but a chosen municipality has no value, 69 network or server failure,
/// 70 not available offline, 74 cache or store I/O.
struct ExitStatus {
    var code: Int32
    var message: String

    static let dataError: Int32 = 65
    static let missingData: Int32 = 66
    static let networkError: Int32 = 69
    static let notAvailableOffline: Int32 = 70
    static let ioError: Int32 = 74
    /// A monitor step failed and will be tried again (EX_TEMPFAIL).
    static let tryAgainLater: Int32 = 75

    init?(_ error: Error, locale: ReportLocale) {
        guard let (code, message) = Self.classify(error, locale) else { return nil }
        self.code = code
        self.message = message
    }

    /// Every maatstaf error by its category; nil for errors ArgumentParser reports itself.
    private static func classify(_ error: Error, _ locale: ReportLocale) -> (Int32, String)? {
        if let missing = error as? MissingValues { return (missingData, missing.message(locale)) }
        if let alarm = error as? CheckAlarm { return (alarm.code, alarm.message.text(locale)) }
        if let output = error as? OutputWriteError { return (ioError, output.message.text(locale)) }
        if let incomplete = error as? MonitorIncomplete {
            return (
                tryAgainLater,
                locale == .nl
                    ? "\(incomplete.failures) stap(pen) van de monitor mislukt; de volgende run probeert ze opnieuw (zie het logboek hierboven)"
                    : "\(incomplete.failures) step(s) of the monitor failed; the next run tries them again (see the log above)"
            )
        }
        guard let error = error as? any MaatstafError else { return nil }
        var message = error.commandLineMessage(locale)
        // A fetch that mends it follows as commands to run: the CLI alone knows their syntax.
        if let compare = error as? CompareError, !compare.fetch.isEmpty {
            message += (compare.hint.isEmpty ? " " : ". ") + FetchRequest.sentence(compare.fetch, locale)
        }
        switch error.category {
        case .badInput: return (dataError, message)
        case .network: return (networkError, message)
        case .notAvailable: return (notAvailableOffline, message)
        case .io: return (ioError, message)
        }
    }

    static func helpText(_ locale: ReportLocale) -> String {
        locale == .nl
            ? """
            Afsluitcodes: 0 gelukt; 64 onjuiste opdrachtregel; 65 onjuiste invoer (onbekende gemeente, ongeldig bestand \
            of adres); 66 uitvoer geschreven, maar een gekozen gemeente heeft geen waarde (geen levering, niets geboekt, \
            geheim); 69 netwerk- of serverfout; 70 niet offline beschikbaar of nog niet opgehaald; 74 kan de cache of \
            de opslag niet lezen of schrijven; 75 een stap van monitor mislukte en wordt de volgende keer opnieuw geprobeerd.
            """
            : """
            Exit codes: 0 success; 64 bad command line; 65 bad input (unknown municipality, invalid file or URL); \
            66 output written, but a chosen municipality has no value (no delivery, nothing booked, suppressed); \
            69 network or server failure; 70 not available offline or not fetched yet; 74 cannot read or write the cache or store; \
            75 a step of monitor failed and is tried again next time.
            """
    }
}
