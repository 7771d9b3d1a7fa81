import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import MaatstafCore
import MaatstafModel
import NIOCore
import UnixSignals

/// `maatstaf serve`: the dashboard as a local web application (Hummingbird). It reads the same store as the
/// commands and writes nothing; it listens on 127.0.0.1 unless the caller binds it elsewhere on purpose.
public struct Dashboard: Sendable {
    let data: DashboardData

    public init(data: DashboardData) {
        self.data = data
    }

    /// Serves until the task is cancelled, or (with `stopOnSignals`) the process gets SIGINT or SIGTERM.
    /// `onRunning` receives the port actually bound (the one asked for, or the system's choice for port 0).
    /// `publicHosts`: the names a reverse proxy passes on in `Host`, accepted besides the bound and loopback ones.
    /// `accessLog`: receives one line per request (who, when, what, status, how long), for a team's server.
    /// `maximumConnections`: how many connections to take at most; nil for `ConnectionLoad.capacity()` (4,096, or
    /// what the process's file limit allows).
    public func run(
        host: String, port: Int, publicHosts: [String] = [], stopOnSignals: Bool = true,
        accessLog: (@Sendable (String) -> Void)? = nil, maximumConnections: Int? = nil,
        onRunning: @escaping @Sendable (Int) async -> Void
    ) async throws {
        try await run(
            host: host, port: port, publicHosts: publicHosts, stopOnSignals: stopOnSignals, accessLog: accessLog,
            load: ConnectionLoad(capacity: maximumConnections ?? ConnectionLoad.capacity()), onRunning: onRunning)
    }

    /// As above, counting connections in `load` (a test watches how many are open).
    func run(
        host: String, port: Int, publicHosts: [String] = [], stopOnSignals: Bool = true,
        accessLog: (@Sendable (String) -> Void)? = nil, load: ConnectionLoad,
        onRunning: @escaping @Sendable (Int) async -> Void
    ) async throws {
        var logger = Logger(label: "maatstaf-serve")
        // The dashboard reports what matters itself (the address, a failure to bind); the framework's request log
        // would only bury it.
        logger.logLevel = .critical
        // Slow or idle clients cannot hold the dashboard: a request's head must arrive within 10 s (1 s once a
        // quarter of the connections it takes are open), an idle connection is closed after 30 s, and at most 4,096
        // connections are open at once (docs/security.md).
        let app = Application(
            router: router(boundHost: host, publicHosts: publicHosts, accessLog: accessLog),
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [
                        HeaderDeadline(limit: Self.headerLimit, underPressure: Self.headerLimitUnderPressure, load: load)
                    ], idleTimeout: Self.idleLimit)),
            configuration: .init(
                address: .hostname(host, port: port), serverName: "maatstaf",
                availableConnectionsDelegate: MaximumAvailableConnections(load.capacity)),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
        do {
            try await app.runService(gracefulShutdownSignals: stopOnSignals ? [.sigterm, .sigint] : [])
        } catch {
            throw DashboardStartError.from(error, host: host, port: port) ?? error
        }
    }

    static let headerLimit = TimeAmount.seconds(10)
    static let idleLimit = TimeAmount.seconds(30)
    static let headerLimitUnderPressure = TimeAmount.seconds(1)

    func router(
        boundHost: String, publicHosts: [String] = [], accessLog: (@Sendable (String) -> Void)? = nil
    ) -> Router<BasicRequestContext> {
        let router = Router()
        if let accessLog { router.add(middleware: AccessLog(write: accessLog)) }
        router.add(middleware: RequestGuard(boundHost: boundHost, publicHosts: publicHosts))
        router.add(middleware: ProblemPages(data: data))
        let data = self.data
        let views = ViewCache()
        // Every page also answers HEAD (the guard drops the body), so a link checker sees what a browser gets.
        let base = data.basePath
        // Every route lives under the base path (a reverse proxy passes `/maatstaf/…` on as it is); the router takes
        // `/maatstaf` and `/maatstaf/` as one, and every link the pages make is absolute, so both work.
        func route(
            _ path: String, _ handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Response
        ) {
            router.on(RouterPath(base + path), method: .get, use: handler)
            router.on(RouterPath(base + path), method: .head, use: handler)
        }
        route("/") { request, _ in
            let parsed = try ViewRequest.parse(request.uri.query, data: data)
            if parsed.needsRedirect {
                return Response(status: .seeOther, headers: [.location: DashboardPage.address(parsed.state, base: base)])
            }
            // The same address is the same page while the dashboard serves: kept once rendered (`ViewCache`).
            let page = try views.page(DashboardPage.address(parsed.state, base: base)) { () throws(DashboardError) in
                try DashboardPage(data: data, state: parsed.state).render()
            }
            return Self.html(page)
        }
        for download in Download.allCases {
            route("/download/\(download.rawValue)") { request, _ in
                let state = try ViewRequest.parse(request.uri.query, data: data).state
                let file = try download.make(state, data: data)
                var headers: HTTPFields = [.contentType: download.contentType]
                if download != .json {
                    headers[.contentDisposition] = "attachment; filename=\"\(download.fileName(state, year: file.year))\""
                }
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
            }
        }
        route("/suggest") { request, _ in
            let query = QueryString(parsing: request.uri.query ?? "")?.first("q") ?? ""
            let names = Suggestions.names(for: String(query.prefix(ViewRequest.maxValueLength)), data.atlas.directory)
            let body = try JSONEncoder().encode(names)
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        route("/assets/dashboard.css") { _, _ in
            Self.asset(DashboardAssets.css, type: "text/css; charset=utf-8")
        }
        route("/assets/dashboard.js") { _, _ in
            Self.asset(DashboardAssets.javascript, type: "text/javascript; charset=utf-8")
        }
        route("/favicon.ico") { _, _ in Response(status: .noContent) }
        // For the proxy's or the monitoring's health check: the store answers and the atlas has municipalities.
        route("/healthz") { _, _ in
            let count = (try? data.atlas.profiles(year: data.atlas.years.last ?? 0).count) ?? 0
            let body = #"{"status":"\#(count > 0 ? "ok" : "no-data")","municipalities":\#(count)}"#
            return Response(
                status: count > 0 ? .ok : .serviceUnavailable,
                headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        return router
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8",
                // Nothing from elsewhere, even if a page were made to ask: scripts, styles and images from this
                // server only.
                .contentSecurityPolicy:
                    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
