import Foundation
import MaatstafCompare
import MaatstafCore
import MaatstafFetch
import MaatstafModel
import MaatstafSources
import MaatstafStore

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

    init?(_ error: Error) {
        guard let (code, message) = Self.classify(error) else { return nil }
        self.code = code
        self.message = message
    }

    /// Each module's error type, mapped to its exit code; nil for errors ArgumentParser reports itself.
    private static func classify(_ error: Error) -> (Int32, String)? {
        switch error {
        case let fetch as FetchError:
            switch fetch.kind {
            case .invalidURL: return (dataError, fetch.description)
            case .transport, .timeout, .truncated, .httpStatus, .cancelled, .tooLarge, .badResponse:
                return (networkError, fetch.description)
            case .notCached, .corruptCacheEntry: return (notAvailableOffline, fetch.description)
            case .cacheIO: return (ioError, fetch.description)
            }
        case let model as ModelError: return (dataError, model.description)
        case let store as StoreError:
            switch store.kind {
            case .io, .damaged, .locked: return (ioError, store.description)
            case .snapshotDamaged, .snapshotInvalid, .corrupt: return (dataError, store.description)
            }
        case let output as OutputWriteError: return (ioError, output.message)
        case let compare as CompareError:
            // The engine's hint says why; the fetch that mends it follows as commands to run.
            let fetch = compare.fetch.isEmpty ? "" : (compare.hint.isEmpty ? " " : ". ") + FetchRequest.sentence(compare.fetch)
            return (compare.kind == .tableNotFetched ? notAvailableOffline : dataError, compare.description + fetch)
        case let source as SourceError: return (dataError, source.description)
        case let missing as MissingValues: return (missingData, missing.message)
        default: return nil
        }
    }

    static let helpText = """
        Exit codes: 0 success; 64 bad command line; 65 bad input (unknown municipality, invalid file or URL); \
        66 output written, but a chosen municipality has no value (no delivery, nothing booked, suppressed); \
        69 network or server failure; 70 not available offline or not fetched yet; 74 cannot read or write the cache or store.
        """
}
