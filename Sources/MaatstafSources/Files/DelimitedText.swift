public import Foundation
import MaatstafCore

/// A small reader for the CSV and TSV files CBS data comes in: one separator, optional double quotes
/// (`"Nuenen, Gerwen en Nederwetten"`), `""` for a quote inside quotes, a UTF-8 byte-order mark ignored.
public struct DelimitedText: Sendable {
    /// One record with its 1-based line number, for error messages.
    public struct Row: Sendable {
        public var line: Int
        public var fields: [String]

        public subscript(_ index: Int) -> String {
            index < fields.count ? fields[index] : ""
        }
    }

    public var header: [String]
    public var rows: [Row]

    /// Parses bytes rather than Characters: the Iv3 files have 25,000 lines and grapheme-by-grapheme parsing would
    /// make loading the snapshot slow.
    public init(data: Data, separator: Character, source: String) throws {
        guard let separatorByte = separator.asciiValue else {
            preconditionFailure("separators are ASCII")
        }
        guard String(data: data, encoding: .utf8) != nil else {
            throw SourceError(
                subject: source, reason: .en("is not UTF-8 text", nl: "is geen UTF-8-tekst"),
                hint: .en("Save the file as UTF-8", nl: "Sla het bestand op als UTF-8"))
        }
        let quote = UInt8(ascii: "\"")
        let newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        var records: [Row] = []
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
            var line = 1
            var fields: [String] = []
            var fieldStart = index
            // Only quoted fields are copied byte by byte (they may hold "" escapes); others are decoded in one go.
            var quoted: [UInt8]? = nil
            var inQuotes = false
            var recordLine = 1
            func endField(at end: Int) {
                if let text = quoted {
                    fields.append(String(decoding: text, as: UTF8.self))
                    quoted = nil
                } else {
                    var stop = end
                    if stop > fieldStart && bytes[stop - 1] == carriageReturn { stop -= 1 }
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<stop]), as: UTF8.self))
                }
            }
            func endRecord(at end: Int) {
                endField(at: end)
                if !(fields.count == 1 && fields[0].isEmpty) {
                    records.append(Row(line: recordLine, fields: fields))
                }
                fields = []
            }
            while index < bytes.count {
                let byte = bytes[index]
                if inQuotes {
                    if byte == quote {
                        if index + 1 < bytes.count && bytes[index + 1] == quote {
                            quoted?.append(quote)
                            index += 1
                        } else {
                            inQuotes = false
                        }
                    } else {
                        if byte == newline { line += 1 }
                        quoted?.append(byte)
                    }
                } else if byte == quote && index == fieldStart {
                    inQuotes = true
                    quoted = []
                } else if byte == separatorByte {
                    endField(at: index)
                    fieldStart = index + 1
                } else if byte == newline {
                    endRecord(at: index)
                    fieldStart = index + 1
                    line += 1
                    recordLine = line
                }
                index += 1
            }
            if inQuotes {
                throw SourceError(
                    subject: source, line: recordLine,
                    reason: .en("a quoted field is never closed", nl: "een veld tussen aanhalingstekens wordt nooit gesloten"),
                    hint: .en("Check the file for a missing \" character", nl: "Zoek in het bestand een ontbrekend \"-teken"))
            }
            if fieldStart < bytes.count || !fields.isEmpty { endRecord(at: bytes.count) }
        }
        guard let first = records.first else {
            throw SourceError(
                subject: source, reason: .en("is empty", nl: "is leeg"),
                hint: .en("Check that the file was copied completely", nl: "Controleer of het bestand volledig gekopieerd is"))
        }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        rows = Array(records.dropFirst())
    }

    /// The index of a column, or an error naming the columns the file does have.
    public func column(_ name: String, in source: String) throws -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw SourceError(
                subject: source, line: 1,
                reason: .en(
                    "has no column \"\(name)\" (columns: \(header.joined(separator: ", ")))",
                    nl: "heeft geen kolom \"\(name)\" (kolommen: \(header.joined(separator: ", ")))"),
                hint: .en(
                    "Use the file as published, with its original header",
                    nl: "Gebruik het bestand zoals het gepubliceerd is, met de oorspronkelijke kopregel"))
        }
        return index
    }
}
