import Foundation
import HTTPTypes
import Hummingbird

/// One line per request for a team's server, in the shape web servers write (`127.0.0.1 - - [07/Dec/2026:05:10:00
/// +0000] "GET /maatstaf/?m=GM0293 HTTP/1.1" 200 12ms`): who asked what, and how it went — without the framework's
/// own debug logging.
struct AccessLog: RouterMiddleware {
    typealias Context = BasicRequestContext
    let write: @Sendable (String) -> Void

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        // Behind the reverse proxy the client is in X-Forwarded-For; the connection itself is always the proxy.
        let who = request.headers[HTTPField.Name("X-Forwarded-For")!].map { String($0.prefix(100)) } ?? "-"
        do {
            let response = try await next(request, context)
            line(who, request, status: response.status.code, since: start)
            return response
        } catch let error as HTTPResponseError {
            line(who, request, status: error.status.code, since: start)
            throw error
        } catch {
            line(who, request, status: 500, since: start)
            throw error
        }
    }

    private func line(_ who: String, _ request: Request, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        // The address as asked, cut short, printable ASCII only (a log line is one line, and no escape reaches a
        // terminal that shows the log).
        let target = String(
            request.uri.description.prefix(300).map { ($0.asciiValue.map { (0x20..<0x7F).contains($0) } ?? false) ? $0 : "?" })
        write(
            "\(who) - - [\(Self.stamp())] \"\(request.method.rawValue) \(target) HTTP/1.1\" \(status) \(milliseconds)ms")
    }

    /// `07/Dec/2026:05:10:00 +0000`: the time in UTC, as web servers' logs write it, without a formatter per request.
    static func stamp(_ date: Date = Date()) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(parts.tm_mday))/\(months[Int(parts.tm_mon)])/\(parts.tm_year + 1900):\(two(parts.tm_hour)):"
            + "\(two(parts.tm_min)):\(two(parts.tm_sec)) +0000"
    }
}
