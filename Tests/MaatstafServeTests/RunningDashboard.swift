import Foundation
import MaatstafApp
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafStore
import MaatstafTestServer
import Testing

@testable import MaatstafServe

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The dashboard running in this process on an ephemeral port of 127.0.0.1, over a copy of the store with the
/// embedded snapshot, and a browser-like client (URLSession, which follows redirects as a browser does).
struct RunningDashboard {
    let port: Int
    let task: Task<Void, any Error>

    struct Page {
        var status: Int
        var body: String
        var bytes: Data
        /// Where the redirects ended.
        var url: String
        var headers: [String: String]
    }

    static func start(
        locale: ReportLocale = .en, basePath: String = "", accessLog: (@Sendable (String) -> Void)? = nil,
        maximumConnections: Int? = nil, load: ConnectionLoad? = nil
    ) async throws -> RunningDashboard {
        let store = try Store(path: try LoadedStore.copy())
        let workspace = try Workspace.open(store: store, regionsFolder: RepositoryFixtures.regions, indicatorsFile: nil)
        var data = try DashboardData(
            workspace: workspace, defaultLocale: locale,
            spelling: AdviceSpelling(
                advice: { advice, locale in advice.rendered(locale, option: { "‹\($0)›" }, action: { "‹\($0)›" }) },
                fetch: { "fetch \($0.table)" }))
        data.basePath = basePath
        let dashboardData = data
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task {
            try await Dashboard(data: dashboardData).run(
                host: "127.0.0.1", port: 0, stopOnSignals: false, accessLog: accessLog,
                load: load ?? ConnectionLoad(capacity: maximumConnections ?? ConnectionLoad.capacity())
            ) { port in
                continuation.yield(port)
                continuation.finish()
            }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return RunningDashboard(port: port, task: task)
    }

    func stop() { task.cancel() }

    var base: String { "http://127.0.0.1:\(port)" }

    func get(_ path: String, method: String = "GET") async throws -> Page {
        var request = URLRequest(url: try #require(URL(string: base + path)))
        request.httpMethod = method
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return Page(
            status: http.statusCode, body: String(decoding: data, as: UTF8.self), bytes: data,
            url: http.url?.absoluteString ?? "", headers: headers)
    }
}

/// Values of `data-…` attributes in a page: `attribute("data-value", in: row)`.
func attributes(_ name: String, in text: String) -> [String] {
    var found: [String] = []
    var rest = text[...]
    while let range = rest.range(of: "\(name)=\"") {
        let after = rest[range.upperBound...]
        guard let end = after.firstIndex(of: "\"") else { break }
        found.append(String(after[..<end]))
        rest = after[end...]
    }
    return found
}
