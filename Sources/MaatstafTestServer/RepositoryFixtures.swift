public import Foundation

/// Paths into this repository for tests: the embedded real snapshot and the shipped regions.
public enum RepositoryFixtures {
    /// The package root (this file is Sources/MaatstafTestServer/RepositoryFixtures.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var snapshot: URL { root.appendingPathComponent("cache/snapshot", isDirectory: true) }
    public static var regions: URL { root.appendingPathComponent("regions", isDirectory: true) }

    /// A file of the embedded snapshot, e.g. `iv3/2023_jaarrekening.csv`.
    public static func snapshotFile(_ path: String) throws -> Data {
        try Data(contentsOf: snapshot.appendingPathComponent(path))
    }

    /// A fresh, empty folder under this test process's own temporary root.
    public static func temporaryFolder() -> URL {
        let folder = processRoot.appendingPathComponent(UUID().uuidString)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// One root per test process (`maatstaf-tests-<pid>`), removed when the process exits; roots left by test
    /// processes that no longer run (killed, crashed) are removed when the next one starts.
    static let processRoot: URL = {
        let temporary = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        where name.hasPrefix("maatstaf-tests-") {
            if let pid = Int32(name.dropFirst("maatstaf-tests-".count)), kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
        let root = temporary.appendingPathComponent("maatstaf-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: RepositoryFixtures.processRoot) }
        return root
    }()

    /// A copy of the embedded snapshot in a temporary folder, to damage on purpose.
    public static func snapshotCopy() throws -> URL {
        let copy = temporaryFolder().appendingPathComponent("snapshot", isDirectory: true)
        try FileManager.default.copyItem(at: snapshot, to: copy)
        return copy
    }

    /// Splits a `;`/tab-separated file of the snapshot into fields, independently of maatstaf's own parser
    /// (the Iv3 and class files contain no quotes).
    public static func simpleRows(_ path: String, separator: Character) throws -> [[String]] {
        var text = String(decoding: try snapshotFile(path), as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.split(separator: "\n").map {
            $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        }
    }
}

/// SHA-256 by coreutils' sha256sum: an expected checksum computed independently of maatstaf's own.
public func independentSHA256(_ data: Data) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try? process.run()
    let writer = Thread {
        input.fileHandleForWriting.write(data)
        try? input.fileHandleForWriting.close()
    }
    writer.start()
    let result = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(String(decoding: result, as: UTF8.self).prefix(64))
}
