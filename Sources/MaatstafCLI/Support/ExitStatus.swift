import Foundation
import MaatstafCompare
import MaatstafFetch
import MaatstafModel
import MaatstafSources
import MaatstafStore

/// The exit codes maatstaf uses, documented in `maatstaf --help` and the README.
///
/// Scripts and CI jobs branch on these, so they are stable: 0 success, 64 bad command line (ArgumentParser),
/// 65 bad input data or file, 69 network or server failure, 70 not available offline, 74 cache or store I/O.
struct ExitStatus {
    var code: Int32
    var message: String

    static let dataError: Int32 = 65
    static let networkError: Int32 = 69
    static let notAvailableOffline: Int32 = 70
    static let ioError: Int32 = 74

    init?(_ error: Error) {
        if let fetch = error as? FetchError {
            message = fetch.description
            switch fetch.kind {
            case .invalidURL: code = Self.dataError
            case .transport, .timeout, .truncated, .httpStatus, .cancelled: code = Self.networkError
            case .notCached, .corruptCacheEntry: code = Self.notAvailableOffline
            case .cacheIO: code = Self.ioError
            }
            return
        }
        if let model = error as? ModelError {
            message = model.description
            code = Self.dataError
            return
        }
        if let store = error as? StoreError {
            message = store.description
            code = store.kind == .io ? Self.ioError : Self.dataError
            return
        }
        if let failure = error as? OutputWriteError {
            message = failure.message
            code = Self.ioError
            return
        }
        if let compare = error as? CompareError {
            message = compare.description
            code = compare.kind == .tableNotFetched ? Self.notAvailableOffline : Self.dataError
            return
        }
        if let source = error as? SourceError {
            message = source.description
            code = Self.dataError
            return
        }
        return nil
    }

    static let helpText = """
        Exit codes: 0 success; 64 bad command line; 65 bad input (unknown municipality, invalid file or URL); \
        69 network or server failure; 70 not available offline or not fetched yet; 74 cannot read or write the cache or store.
        """
}
