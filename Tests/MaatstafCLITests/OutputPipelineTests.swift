import Foundation
import MaatstafTestServer
import Testing

/// One output pipeline: every command that prints a table writes the same CSV dialect and a workbook, in both
/// languages, and the file name's extension chooses the format when `--format` is not given.
@Suite("One writer per format: every table command, both languages")
struct OutputPipelineTests {
    /// Every command whose output is a table, with what it needs to run on the embedded snapshot.
    static let commands: [[String]] = [
        ["compare", "--indicator", "wmo.huishoudelijke-hulp", "--year", "2023", "Westervoort", "Duiven"],
        ["rank", "--indicator", "jeugd.hulp", "--year", "2023", "--within", "liemers"],
        ["trend", "--indicator", "jeugd.hulp", "Westervoort"],
        ["budget", "--indicator", "jeugd.hulp", "--year", "2023", "Westervoort"],
        ["region", "liemers", "--indicator", "wmo.huishoudelijke-hulp", "--year", "2023"],
        ["peers", "Westervoort"],
        ["best-practice", "--indicator", "jeugd.hulp", "--year", "2023", "Westervoort"],
        ["indicators", "list"],
        ["regions", "list"],
        ["regions", "show", "liemers"],
        ["regions", "show", "Westervoort"],
        ["municipalities", "--year", "2023"],
        ["municipalities", "--dissolved"],
        ["tables", "--stored"],
    ]

    static let cases: [([String], String)] = commands.flatMap { command in ["nl", "en"].map { (command, $0) } }

    func run(_ arguments: [String], locale: String) async throws -> CLIRunner.Result {
        // `tables` reads no regions; every other command is given the repository's.
        let regions = arguments.first == "tables" ? [] : ["--regions", RepositoryFixtures.regions.path]
        return try await CLIRunner().run(arguments + ["--locale", locale, "--cache-dir", CLIRunner.loadedCache] + regions)
    }

