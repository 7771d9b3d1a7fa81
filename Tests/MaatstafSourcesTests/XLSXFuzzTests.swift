import Foundation
import MaatstafCore
import MaatstafSources
import Testing
import ZIPFoundation

/// xlsx imports fed damaged workbooks on purpose: seeded mutations of a real one (the own-figures example's monitor as
/// a workbook) — of the archive's bytes, and of the sheet's and shared strings' XML inside an intact archive, where a
/// mutation reaches the XML reader. Every workbook gives rows (with their problems) or a `SourceError`: never a crash,
/// never another kind of error. The mutations are synthetic, for fault tests only.
@Suite("Damaged Excel workbooks")
struct XLSXFuzzTests {
    /// The unpacked parts of the real example workbook, and the workbook itself.
    static let workbook: Data = try! XLSXWorkbookTests.workbook([("Monitor", try! XLSXWorkbookTests.rows(dates: true))])
    static let parts: [String: Data] = {
        let archive = try! Archive(data: workbook, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try! archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
        }
        return parts
    }()

    /// An archive of `parts`, stored uncompressed so that a mutated part is read as written.
    static func archive(_ parts: [String: Data]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none) {
                position, size in data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    static func read(_ data: Data, _ what: String) {
        InputFuzzTests.expectOnly(SourceError.self, what) {
            let workbook = try XLSXWorkbook(data: data, source: "fuzz.xlsx")
            _ = try OwnFiguresFile(workbook: workbook, sheet: nil)
        }
    }

    @Test("1,000 mutations of the archive's bytes")
    func archiveBytes() {
        for seed in 0..<1_000 as Range<UInt64> {
            Self.read(InputFuzzTests.mutate(Self.workbook, seed: seed), "archive seed \(seed)")
        }
    }

    @Test("1,000 mutations each of the sheet's and the shared strings' XML, in an intact archive")
    func partXML() throws {
        #expect(Self.parts["xl/worksheets/sheet1.xml"] != nil && Self.parts["xl/sharedStrings.xml"] != nil)
        for path in ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml"] {
            for seed in 0..<1_000 as Range<UInt64> {
                var parts = Self.parts
                parts[path] = InputFuzzTests.mutate(parts[path]!, seed: seed)
                Self.read(try Self.archive(parts), "\(path) seed \(seed)")
            }
        }
    }
}
