import Foundation
import MaatstafTestServer
import Testing
import ZIPFoundation

/// `--format xlsx`: the workbook read back from its XML parts (independently of the writer), cell by cell.
@Suite("Excel workbooks: numbers as numbers, with formats, a frozen header and a sheet of sources")
struct SpreadsheetTests {
    /// Cells of one sheet: reference → (type attribute, value text, style index).
    static func cells(_ path: String, sheet: Int) throws -> [String: (type: String?, value: String, style: String?)] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        func part(_ name: String) throws -> String {
            guard let entry = archive[name] else { return "" }
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        let shared = try part("xl/sharedStrings.xml").matches(of: /<t[^>]*>([^<]*)<\/t>/).map { String($0.1) }
        var cells: [String: (type: String?, value: String, style: String?)] = [:]
        let xml = try part("xl/worksheets/sheet\(sheet).xml")
        for match in xml.matches(of: /<c r="([A-Z]+[0-9]+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/) {
            let attributes = String(match.2)
            let type = attributes.firstMatch(of: /t="([a-z]+)"/).map { String($0.1) }
            let style = attributes.firstMatch(of: /s="([0-9]+)"/).map { String($0.1) }
            var value = match.3.flatMap { $0.firstMatch(of: /<v>([^<]*)<\/v>/) }.map { String($0.1) } ?? ""
            if type == "s", let index = Int(value) { value = shared[index] }
            cells[String(match.1)] = (type, value, style)
        }
        return cells
    }

    @Test("compare as xlsx: the raw file's value and group rate as number cells in euros; the notes in their own sheet")
    func compareWorkbook() async throws {
        let path = RepositoryFixtures.temporaryFolder().appendingPathComponent("vergelijking.xlsx").path
        let result = try await CLIRunner().run([
            "compare", "--indicator", "wmo.huishoudelijke-hulp", "--year", "2023", "--against", "national",
            "Westervoort", "--format", "xlsx", "--output", path, "--locale", "nl", "--cache-dir", CLIRunner.loadedCache,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let cells = try Self.cells(path, sheet: 1)
        #expect(cells["D1"]?.value == "municipality")
        #expect(cells["D2"]?.value == "Westervoort")
        // E: value, a number cell (no type attribute), styled; P: the group rate.
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let value = try #require(cells["E2"])
        #expect(value.type == nil && value.style != nil)
        #expect(abs(Double(value.value)! - raw.rate("Westervoort", ["6.71a"])) < 1e-9)
        let national = raw.groupRate(["6.71a"]) { $0.delivered && $0.books(["6.71a"]) }
        #expect(abs(Double(cells["P2"]!.value)! - national) < 1e-9)
        // The year is a number, the difference in percent a fraction (shown as %).
        #expect(cells["B2"]?.type == nil && cells["B2"]?.value == "2023")
        let percent = Double(cells["W2"]!.value)!
        #expect(abs(percent - (raw.rate("Westervoort", ["6.71a"]) - national) / national) < 1e-9)
        let styles = try String(
            decoding: {
                let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
                var data = Data()
                _ = try archive.extract(archive["xl/styles.xml"]!) { data.append($0) }
                return data
            }(), as: UTF8.self)
        #expect(styles.contains("&quot;€ &quot;#,##0.00"))
        #expect(styles.contains("0.0%"))
        let sheet = try String(
            decoding: {
                let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
                var data = Data()
                _ = try archive.extract(archive["xl/worksheets/sheet1.xml"]!) { data.append($0) }
                return data
            }(), as: UTF8.self)
        #expect(sheet.contains("state=\"frozen\""))
        let notes = try Self.cells(path, sheet: 2)
        #expect(notes.values.contains { $0.value.contains("Bron: CBS") })
        #expect(notes.values.contains { $0.value.hasPrefix("Groepscijfer") })
    }

    @Test("xlsx needs --output (exit 64); an output that cannot be written leaves nothing behind (exit 74)")
    func refusals() async throws {
        var result = try await CLIRunner().run([
            "rank", "--indicator", "jeugd.hulp", "--format", "xlsx", "--cache-dir", CLIRunner.loadedCache,
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("add --output NAME.xlsx"))
        result = try await CLIRunner().run([
            "rank", "--indicator", "jeugd.hulp", "--format", "xlsx", "--output", "/nonexistent-folder/r.xlsx",
            "--cache-dir", CLIRunner.loadedCache,
        ])
        #expect(result.status == 74)
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("report as xlsx: a sheet per indicator and per regional view, amounts from the raw file as number cells")
    func reportWorkbook() async throws {
        let path = RepositoryFixtures.temporaryFolder().appendingPathComponent("rapport.xlsx").path
        let result = try await CLIRunner().run([
            "report", "Westervoort", "--indicators", "jeugd.hulp", "--year", "2023", "--region", "liemers",
            "--format", "xlsx", "--output", path, "--locale", "nl", "--cache-dir", CLIRunner.loadedCache,
            "--regions", RepositoryFixtures.regions.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var data = Data()
        _ = try archive.extract(archive["xl/workbook.xml"]!) { data.append($0) }
        let workbook = String(decoding: data, as: UTF8.self)
        #expect(workbook.contains("name=\"jeugd.hulp\""))
        #expect(workbook.contains("name=\"De Liemers jeugd.hulp\""))
        #expect(workbook.contains("name=\"Definities en bronnen\""))
        // Sheet 2, the regional view: Duiven's amount (D2) as a number, from the raw 2023 accounts.
        let cells = try Self.cells(path, sheet: 2)
        #expect(cells["B2"]?.value == "Duiven")
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let taakvelden = ["6.72", "6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c"]
        #expect(cells["D2"]?.type == nil)
        #expect(Double(cells["D2"]!.value) == raw.total(raw.municipalities["Duiven"]!, taakvelden, netto: false))
    }

    @Test("region as xlsx: the same regional sheet as report --region writes, in Dutch, amounts from the raw file")
    func regionWorkbook() async throws {
        let path = RepositoryFixtures.temporaryFolder().appendingPathComponent("liemers.xlsx").path
        let result = try await CLIRunner().run([
            "region", "liemers", "--indicator", "jeugd.hulp", "--year", "2023", "--kind", "jaarrekening", "--output",
            path, "--locale", "nl", "--cache-dir", CLIRunner.loadedCache, "--regions", RepositoryFixtures.regions.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var data = Data()
        _ = try archive.extract(archive["xl/workbook.xml"]!) { data.append($0) }
        let workbook = String(decoding: data, as: UTF8.self)
        #expect(workbook.contains("name=\"De Liemers\""))
        #expect(workbook.contains("name=\"Definities en bronnen\""))
        let cells = try Self.cells(path, sheet: 1)
        #expect(cells["B1"]?.value == "gemeente")
        #expect(cells["B2"]?.value == "Duiven")
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let taakvelden = ["6.72", "6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c"]
        #expect(cells["D2"]?.type == nil)
        #expect(Double(cells["D2"]!.value) == raw.total(raw.municipalities["Duiven"]!, taakvelden, netto: false))
    }
}
