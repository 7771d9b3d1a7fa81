public import Foundation
import MaatstafCore
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The cells of an Excel workbook (`.xlsx`), as text, sheet by sheet: what `maatstaf import` reads a municipality's
/// own figures from.
///
/// An `.xlsx` file is a ZIP of XML parts (ECMA-376): the workbook lists the sheets, each sheet its rows of cells, and
/// texts live once in the shared-strings part. ZIPFoundation (pure Swift, kept up, in maatstaf's package list) opens
/// the ZIP from a file in a private temporary folder — its in-memory reader crashes on an archive whose offsets point
/// past its end (found by the xlsx fuzz test), its file reader refuses one — and Foundation's XMLParser reads the parts. Numbers are given as Excel stores them (`3.07`, a point
/// whatever the user's locale); a date cell is its serial day number (the importer turns it into a date).
public struct XLSXWorkbook: Sendable {
    /// The sheet names, in the workbook's order.
    public var sheetNames: [String]
    private var sheetParts: [String: String]
    private var sharedStrings: [String]
    private let parts: [String: Data]
    private let source: String

    /// The most one part (a sheet's XML) and the whole workbook may unpack to.
    static let maximumPart = 64 << 20
    static let maximumWorkbook = 128 << 20

    private enum UnpackLimit: Error { case part, workbook }

    private static func tooLarge(_ source: String, _ path: String, whole: Bool) -> SourceError {
        SourceError(
            subject: whole ? source : "\(source) \(path)",
            reason: whole
                ? .en("unpacks to more than 128 MiB", nl: "pakt uit tot meer dan 128 MiB")
                : .en("unpacks to more than 64 MiB", nl: "pakt uit tot meer dan 64 MiB"),
            hint: .en(
                "A workbook of figures is far smaller: split it, or save the sheet as CSV; nothing was read",
                nl: "Een werkmap met cijfers is veel kleiner: splits haar, of sla het werkblad op als CSV; er is niets gelezen"))
    }

