import Foundation
import MaatstafApp
import MaatstafCore
import MaatstafServe
import MaatstafStore
import MaatstafTestServer
import Testing

@Suite("maatstaf serve: failures to start")
struct DashboardStartTests {
    @Test("a port in use and a host that is no address are said in one line with what to do, not the network library's text")
    func startFailures() async throws {
        let running = try await RunningDashboard.start()
        defer { running.stop() }
        let store = try Store(path: try LoadedStore.copy())
        let workspace = try Workspace.open(store: store, regionsFolder: RepositoryFixtures.regions, indicatorsFile: nil)
        let data = try DashboardData(
            workspace: workspace, defaultLocale: .en,
            spelling: AdviceSpelling(advice: { advice, locale in advice.plainText(locale) ?? "" }, fetch: { $0.table }))
        let taken = await #expect(throws: DashboardStartError.self) {
            try await Dashboard(data: data).run(host: "127.0.0.1", port: running.port, stopOnSignals: false) { _ in }
        }
        #expect(taken?.reason.en == "is in use by another program")
        #expect(taken?.category == .network)
        let unknown = await #expect(throws: DashboardStartError.self) {
            try await Dashboard(data: data).run(host: "nonexistent.invalid", port: 0, stopOnSignals: false) { _ in }
        }
        #expect(unknown?.reason.en == "is no address of this computer")
        #expect(unknown?.category == .badInput)
    }
}
