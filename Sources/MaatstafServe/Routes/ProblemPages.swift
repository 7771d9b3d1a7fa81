import HTTPTypes
import Hummingbird
import MaatstafCore
import Mustache

/// Every failure as a page in the reader's language with its status: a `DashboardError` as it says, an address the
/// router does not know as 404, anything else as 500 — never a stack trace or the framework's bare text.
struct ProblemPages: RouterMiddleware {
    typealias Context = BasicRequestContext
    let data: DashboardData

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        // The page's language, read only when there is a problem to word.
        var locale: ReportLocale {
            QueryString(parsing: request.uri.query ?? "")?.first("lang").flatMap(ReportLocale.init(rawValue:))
                ?? data.defaultLocale
        }
        // Every route is a GET: the router would answer another method with "not found", which it is not.
        guard request.method == .get || request.method == .head else {
            return Self.page(.methodNotAllowed, locale: locale, base: data.basePath)
        }
        do {
            return try await next(request, context)
        } catch let error as DashboardError {
            return Self.page(error, locale: locale, base: data.basePath)
        } catch let error as HTTPError where error.status == .notFound {
            return Self.page(.notFound(String(request.uri.path.prefix(80))), locale: locale, base: data.basePath)
        } catch {
            let page = PageTemplate.problem.render([
                "base": data.basePath, "lang": locale.rawValue, "title": locale == .nl ? "Interne fout" : "Internal error",
                "message": locale == .nl
                    ? "Deze pagina kon niet worden gemaakt. Probeer het opnieuw of kies iets anders."
                    : "This page could not be made. Try again or choose something else.",
                "back": DashboardLabels(locale: locale).back,
            ])
            return Dashboard.html(page, status: .internalServerError)
        }
    }

    static func page(_ error: DashboardError, locale: ReportLocale, base: String) -> Response {
        let page = PageTemplate.problem.render([
            "base": base, "lang": locale.rawValue, "title": error.title(locale), "message": error.message(locale),
            "back": DashboardLabels(locale: locale).back,
        ])
        return Dashboard.html(page, status: HTTPResponse.Status(code: error.status))
    }
}