    public init(data: Data, source: String) throws {
        self.source = source
        let archive: Archive
        // The bytes go to a file of their own in a folder only this user can read (mkdtemp, 0700), removed on every
        // path once the parts are read.
        var pattern = Array((NSTemporaryDirectory() + "/maatstaf-xlsx-XXXXXX").utf8CString)
        guard let folderPointer = mkdtemp(&pattern) else {
            throw SourceError(
                subject: source,
                reason: .en("cannot be unpacked: no temporary folder", nl: "kan niet uitgepakt worden: geen tijdelijke map"),
                hint: .en("Check that the temporary folder is writable", nl: "Controleer of de tijdelijke map beschrijfbaar is"))
        }
        let folder = String(cString: folderPointer)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = URL(fileURLWithPath: folder + "/workbook.xlsx")
        do {
            try data.write(to: file)
            archive = try Archive(url: file, accessMode: .read)
        } catch {
            throw SourceError(
                subject: source,
                reason: .en(
                    "is not an Excel .xlsx file (not a ZIP archive)", nl: "is geen Excel-bestand (.xlsx; geen ZIP-archief)"),
                hint: .en("Save it from Excel as .xlsx, or as CSV UTF-8", nl: "Sla het in Excel op als .xlsx, of als CSV UTF-8"))
        }
        var parts: [String: Data] = [:]
        // Bytes are counted as they are unpacked, not taken from the sizes the archive claims (a zip bomb lies about
        // them): a part may unpack to 64 MiB and the workbook to 128 MiB in all. A workbook of municipal figures is a
        // few hundred kilobytes.
        var total = 0
        for entry in archive where entry.type == .file && (entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels")) {
            guard entry.uncompressedSize < Self.maximumPart else { throw Self.tooLarge(source, entry.path, whole: false) }
            var content = Data()
            do {
                _ = try archive.extract(entry) { chunk in
                    total += chunk.count
                    guard content.count + chunk.count <= Self.maximumPart else { throw UnpackLimit.part }
                    guard total <= Self.maximumWorkbook else { throw UnpackLimit.workbook }
                    content.append(chunk)
                }
            } catch let limit as UnpackLimit {
                throw Self.tooLarge(source, entry.path, whole: limit == .workbook)
            } catch {
                throw SourceError(
                    subject: "\(source) \(entry.path)",
                    reason: .en("cannot be unpacked (\(error))", nl: "kan niet uitgepakt worden"),
                    hint: .en(
                        "The file may be damaged; save it again from Excel",
                        nl: "Het bestand is misschien beschadigd; sla het opnieuw op in Excel"))
            }
            // Foundation's XML parser stops the program on a name that is not UTF-8 (found by the xlsx fuzz test):
            // a part is refused unless it is UTF-8 text, which is what Excel writes.
            guard String(validating: content, as: UTF8.self) != nil else {
                throw SourceError(
                    subject: "\(source) \(entry.path)",
                    reason: .en("is not UTF-8 text", nl: "is geen UTF-8-tekst"),
                    hint: .en(
                        "The file may be damaged; save it again from Excel",
                        nl: "Het bestand is misschien beschadigd; sla het opnieuw op in Excel"))
            }
            parts[entry.path] = content
        }
        self.parts = parts
        guard let workbook = parts["xl/workbook.xml"], let relations = parts["xl/_rels/workbook.xml.rels"] else {
            throw SourceError(
                subject: source,
                reason: .en("has no workbook part (xl/workbook.xml)", nl: "heeft geen werkmapdeel (xl/workbook.xml)"),
                hint: .en("Save it from Excel as .xlsx, or as CSV UTF-8", nl: "Sla het in Excel op als .xlsx, of als CSV UTF-8"))
        }
        let sheets = try XMLElements(workbook, source: source).elements(named: "sheet")
        let targets = try XMLElements(relations, source: source).elements(named: "Relationship")
        var byID: [String: String] = [:]
        for target in targets {
            guard let id = target["Id"], let path = target["Target"] else { continue }
            byID[id] = path.hasPrefix("/") ? String(path.dropFirst()) : "xl/" + path
        }
        sheetNames = []
        sheetParts = [:]
        for sheet in sheets {
            guard let name = sheet["name"], let id = sheet["r:id"], let part = byID[id] else { continue }
            sheetNames.append(name)
            sheetParts[name] = part
        }
        sharedStrings = try parts["xl/sharedStrings.xml"].map { try XMLElements($0, source: source).sharedStrings() } ?? []
    }

    /// The rows of a sheet (the first when nil), each with its spreadsheet row number; a cell not given is "".
    public func rows(sheet: String?) throws -> (sheet: String, rows: [(line: Int, fields: [String])]) {
        guard let name = sheet ?? sheetNames.first else {
            throw SourceError(
                subject: source, reason: .en("has no sheets", nl: "heeft geen werkbladen"),
                hint: .en("Save it from Excel as .xlsx, or as CSV UTF-8", nl: "Sla het in Excel op als .xlsx, of als CSV UTF-8"))
        }
        guard let path = sheetParts[name], let part = parts[path] else {
            throw SourceError(
                subject: source, reason: .en("has no sheet \"\(name)\"", nl: "heeft geen werkblad \"\(name)\""),
                hint: .en(
                    "Its sheets: \(sheetNames.map { "\"\($0)\"" }.joined(separator: ", "))",
                    nl: "De werkbladen: \(sheetNames.map { "\"\($0)\"" }.joined(separator: ", "))"))
        }
        let cells = try XMLElements(part, source: "\(source) sheet \(name)").cells()
        var rows: [Int: [Int: String]] = [:]
        for cell in cells {
            let text: String
            switch cell.type {
            case "s":
                guard let index = Int(cell.value), index < sharedStrings.count else {
                    throw SourceError(
                        subject: "\(source) sheet \(name) cell \(cell.reference)",
                        reason: .en(
                            "points to a text the workbook does not have", nl: "verwijst naar een tekst die de werkmap niet heeft"
                        ),
                        hint: .en(
                            "The file may be damaged; save it again from Excel",
                            nl: "Het bestand is misschien beschadigd; sla het opnieuw op in Excel"))
                }
                text = sharedStrings[index]
            case "b": text = cell.value == "1" ? "TRUE" : "FALSE"
            case "e": text = ""
            default: text = cell.value
            }
            rows[cell.row, default: [:]][cell.column] = text
        }
        let result = rows.keys.sorted().map { line -> (line: Int, fields: [String]) in
            let row = rows[line]!
            let width = (row.keys.max() ?? -1) + 1
            return (line, (0..<width).map { row[$0] ?? "" })
        }
        return (name, result)
    }
}

