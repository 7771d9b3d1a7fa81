import Foundation
import MaatstafCore
import MaatstafTestServer
import Testing

/// Where output goes: never through a planted link, never replacing a device, never a silently short file.
@Suite("Writing output safely")
struct OutputHardeningTests {
    let folder = RepositoryFixtures.temporaryFolder()
    var cache: String { CLIRunner.loadedCache }
    var compare: [String] { ["compare", "--indicator", "jeugd.hulp", "--year", "2023", "--format", "csv", "Westervoort"] }

    @Test("--output /dev/null writes to the device and leaves it a device")
    func device() async throws {
        let result = try await CLIRunner().run(compare + ["--cache-dir", cache, "--output", "/dev/null"])
        #expect(result.status == 0, "\(result.stderr)")
        var info = stat()
        #expect(lstat("/dev/null", &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test("--output to a FIFO writes into it and leaves it a FIFO")
    func fifo() async throws {
        let path = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(path, 0o600) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [path]
        let out = Pipe()
        reader.standardOutput = out
        try reader.run()
        let result = try await CLIRunner().run(compare + ["--cache-dir", cache, "--output", path])
        let received = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(received.hasPrefix("indicator,year,document,code"))
        var info = stat()
        #expect(lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test("a link at the target is replaced, never written through; no temporary file is left")
    func link() async throws {
        let victim = folder.appendingPathComponent("victim.txt")
        try "keep me".write(to: victim, atomically: true, encoding: .utf8)
        let target = folder.appendingPathComponent("out.csv")
        try FileManager.default.createSymbolicLink(at: target, withDestinationURL: victim)
        let result = try await CLIRunner().run(compare + ["--cache-dir", cache, "--output", target.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep me")
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("indicator,year,document,code"))
        var info = stat()
        #expect(lstat(target.path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test("a folder as --output is refused with a clear message")
    func folderTarget() async throws {
        let result = try await CLIRunner().run(compare + ["--cache-dir", cache, "--output", folder.path])
        #expect(result.status == 74)
        #expect(result.stderr.contains("\(folder.path): is a folder"))
    }

    @Test("standard output on a full disk is an error, not a short file with exit 0")
    func fullDisk() async throws {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.environment = CLIRunner.environment([:])
        process.arguments = compare + ["--cache-dir", cache]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 74)
        #expect(message.contains("standard output: cannot write (No space left on device)"))
    }
}
