import CXlsxWriter
import Foundation
public import MaatstafCore

/// Writes tables as an Excel workbook (.xlsx) through libxlsxwriter: real number cells with formats (euros, whole
/// numbers, percentages), a bold frozen header row, one sheet per table, and a last sheet with the definitions,
/// notes and sources. libxlsxwriter because it is a small, long-maintained C library packaged by Debian that writes
/// the format Excel itself writes, without a spreadsheet program.
///
/// libxlsxwriter (1.1.4 in Debian 12) writes only to a named file, so the workbook is written into a folder of its
/// own that `mkdtemp` creates (mode 0700, an unpredictable name nobody else can plant a link in), read back as bytes
/// and removed on every path. The bytes go to the user's file through the same safe output as every other format:
/// nothing here writes where the user pointed.
public enum SpreadsheetWriter {
    public static func workbook(_ tables: [DataTable], notes: [String], locale: ReportLocale) throws -> [UInt8] {
        var pattern = Array((NSTemporaryDirectory() + "/maatstaf-xlsx-XXXXXX").utf8CString)
        guard let folderPointer = mkdtemp(&pattern) else {
            throw SpreadsheetWriteError(path: NSTemporaryDirectory(), reason: SystemErrorText.describe(errno))
        }
        let folder = String(cString: folderPointer)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/workbook.xlsx"
        try write(tables, notes: notes, locale: locale, to: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpreadsheetWriteError(path: path, reason: SystemErrorText.describe(errno))
        }
        return Array(data)
    }

    private static func write(_ tables: [DataTable], notes: [String], locale: ReportLocale, to path: String) throws {
        guard let workbook = workbook_new(path) else {
            throw SpreadsheetWriteError(
                path: path,
                reason: .en(
                    "cannot create the workbook (is the folder writable?)",
                    nl: "kan de werkmap niet maken (is de map beschrijfbaar?)"))
        }
        let header = workbook_add_format(workbook)
        format_set_bold(header)
        format_set_text_wrap(header)
        let formats: [String: UnsafeMutablePointer<lxw_format>?] = [
            "money": numberFormat(workbook, "\"€ \"#,##0.00;\"€ \"-#,##0.00"),
            "count": numberFormat(workbook, "#,##0"),
            "plain": numberFormat(workbook, "0"),
            "percent": numberFormat(workbook, "0.0%"),
            "0": numberFormat(workbook, "0"),
            "1": numberFormat(workbook, "0.0"),
            "2": numberFormat(workbook, "0.00"),
            "3": numberFormat(workbook, "0.000"),
        ]
        var used: Set<String> = []
        for table in tables {
            let sheet = workbook_add_worksheet(workbook, uniqueName(table.name, &used))
            for (column, definition) in table.columns.enumerated() {
                worksheet_write_string(sheet, 0, lxw_col_t(column), definition.key, header)
                let longest =
                    table.rows.lazy.compactMap { row -> Int? in
                        guard column < row.count, case .text(let text) = row[column] else { return nil }
                        return text.count
                    }.max() ?? 0
                let width =
                    definition.kind == .text
                    ? min(48, max(definition.key.count, longest) + 2) : max(12, min(24, definition.key.count + 2))
                worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), Double(width), nil)
            }
            worksheet_freeze_panes(sheet, 1, 0)
            for (index, row) in table.rows.enumerated() {
                let line = lxw_row_t(index + 1)
                for (column, cell) in row.enumerated() where column < table.columns.count {
                    let kind = table.columns[column].kind
                    switch cell {
                    case .empty: continue
                    case .text(let text): worksheet_write_string(sheet, line, lxw_col_t(column), text, nil)
                    case .number(let value):
                        switch kind {
                        case .percent:
                            worksheet_write_number(sheet, line, lxw_col_t(column), value / 100, formats["percent"]!)
                        case .money: worksheet_write_number(sheet, line, lxw_col_t(column), value, formats["money"]!)
                        case .count, .text:
                            // Years and codes-as-numbers read better without a thousands separator.
                            let format = table.columns[column].key.contains("year") ? formats["plain"]! : formats["count"]!
                            worksheet_write_number(sheet, line, lxw_col_t(column), value, format)
                        case .number(let decimals):
                            worksheet_write_number(sheet, line, lxw_col_t(column), value, formats[String(min(3, decimals))]!)
                        }
                    }
                }
            }
        }
        let notesSheet = workbook_add_worksheet(
            workbook, uniqueName(locale == .nl ? "Definities en bronnen" : "Definitions and sources", &used))
        let wrap = workbook_add_format(workbook)
        format_set_text_wrap(wrap)
        worksheet_set_column(notesSheet, 0, 0, 120, wrap)
        for (index, note) in notes.enumerated() {
            worksheet_write_string(notesSheet, lxw_row_t(index), 0, note, wrap)
        }
        let result = workbook_close(workbook)
        guard result == LXW_NO_ERROR else {
            let detail = String(cString: lxw_strerror(result))
            throw SpreadsheetWriteError(
                path: path, reason: .en(detail, nl: "kan de werkmap niet schrijven (libxlsxwriter-fout \(result.rawValue))"))
        }
    }

    private static func numberFormat(_ workbook: UnsafeMutablePointer<lxw_workbook>, _ pattern: String)
        -> UnsafeMutablePointer<lxw_format>?
    {
        let format = workbook_add_format(workbook)
        format_set_num_format(format, pattern)
        return format
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in the workbook.
    static func uniqueName(_ name: String, _ used: inout Set<String>) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
        var candidate = cleaned.isEmpty ? "Sheet" : cleaned
        var number = 2
        while used.contains(candidate.lowercased()) {
            candidate = String(cleaned.prefix(27)) + " (\(number))"
            number += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }
}

/// A workbook that could not be written: exit 74, the target left as it was.
public struct SpreadsheetWriteError: MaatstafError {
    public var path: String
    public var reason: LocalizedText
    public var subject: String { path }
    public var hint: Advice {
        .en(
            "Check that the folder exists and is writable and the disk is not full; nothing was written",
            nl: "Controleer of de map bestaat en beschrijfbaar is en de schijf niet vol; er is niets geschreven")
    }
    public var category: ErrorCategory { .io }
}
