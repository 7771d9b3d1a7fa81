import Foundation
public import MaatstafCore
import NIOCore

/// The dashboard cannot start listening: the port is taken, or the host is no address of this computer. Said in one
/// line with what to do, instead of the network library's own text.
public struct DashboardStartError: MaatstafError {
    public enum Kind: Sendable {
        case portInUse, unknownHost
        case other(String)
    }
    public var kind: Kind
    public var host: String
    public var port: Int

    public var subject: String { "\(host):\(port)" }

    public var reason: LocalizedText {
        switch kind {
        case .portInUse: .en("is in use by another program", nl: "is in gebruik door een ander programma")
        case .unknownHost: .en("is no address of this computer", nl: "is geen adres van deze computer")
        case .other(let detail): .en("cannot be listened on (\(detail))", nl: "kan niet beluisterd worden (\(detail))")
        }
    }

    public var hint: Advice {
        switch kind {
        case .portInUse:
            .en(
                "Choose another port with \(option: .dashboardPort), or stop the dashboard that already runs there",
                nl: "Kies een andere poort met \(option: .dashboardPort), of stop het dashboard dat er al draait")
        case .unknownHost:
            .en(
                "Leave out \(option: .dashboardHost) to listen on 127.0.0.1",
                nl: "Laat \(option: .dashboardHost) weg om op 127.0.0.1 te luisteren")
        case .other:
            .en(
                "Choose another \(option: .dashboardHost) or \(option: .dashboardPort)",
                nl: "Kies een andere \(option: .dashboardHost) of \(option: .dashboardPort)")
        }
    }

    public var category: ErrorCategory {
        switch kind {
        // A port another program holds is the network's, as far as an exit code tells (69).
        case .portInUse: .network
        case .unknownHost, .other: .badInput
        }
    }

    /// The start failure in words, or nil when `error` is not one.
    static func from(_ error: any Error, host: String, port: Int) -> DashboardStartError? {
        if let io = error as? IOError, io.errnoCode == EADDRINUSE {
            return DashboardStartError(kind: .portInUse, host: host, port: port)
        }
        if error is SocketAddressError || error is SocketAddressError.UnknownHost {
            return DashboardStartError(kind: .unknownHost, host: host, port: port)
        }
        if let io = error as? IOError, io.errnoCode == EADDRNOTAVAIL || io.errnoCode == EACCES {
            return DashboardStartError(kind: .other(String(cString: strerror(io.errnoCode))), host: host, port: port)
        }
        return nil
    }
}