    @Test("CSV: Dutch is ;-separated with a byte-order mark, English ,-separated without", arguments: cases)
    func csvDialect(_ command: [String], _ locale: String) async throws {
        let result = try await run(command + ["--format", "csv"], locale: locale)
        #expect(result.status == 0, "\(command): \(result.stderr)")
        let bytes = Array(result.stdout.utf8)
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect((Array(bytes.prefix(3)) == bom) == (locale == "nl"), "\(command) \(locale)")
        // "\r\n" is one Character in Swift: lines are split on it as a string.
        let header = result.stdout.drop { $0 == "\u{FEFF}" }.components(separatedBy: "\r\n")[0]
        let (own, other): (Character, Character) = locale == "nl" ? (";", ",") : (",", ";")
        #expect(header.contains(own), "\(command) \(locale): \(header)")
        #expect(!header.contains(other), "\(command) \(locale): \(header)")
        // A header and rows (the store of these tests has no fetched table: `tables --stored` is a header alone).
        let lines = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count >= (command.first == "tables" ? 1 : 2), "\(command) \(locale): no rows")
    }

    @Test("xlsx: a workbook with a sheet whose header is the CSV's header, and a sheet of notes", arguments: cases)
    func workbook(_ command: [String], _ locale: String) async throws {
        let path = RepositoryFixtures.temporaryFolder().appendingPathComponent("out.xlsx").path
        let result = try await run(command + ["--format", "xlsx", "--output", path], locale: locale)
        #expect(result.status == 0, "\(command): \(result.stderr)")
        let csv = try await run(command + ["--format", "csv"], locale: locale).stdout
        let header = csv.drop { $0 == "\u{FEFF}" }.components(separatedBy: "\r\n")[0]
            .split(separator: locale == "nl" ? ";" : ",", omittingEmptySubsequences: false).map(String.init)
        let cells = try SpreadsheetTests.cells(path, sheet: 1)
        // The region view's and compare's workbooks begin with the reader's sheet; their CSV is the long sheet after it.
        let sheet = ["region", "compare"].contains(command.first) ? try SpreadsheetTests.cells(path, sheet: 2) : cells
        let columns = (0..<header.count).map { index -> String in
            let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            return (index >= 26 ? String(letters[index / 26 - 1]) : "") + String(letters[index % 26]) + "1"
        }
        #expect(columns.map { sheet[$0]?.value ?? "" } == header.map { $0.replacingOccurrences(of: "\"", with: "") })
    }

    @Test(
        "the extension of --output chooses the format; a clash with --format, or a format the command does not write, is refused")
    func extensionChooses() async throws {
        let folder = RepositoryFixtures.temporaryFolder()
        let compare = ["compare", "--indicator", "jeugd.hulp", "--year", "2023", "Westervoort"]
        var result = try await run(compare + ["--output", folder.appendingPathComponent("a.csv").path], locale: "nl")
        #expect(result.status == 0)
        let csv = try Data(contentsOf: folder.appendingPathComponent("a.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF] + Array("indicator;jaar;stuk;".utf8)))
        result = try await run(compare + ["--output", folder.appendingPathComponent("a.xlsx").path], locale: "en")
        #expect(result.status == 0)
        let zip = try Data(contentsOf: folder.appendingPathComponent("a.xlsx"))
        #expect(zip.prefix(2) == Data("PK".utf8))
        result = try await run(
            compare + ["--format", "csv", "--output", folder.appendingPathComponent("b.xlsx").path], locale: "en")
        #expect(result.status == 64)
        #expect(result.stderr.contains("b.xlsx is named as xlsx, but --format says csv"))
        result = try await run(compare + ["--output", folder.appendingPathComponent("c.html").path], locale: "nl")
        #expect(result.status == 64)
        #expect(result.stderr.contains("deze opdracht schrijft geen html"))
        result = try await run(compare + ["--format", "html"], locale: "en")
        #expect(result.status == 64)
        #expect(result.stderr.contains("choose one of: table, csv, json, markdown, xlsx"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.xlsx").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("c.html").path))
        // The report: an .md file is Markdown, an .xlsx file a workbook, without --format.
        result = try await run(
            ["report", "Westervoort", "--indicators", "jeugd.hulp", "--output", folder.appendingPathComponent("r.md").path],
            locale: "nl")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("r.md"), encoding: .utf8).hasPrefix("#"))
    }

    @Test("a workbook goes through the one safe output: a link to a device is written through, a FIFO is read, a folder refused")
    func workbookOutputIsSafe() async throws {
        let folder = RepositoryFixtures.temporaryFolder()
        let compare = ["compare", "--indicator", "jeugd.hulp", "--year", "2023", "Westervoort", "--format", "xlsx"]
        // A link to a device: written through, the link left a link (it used to be replaced by a file).
        let link = folder.appendingPathComponent("out.xlsx")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/null")
        var result = try await run(compare + ["--output", link.path], locale: "en")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "/dev/null")
        // A FIFO: written into, not replaced; what comes out is a workbook.
        let fifo = folder.appendingPathComponent("pipe.xlsx").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Task.detached { FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data() }
        result = try await run(compare + ["--output", fifo], locale: "en")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(await reader.value.prefix(2) == Data("PK".utf8))
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        // A folder: refused, nothing written into it.
        result = try await run(compare + ["--output", folder.path], locale: "en")
        #expect(result.status == 74)
        // No temporary file is left beside the outputs.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["out.xlsx", "pipe.xlsx"])
    }

    @Test("regions list shows every group --against accepts, with the names a reader of the language may type")
    func everyGroupListed() async throws {
        let nl = try await run(["regions", "list", "--format", "json"], locale: "nl").stdout
        for id in ["national", "province", "corop", "labour-market-region", "size-class", "urbanity", "jeugdregio", "peers"] {
            #expect(nl.contains("\"id\" : \"\(id)\""), "\(id)")
            // … and each is accepted by --against.
            let result = try await run(
                ["compare", "--indicator", "jeugd.hulp", "--year", "2023", "--against", id, "Westervoort", "--format", "csv"],
                locale: "en")
            #expect(result.status == 0, "\(id): \(result.stderr)")
        }
        let table = try await run(["regions", "list"], locale: "nl").stdout
        #expect(table.contains("ook: provincie"))
        #expect(table.contains("ook: buren"))
        // The Dutch names are accepted where the output uses them.
        for name in ["provincie", "grootteklasse", "stedelijkheid", "buren", "arbeidsmarktregio"] {
            let result = try await run(
                ["compare", "--indicator", "jeugd.hulp", "--year", "2023", "--against", name, "Westervoort", "--format", "csv"],
                locale: "nl")
            #expect(result.status == 0, "\(name): \(result.stderr)")
        }
    }
}
