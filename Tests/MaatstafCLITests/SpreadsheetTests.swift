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

    @Test(
        "compare as xlsx: an overview sheet (a row per municipality, a column per group) and the long sheet, Dutch headers, the raw file's figures as euro cells, the notes in their own sheet"
    )
    func compareWorkbook() async throws {
        let path = RepositoryFixtures.temporaryFolder().appendingPathComponent("vergelijking.xlsx").path
        let result = try await CLIRunner().run([
            "compare", "--indicator", "wmo.huishoudelijke-hulp", "--year", "2023", "--against", "province",
            "Westervoort", "Steenwijkerland", "--format", "xlsx", "--output", path, "--locale", "nl", "--cache-dir",
            CLIRunner.loadedCache,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let raw = try RawIv3("iv3/2023_jaarrekening.csv")
        let counts: (RawIv3.Municipality) -> Bool = { $0.delivered && $0.books(["6.71a"]) }
        let national = raw.groupRate(["6.71a"], where: counts)
        let overijssel = raw.groupRate(["6.71a"]) { counts($0) && $0.province == "Overijssel" }

        // Sheet 1, the overview: one row per municipality; the document in words; the Netherlands and the
        // province side by side.
        let overview = try Self.cells(path, sheet: 1)
        #expect(
            ["A1", "C1", "D1", "H1", "K1", "L1"].map { overview[$0]?.value } == [
                "gemeente", "stuk", "waarde", "Nederland", "provincie", "groepscijfer provincie",
            ])
        #expect(overview["A3"]?.value == "Steenwijkerland" && overview["C3"]?.value == "jaarrekening 2023")
        #expect(overview["A4"] == nil)
        #expect(overview["D3"]?.type == nil && overview["D3"]?.style != nil)
        #expect(abs(Double(overview["D3"]!.value)! - raw.rate("Steenwijkerland", ["6.71a"])) < 1e-9)
        #expect(abs(Double(overview["H3"]!.value)! - national) < 1e-9)
        #expect(overview["K3"]?.value == "Overijssel")
        #expect(abs(Double(overview["L3"]!.value)! - overijssel) < 1e-9)
        let overviewPercent = Double(overview["J3"]!.value)!
        #expect(abs(overviewPercent - (raw.rate("Steenwijkerland", ["6.71a"]) - national) / national) < 1e-9)

        // Sheet 2, the long layout: a row per municipality and group, Dutch headers, the document as its code.
        let cells = try Self.cells(path, sheet: 2)
        #expect(cells["E1"]?.value == "gemeente" && cells["C1"]?.value == "stuk")
        #expect(cells["E2"]?.value == "Westervoort" && cells["C2"]?.value == "jaarrekening")
        #expect(cells["E5"]?.value == "Steenwijkerland" && cells["E6"] == nil)
        // F: value, a number cell (no type attribute), styled; Q: the group rate.
        let value = try #require(cells["F2"])
        #expect(value.type == nil && value.style != nil)
        #expect(abs(Double(value.value)! - raw.rate("Westervoort", ["6.71a"])) < 1e-9)
        #expect(abs(Double(cells["Q2"]!.value)! - national) < 1e-9)
        // The year is a number, the difference in percent a fraction (shown as %).
        #expect(cells["B2"]?.type == nil && cells["B2"]?.value == "2023")
        let percent = Double(cells["X2"]!.value)!
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
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        func part(_ name: String) throws -> String {
            var data = Data()
            _ = try archive.extract(archive[name]!) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        #expect(try part("xl/worksheets/sheet1.xml").contains("state=\"frozen\""))
        let workbook = try part("xl/workbook.xml")
        #expect(workbook.contains("name=\"Per gemeente\"") && workbook.contains("name=\"Per gemeente en groep\""))
        let notes = try Self.cells(path, sheet: 3)
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
        #expect(workbook.contains("name=\"Per gemeente en groep\""))
        #expect(workbook.contains("name=\"Definities en bronnen\""))
        // Sheet 1, the indicator: Westervoort's row, the overview's columns.
        let indicator = try Self.cells(path, sheet: 1)
        #expect(indicator["A2"]?.value == "Westervoort" && indicator["C2"]?.value == "jaarrekening 2023")
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
