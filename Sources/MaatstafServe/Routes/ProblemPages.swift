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
            return Self.page(error, locale: locale, base: data.basePath, query: request.uri.query)
        } catch let error as HTTPError where error.status == .notFound {
            return Self.page(.notFound(String(request.uri.path.prefix(80))), locale: locale, base: data.basePath)
        } catch {
            let page = PageTemplate.problem.render([
                "base": data.basePath, "lang": locale.rawValue, "backHref": "\(data.basePath)/?lang=\(locale.rawValue)",
                "title": locale == .nl ? "Interne fout" : "Internal error",
                "message": locale == .nl
                    ? "Deze pagina kon niet worden gemaakt. Probeer het opnieuw of kies iets anders."
                    : "This page could not be made. Try again or choose something else.",
                "back": DashboardLabels(locale: locale).back,
            ])
            return Dashboard.html(page, status: .internalServerError)
        }
    }

    /// The page for `error`. `query`: the request's, so that the way back keeps what the reader had chosen (the
    /// municipalities, indicator, groups; not what could not be read) and each name offered instead of a mistyped one
    /// is a link to the same view with that name.
    static func page(_ error: DashboardError, locale: ReportLocale, base: String, query: String? = nil) -> Response {
        let parsed = query.flatMap(QueryString.init(parsing:))
        var back = "\(base)/?lang=\(locale.rawValue)"
        var offered: [[String: String]] = []
        if let parsed {
            var kept = parsed
            if let typed = error.alternatives?.typed {
                // Typed into the list (`m`) or the box that adds one (`add`): either way it becomes a chosen `m`.
                let isTyped = { (pair: (name: String, value: String)) in
                    (pair.name == "m" || pair.name == "add") && pair.value == typed
                }
                kept.pairs.removeAll(where: isTyped)
                for (index, name) in (error.alternatives?.names ?? []).enumerated() {
                    var with = parsed
                    with.pairs = parsed.pairs.map { isTyped($0) ? ("m", name) : $0 }
                    offered.append([
                        "name": name, "href": "\(base)/?\(with.encoded)",
                        "separator": index + 1 < (error.alternatives?.names.count ?? 0) ? "," : "",
                    ])
                }
            }
            if !kept.pairs.contains(where: { $0.name == "lang" }) { kept.pairs.append(("lang", locale.rawValue)) }
            back = "\(base)/?\(kept.encoded)"
        }
        var context: [String: Any] = [
            "base": base, "lang": locale.rawValue, "title": error.title(locale), "back": DashboardLabels(locale: locale).back,
            "backHref": back,
        ]
        if offered.isEmpty {
            context["message"] = error.message(locale)
        } else {
            context["message"] = error.statement(locale)
            context["offered"] = offered
        }
        let page = PageTemplate.problem.render(context)
        return Dashboard.html(page, status: HTTPResponse.Status(code: error.status))
    }
}
