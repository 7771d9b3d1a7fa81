// Fetch benchmark (issue 2): 200 small responses, each delayed 50 ms by a local server, fetched one at a time and
// then through the multi interface in parallel. Run by hand with `scripts/bench-fetch`; not a test.
// The bodies are synthetic (labelled as such): only timing matters here.
import Foundation
import MaatstafFetch
import MaatstafTestServer

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 200 : 200
let delay = Duration.milliseconds(arguments.count > 2 ? Int(arguments[2]) ?? 50 : 50)
// By default the product's own limit per host (what `maatstaf fetch` uses), so the number says what a user gets.
let parallelism = arguments.count > 3 ? Int(arguments[3]) ?? 0 : HTTPClientConfiguration().maxConcurrentPerHost

let body = Data(String(repeating: "synthetic benchmark body\n", count: 40).utf8)
let server = try TestHTTPServer { _ in TestResponse(body: body, behavior: .delay(delay)) }
let urls = (0..<count).map { "\(server.baseURL)/bench/\($0)" }

func peakResidentKB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
}

func measure(_ label: String, _ work: () async throws -> Int) async throws -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    let bytes = try await work()
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    guard bytes == body.count * count else { fatalError("\(label): got \(bytes) bytes, expected \(body.count * count)") }
    print(
        label.padding(toLength: 34, withPad: " ", startingAt: 0)
            + String(format: "%8.3f s  (%d requests, %d bytes)", seconds, count, bytes))
    return seconds
}

var sequentialConfiguration = HTTPClientConfiguration()
sequentialConfiguration.maxConcurrentPerHost = 1
let sequentialClient = HTTPClient(configuration: sequentialConfiguration)
var parallelConfiguration = HTTPClientConfiguration()
parallelConfiguration.maxConcurrentPerHost = parallelism
let parallelClient = HTTPClient(configuration: parallelConfiguration)

print("maatstaf fetch benchmark: \(count) responses of \(body.count) bytes, each delayed \(delay) by a local server")
let sequential = try await measure("sequential (one at a time)") {
    var total = 0
    for url in urls { total += try await sequentialClient.get(url).body.count }
    return total
}
let parallel = try await measure("parallel (multi, \(parallelism) per host)") {
    try await withThrowingTaskGroup(of: Int.self) { group in
        for url in urls { group.addTask { try await parallelClient.get(url).body.count } }
        var total = 0
        for try await bytes in group { total += bytes }
        return total
    }
}
print(
    "ratio sequential/parallel".padding(toLength: 34, withPad: " ", startingAt: 0)
        + String(format: "%8.1f×", sequential / parallel))
print("peak resident memory (client and server in one process): \(peakResidentKB() / 1024) MiB")
server.stop()
