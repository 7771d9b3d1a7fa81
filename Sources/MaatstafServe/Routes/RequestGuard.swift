import HTTPTypes
import Hummingbird
import MaatstafCore

/// What every request passes before a page is made, and what every answer carries.
///
/// - **Host**: only the names the dashboard is reached by (127.0.0.1, localhost, ::1, or the host it was bound to on
///   purpose), with any port: a page elsewhere that resolves its own name to 127.0.0.1 (DNS rebinding) gets 421, not
///   the user's figures.
/// - **HEAD** (every route takes it) is answered as GET without a body, so `curl -I` sees the same status.
/// - **Frames and sniffing**: no other site may frame the pages (`X-Frame-Options`, CSP `frame-ancestors`), types are
///   taken as sent, no referrer leaves the machine.
struct RequestGuard: RouterMiddleware {
    typealias Context = BasicRequestContext
    /// The host the dashboard was bound to (`--host`), allowed besides the loopback names.
    let boundHost: String
    /// The names a reverse proxy passes on (`--public-host`), allowed too.
    var publicHosts: [String] = []

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard Self.allowed(request.head.authority, boundHost: boundHost, publicHosts: publicHosts) else {
            return Self.secured(
                Response(
                    status: .misdirectedRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: "maatstaf: this dashboard answers only to its own address\n"))))
        }
        if request.method == .head {
            let response = try await next(request, context)
            return Self.secured(Response(status: response.status, headers: response.headers, body: .init()))
        }
        return Self.secured(try await next(request, context))
    }

    /// A `Host` of the loopback names or the bound host, with or without a port; a request without one (HTTP/1.0) is
    /// let through, as only a browser's request can be rebound.
    static func allowed(_ authority: String?, boundHost: String, publicHosts: [String] = []) -> Bool {
        guard let authority, !authority.isEmpty else { return true }
        var host = authority.lowercased()
        if host.hasPrefix("["), let end = host.firstIndex(of: "]") {
            host = String(host[host.index(after: host.startIndex)..<end])
        } else if let colon = host.lastIndex(of: ":"), host.filter({ $0 == ":" }).count == 1 {
            host = String(host[..<colon])
        }
        return (["127.0.0.1", "localhost", "::1", boundHost.lowercased()] + publicHosts.map { $0.lowercased() }).contains(host)
    }

    static func secured(_ response: Response) -> Response {
        var response = response
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }
}