/// A small reader over one XML part: the elements the workbook needs, without a document tree.
private final class XMLElements: NSObject, XMLParserDelegate {
    struct Cell {
        var reference: String
        var row: Int
        var column: Int
        var type: String
        var value: String
    }

    private let data: Data
    private let source: String
    private var wanted: String?
    private var found: [[String: String]] = []
    // Shared strings and cells.
    private var strings: [String] = []
    private var collected: [Cell] = []
    private var text = ""
    private var inText = false
    private var stringText = ""
    private var inString = false
    private var current: Cell?
    /// A cell reference outside what Excel allows, which stops the reading (the delegate cannot throw).
    private var badReference: String?

    /// Excel's own limits: columns A…XFD, rows 1…1,048,576. A reference beyond them is damage, refused before any
    /// arithmetic on it (`ZZZZZZZZZZZZZZZ2` overflowed, `XFDXFDXFD2` asked for terabytes of row).
    static let maxColumn = 16_384
    static let maxRow = 1_048_576

    /// The zero-based column and the row of a reference like `AB12`, nil when it is not one within Excel's limits.
    static func position(_ reference: String) -> (row: Int, column: Int)? {
        let letters = reference.prefix { $0.isASCII && $0.isLetter }
        let digits = reference.dropFirst(letters.count)
        guard (1...3).contains(letters.count), (1...7).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let row = Int(digits), (1...maxRow).contains(row)
        else { return nil }
        let column = letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
        guard (1...maxColumn).contains(column) else { return nil }
        return (row, column - 1)
    }

    init(_ data: Data, source: String) {
        self.data = data
        self.source = source
    }

    private func parse() throws {
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.shouldProcessNamespaces = false
        let parsed = parser.parse()
        if let badReference {
            throw SourceError(
                subject: "\(source) cell \(badReference)",
                reason: .en(
                    "is not a cell Excel can have (columns A–XFD, rows 1–1,048,576)",
                    nl: "is geen cel die Excel kan hebben (kolommen A–XFD, rijen 1–1.048.576)"),
                hint: .en(
                    "The file may be damaged; save it again from Excel",
                    nl: "Het bestand is misschien beschadigd; sla het opnieuw op in Excel"))
        }
        guard parsed else {
            throw SourceError(
                subject: source,
                reason: .en(
                    "has a part that is not well-formed XML (line \(parser.lineNumber))",
                    nl: "heeft een deel dat geen geldige XML is (regel \(parser.lineNumber))"),
                hint: .en(
                    "The file may be damaged; save it again from Excel",
                    nl: "Het bestand is misschien beschadigd; sla het opnieuw op in Excel"))
        }
    }

    /// Every element of this name, with its attributes.
    func elements(named name: String) throws -> [[String: String]] {
        wanted = name
        try parse()
        return found
    }

    /// The texts of the shared-strings part, rich text joined.
    func sharedStrings() throws -> [String] {
        wanted = nil
        try parse()
        return strings
    }

    func cells() throws -> [Cell] {
        wanted = nil
        try parse()
        return collected
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if let wanted, elementName == wanted || elementName.hasSuffix(":" + wanted) { found.append(attributes) }
        switch elementName {
        case "si":
            inString = true
            stringText = ""
        case "t", "v":
            inText = true
            text = ""
        case "c":
            let reference = attributes["r"] ?? ""
            guard let position = Self.position(reference) else {
                badReference = reference.isEmpty ? "(without a reference)" : String(reference.prefix(40))
                parser.abortParsing()
                return
            }
            current = Cell(
                reference: reference, row: position.row, column: position.column, type: attributes["t"] ?? "n", value: "")
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "t", "v":
            inText = false
            if current != nil {
                current?.value += text
            } else if inString {
                stringText += text
            }
        case "si":
            strings.append(stringText)
            inString = false
        case "c":
            if let cell = current { collected.append(cell) }
            current = nil
        default: break
        }
    }
}
