import Foundation
import GRDB
import MaatstafTestServer
import Testing

/// The atlas a command makes is kept in the store for the next command, under the build ID of the program that made
/// it (read here with binutils' readelf, independently of maatstaf), and made anew when the store changed.
@Suite("The atlas kept between commands (end to end)")
struct KeptAtlasCommandTests {
    /// The GNU build ID of `program`, as `readelf -n` prints it.
    static func buildID(_ program: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/readelf")
        process.arguments = ["-n", program.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let line = try #require(text.split(separator: "\n").first { $0.contains("Build ID:") })
        return String(line.split(separator: ":").last!).trimmingCharacters(in: .whitespaces)
    }

    @Test("kept by the first command under the program's build ID; the second prints the same; a change is seen")
    func keptBetweenCommands() async throws {
        let cache = CLIRunner.freshLoadedCache()
        let store = cache + "/maatstaf.sqlite"
        let arguments = ["compare", "--indicator", "jeugd.hulp", "--year", "2023", "--cache-dir", cache, "Westervoort", "Duiven"]
        let first = try await CLIRunner.binary.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let kept = try DatabaseQueue(path: store).read { db in
            try Row.fetchAll(db, sql: "SELECT name, build FROM derived_value")
        }
        #expect(kept.map { $0["name"] as String } == ["municipality-atlas"])
        #expect(kept.first.map { $0["build"] as String } == (try Self.buildID(CLIRunner.executable)))

        let second = try await CLIRunner.binary.run(arguments)
        #expect(second.status == 0)
        #expect(second.stdout == first.stdout)

        // Another program adds a name: the next command knows it (the kept atlas was not used).
        try await DatabaseQueue(path: store).write { db in
            try db.execute(
                sql: "INSERT INTO municipality_name (name, code, source) VALUES ('Westervoort aan de IJssel', 'GM0293', 'test')")
        }
        let renamed = try await CLIRunner.binary.run([
            "compare", "--indicator", "jeugd.hulp", "--year", "2023", "--cache-dir", cache, "Westervoort aan de IJssel",
            "Duiven",
        ])
        #expect(renamed.status == 0, "\(renamed.stderr)")
        #expect(renamed.stdout == first.stdout)
    }
}
