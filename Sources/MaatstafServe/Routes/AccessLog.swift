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
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "dd/MMM/yyyy:HH:mm:ss Z"
        let elapsed = ContinuousClock.now - start
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        // The address as asked, cut short and without control characters (a log line is one line).
        let target = String(request.uri.description.prefix(300).map { $0.isASCII && !$0.isNewline && $0 != "\u{1B}" ? $0 : "?" })
        write(
            "\(who) - - [\(formatter.string(from: Date()))] \"\(request.method.rawValue) \(target) HTTP/1.1\" \(status) \(milliseconds)ms"
        )
    }
}
