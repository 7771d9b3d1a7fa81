public import Foundation
public import MaatstafCore

/// A municipality's own figures in the tidy layout (docs/own-data.md): one row per municipality, period and measure,
/// with its value and, optionally, a unit and a note. Column names in Dutch or English (`gemeente`/`municipality`,
/// `periode`/`period`, `maat`/`measure`, `waarde`/`value`, `eenheid`/`unit`, `toelichting`/`note`), `;` or `,` as
/// separator (detected from the header), decimals as stated or, when not stated, read only where unambiguous.
///
/// Every problem is collected with its row and column, so a user fixes the file once; nothing is stored from a file
/// with problems. Municipality names are kept as written: the caller resolves them.
public struct OwnFiguresFile: Sendable {
    /// How decimals are written.
    public enum Decimal: String, Sendable, CaseIterable {
        /// Decide per value; a value that could be read two ways (`1.234`) is a problem.
        case auto
        /// `3,07`, `1.234,5`.
        case comma
        /// `3.07`, `1,234.5`.
        case point
    }

    public struct Row: Sendable, Equatable {
        /// The spreadsheet row (the header is row 1).
        public var line: Int
        public var municipality: String
        public var period: Period
        public var measure: String
        public var value: Double
        public var unit: String
        public var note: String
        /// The measure's definition, in an exchange file; empty otherwise.
        public var definition: String = ""
    }

    /// Whether the file is an exchange file: it has a definition column, so every measure is defined.
    public private(set) var isExchange = false
    /// Rows above the header that were a title (`Maandmonitor Wmo 2024`), skipped: said on import.
    public private(set) var titleRows = 0
    /// Rows whose value cell is empty: no figure for that period, not stored (never 0), said on import.
    public private(set) var emptyValues: [Int] = []

    /// Each measure's unit and definition, as an exchange file gives them; empty for other files.
    public var definitions: [(measure: String, unit: String, definition: String)] {
        var seen: Set<String> = []
        return rows.compactMap { row in
            guard isExchange, seen.insert(row.measure).inserted else { return nil }
            return (row.measure, row.unit, row.definition)
        }
    }

    /// A problem at a place in the file.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int?
        public var column: String?
        public var message: LocalizedText
        /// The sheet, for an Excel file.
        public var sheet: String?

        public init(line: Int?, column: String?, message: LocalizedText, sheet: String? = nil) {
            self.line = line
            self.column = column
            self.message = message
            self.sheet = sheet
        }

        /// `row 4, column value: "3,0.7" is not a number`.
        public var description: String { described(.en) }

        /// `rij 4, kolom waarde: "3,0.7" is geen getal`: the place and the message in the reader's language.
        public func described(_ locale: ReportLocale) -> String {
            let nl = locale == .nl
            let columnName = column.map { nl ? OwnFiguresFile.dutch($0) : $0 }
            let place = [
                sheet.map { nl ? "werkblad \"\($0)\"" : "sheet \"\($0)\"" }, line.map { nl ? "rij \($0)" : "row \($0)" },
                columnName.map { nl ? "kolom \($0)" : "column \($0)" },
            ].compactMap { $0 }
            let text = message.text(locale)
            return place.isEmpty ? text : place.joined(separator: ", ") + ": " + text
        }
    }

    public var rows: [Row] = []
    public var problems: [Problem] = []

    /// A column's key in Dutch (`value` → `waarde`), for Dutch messages.
    static func dutch(_ key: String) -> String {
        [
            "municipality": "gemeente", "period": "periode", "measure": "maat", "value": "waarde", "unit": "eenheid",
            "note": "toelichting", "definition": "definitie",
        ][key] ?? key
    }

    static let columns: [(key: String, names: Set<String>, required: Bool)] = [
        ("municipality", ["gemeente", "municipality", "gemeentenaam", "code"], true),
        ("period", ["periode", "period", "datum", "date", "jaar", "year", "maand", "month"], true),
        ("measure", ["maat", "measure", "meting", "indicator", "kenmerk"], true),
        ("value", ["waarde", "value", "aantal", "count"], true),
        ("unit", ["eenheid", "unit"], false),
        ("note", ["toelichting", "note", "opmerking", "bron", "source"], false),
        // An exchange file (`maatstaf share`) defines each measure, so a partner's figures are pooled only when
        // they measure the same thing.
        ("definition", ["definitie", "definition"], false),
    ]

    /// A wide layout (a mapping file): one row per municipality and measure, a column per period. Each filled cell
    /// is a figure; an empty cell is no figure (never 0).
    public struct WideLayout: Sendable, Equatable {
        /// A column holding the value, or one value for every row.
        public enum Field: Sendable, Equatable {
            case column(String)
            case value(String)
        }

        public var municipality: Field
        public var measure: Field
        public var unit: Field?
        /// The period columns by their header; nil: every column not named above.
        public var periodColumns: [String]?

        public init(municipality: Field, measure: Field, unit: Field? = nil, periodColumns: [String]? = nil) {
            self.municipality = municipality
            self.measure = measure
            self.unit = unit
            self.periodColumns = periodColumns
        }
    }

    public init(data: Data, source: String, decimal: Decimal = .auto, wide: WideLayout? = nil) throws {
        guard let text = String(data: data, encoding: .utf8) else {
            throw SourceError(
                subject: source, reason: .en("is not UTF-8 text", nl: "is geen UTF-8-tekst"),
                hint: .en(
                    "Save the file as UTF-8 (CSV UTF-8 in Excel)", nl: "Sla het bestand op als UTF-8 (CSV UTF-8 in Excel)"))
        }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(
                Problem(
                    line: nil, column: nil,
                    message: .en("the file has no rows of figures", nl: "het bestand heeft geen rijen met cijfers")))
            return
        }
        let firstLine = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        let separator: Character = firstLine.filter { $0 == ";" }.count >= firstLine.filter { $0 == "," }.count ? ";" : ","
        let table = try DelimitedText(data: data, separator: separator, source: source)
        read(
            header: table.header, records: table.rows.map { ($0.line, $0.fields) }, separator: String(separator),
            decimal: decimal, wide: wide, excelDates: false)
    }

    /// The first sheet of an Excel workbook, or `sheet`. Numbers are as Excel stores them (a point, whatever the
    /// locale), so `decimal` applies only to numbers typed as text; a date cell in the period column is a date.
    public init(workbook: XLSXWorkbook, sheet: String?, decimal: Decimal = .point, wide: WideLayout? = nil) throws {
        let (name, rows) = try workbook.rows(sheet: sheet)
        sheetName = name
        guard let header = rows.first else {
            problems.append(
                Problem(
                    line: nil, column: nil,
                    message: .en(
                        "sheet \"\(name)\" has no rows of figures", nl: "werkblad \"\(name)\" heeft geen rijen met cijfers")))
            return
        }
        read(
            header: header.fields, records: Array(rows.dropFirst()), separator: " | ", decimal: decimal, wide: wide,
            excelDates: true)
        problems = problems.map { problem in
            var placed = problem
            placed.sheet = name
            return placed
        }
    }

    /// The sheet read, for an Excel file.
    public private(set) var sheetName: String?

    /// Reads the rows; a wide layout is first turned into the tidy one. With `excelDates`, a number in the period
    /// column is an Excel date (days since 30 December 1899).
    private mutating func read(
        header rawHeader: [String], records: [(line: Int, fields: [String])], separator: String, decimal: Decimal,
        wide: WideLayout?, excelDates: Bool
    ) {
        if let wide {
            guard let tidy = tidied(header: rawHeader, records: records, layout: wide, separator: separator) else { return }
            return read(
                header: tidy.header, records: tidy.records, separator: separator, decimal: decimal, wide: nil,
                excelDates: excelDates)
        }
        // A title above the header (what Excel exports of a monitor often have): the header is the first of the first
        // rows that names every column needed; the rows above it are skipped and counted.
        var rawHeader = rawHeader
        var records = records
        if !Self.namesEveryColumn(rawHeader),
            let position = records.prefix(10).firstIndex(where: { Self.namesEveryColumn($0.fields) })
        {
            titleRows = position + 1
            rawHeader = records[position].fields
            records = Array(records[(position + 1)...])
        }
        let header = rawHeader.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if header.allSatisfy(\.isEmpty) || records.isEmpty {
            problems.append(
                Problem(
                    line: nil, column: nil,
                    message: .en("the file has no rows of figures", nl: "het bestand heeft geen rijen met cijfers")))
            return
        }
        var index: [String: Int] = [:]
        for column in Self.columns {
            // The first column that names it, and any other of exactly that name: two `waarde` columns are two
            // candidates, and which one is meant is not for maatstaf to guess (a `gemeente` and a `code` column are
            // both the municipality, and the first is read, as always).
            let first = header.firstIndex(where: column.names.contains)
            let positions = first.map { first in header.indices.filter { header[$0] == header[first] } } ?? []
            if positions.count > 1 {
                let names = positions.map { rawHeader[$0] }.joined(separator: ", ")
                problems.append(
                    Problem(
                        line: 1, column: nil,
                        message: .en(
                            "\(positions.count) columns are the \(column.key) (\(names)); keep one, or rename the others",
                            nl:
                                "\(positions.count) kolommen zijn de \(Self.dutch(column.key)) (\(names)); houd er één, of hernoem de andere"
                        )))
            } else if let position = positions.first {
                index[column.key] = position
            } else if column.required {
                problems.append(
                    Problem(
                        line: 1, column: nil,
                        message: .en(
                            "no \(column.key) column (one of: \(column.names.sorted().joined(separator: ", "))); the header is: \(rawHeader.joined(separator: separator))",
                            nl:
                                "geen kolom voor \(column.key) (een van: \(column.names.sorted().joined(separator: ", "))); de kopregel is: \(rawHeader.joined(separator: separator))"
                        )
                    ))
            }
        }
        guard problems.isEmpty else { return }
        isExchange = index["definition"] != nil
        // Row 1 is the header, so a record's spreadsheet row is its line number when every record is one line.
        var units: [String: (unit: String, line: Int)] = [:]
        var definitions: [String: (definition: String, line: Int)] = [:]
        var seen: [String: (value: Double, line: Int)] = [:]
        for record in records {
            let line = record.line
            func field(_ key: String) -> String {
                index[key].map { $0 < record.fields.count ? record.fields[$0].trimmingCharacters(in: .whitespaces) : "" } ?? ""
            }
            let municipality = field("municipality")
            let measure = field("measure")
            let periodText = field("period")
            let valueText = field("value")
            if municipality.isEmpty && measure.isEmpty && periodText.isEmpty && valueText.isEmpty { continue }
            // An empty value cell: the monitor has no figure for that period. Not stored, never 0; counted and said.
            if valueText.isEmpty {
                emptyValues.append(line)
                continue
            }
            var rowProblems: [Problem] = []
            // A control character (a NUL, an escape) is no text: stored, it would cut the field short or fail its
            // checksum later and take the store down with it. Refused here, with row and column.
            for column in ["municipality", "period", "measure", "value", "unit", "note", "definition"] {
                if let scalar = Self.controlCharacter(in: field(column)) {
                    rowProblems.append(
                        Problem(
                            line: line, column: column,
                            message: .en(
                                "contains the control character \(scalar), which is no text; remove it from the file",
                                nl: "bevat het stuurteken \(scalar), dat geen tekst is; haal het uit het bestand")))
                }
            }
            if municipality.isEmpty {
                rowProblems.append(Problem(line: line, column: "municipality", message: .en("is empty", nl: "is leeg")))
            }
            if measure.isEmpty {
                rowProblems.append(Problem(line: line, column: "measure", message: .en("is empty", nl: "is leeg")))
            }
            let period = Self.excelDate(periodText, enabled: excelDates) ?? PeriodText.parse(periodText)
            if period == nil {
                rowProblems.append(
                    Problem(
                        line: line, column: "period",
                        message: .en(
                            "\"\(periodText)\" is not a period maatstaf reads (2021, 2021H1, 2021Q1, 1e kwartaal 2021, 2021-02, februari 2021, jan-21, 2021-02-15)",
                            nl:
                                "\"\(periodText)\" is geen periode die maatstaf leest (2021, 2021H1, 2021Q1, 1e kwartaal 2021, 2021-02, februari 2021, jan-21, 2021-02-15)"
                        )
                    ))
            }
            let value: Double?
            switch Self.number(valueText, decimal: decimal) {
            case .success(let number): value = number
            case .failure(let problem):
                value = nil
                rowProblems.append(Problem(line: line, column: "value", message: problem.message))
            }
            var unit = field("unit")
            // `12%`: the number is the percentage; the unit is % (a different unit in its column is a contradiction).
            if valueText.hasSuffix("%") {
                if unit.isEmpty {
                    unit = "%"
                } else if !["%", "procent", "percent", "percentage"].contains(unit.lowercased()) {
                    rowProblems.append(
                        Problem(
                            line: line, column: "value",
                            message: .en(
                                "\(valueText) is a percentage, but the unit column says \"\(unit)\"",
                                nl: "\(valueText) is een percentage, maar de kolom eenheid zegt \"\(unit)\"")))
                }
            }
            if let value, value < 0, Self.isCount(unit: unit, measure: measure) {
                rowProblems.append(
                    Problem(
                        line: line, column: "value",
                        message: .en("\(valueText) is a negative count", nl: "\(valueText) is een negatief aantal")))
            }
            if !measure.isEmpty {
                if let earlier = units[measure], earlier.unit != unit {
                    rowProblems.append(
                        Problem(
                            line: line, column: "unit",
                            message: .en(
                                "\"\(unit)\" for \(measure), which row \(earlier.line) gives in \"\(earlier.unit)\"; one measure has one unit",
                                nl:
                                    "\"\(unit)\" voor \(measure), dat rij \(earlier.line) in \"\(earlier.unit)\" geeft; één maat heeft één eenheid"
                            )
                        ))
                } else if units[measure] == nil {
                    units[measure] = (unit, line)
                }
            }
            if isExchange, !measure.isEmpty {
                let definition = field("definition")
                if definition.isEmpty {
                    rowProblems.append(
                        Problem(
                            line: line, column: "definition",
                            message: .en(
                                "is empty; an exchange file defines every measure",
                                nl: "is leeg; een uitwisselbestand definieert elke maat")))
                } else if let earlier = definitions[measure], earlier.definition != definition {
                    rowProblems.append(
                        Problem(
                            line: line, column: "definition",
                            message: .en(
                                "defines \(measure) otherwise than row \(earlier.line) (\"\(earlier.definition)\"); one measure has one definition",
                                nl:
                                    "definieert \(measure) anders dan rij \(earlier.line) (\"\(earlier.definition)\"); één maat heeft één definitie"
                            )))
                } else if definitions[measure] == nil {
                    definitions[measure] = (definition, line)
                }
            }
            if let period, let value, !municipality.isEmpty, !measure.isEmpty {
                let key = "\(municipality.lowercased())|\(period.code)|\(measure)"
                if let earlier = seen[key], earlier.value != value {
                    rowProblems.append(
                        Problem(
                            line: line, column: nil,
                            message: .en(
                                "\(municipality) \(period.code) \(measure) is \(valueText) here and \(Self.plain(earlier.value)) in row \(earlier.line)",
                                nl:
                                    "\(municipality) \(period.code) \(measure) is hier \(valueText) en in rij \(earlier.line) \(Self.plain(earlier.value))"
                            )
                        ))
                } else if seen[key] == nil {
                    seen[key] = (value, line)
                }
            }
            if !rowProblems.isEmpty {
                problems += rowProblems
                continue
            }
            guard let period, let value, seen["\(municipality.lowercased())|\(period.code)|\(measure)"]?.line == line else {
                continue  // the same figure twice: kept once
            }
            rows.append(
                Row(
                    line: line, municipality: municipality, period: period, measure: measure, value: value, unit: unit,
                    note: field("note"), definition: field("definition")))
        }
    }

    /// A wide layout (a column per period) as tidy rows: each filled cell a row of municipality, period, measure,
    /// value and unit, with its spreadsheet row; nil, with a problem, when the layout names columns the header lacks.
    private mutating func tidied(
        header rawHeader: [String], records: [(line: Int, fields: [String])], layout wide: WideLayout, separator: String
    ) -> (header: [String], records: [(line: Int, fields: [String])])? {
        // A column per period: each filled cell becomes a row of the tidy layout, with its spreadsheet row.
        let trimmed = rawHeader.map { $0.trimmingCharacters(in: .whitespaces) }
        func position(_ name: String) -> Int? { trimmed.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame } }
        var used: Set<Int> = []
        var missing: [String] = []
        func field(_ field: WideLayout.Field?) -> ((_ fields: [String]) -> String)? {
            switch field {
            case nil: return nil
            case .value(let text): return { _ in text }
            case .column(let name):
                guard let index = position(name) else {
                    missing.append(name)
                    return { _ in "" }
                }
                used.insert(index)
                return { $0.count > index ? $0[index] : "" }
            }
        }
        let municipality = field(wide.municipality)!
        let measure = field(wide.measure)!
        let unit = field(wide.unit)
        let periods: [Int] =
            wide.periodColumns.map { names in
                names.compactMap { name in
                    let index = position(name)
                    if index == nil { missing.append(name) }
                    return index
                }
            } ?? trimmed.indices.filter { !used.contains($0) && !trimmed[$0].isEmpty }
        if !missing.isEmpty {
            problems.append(
                Problem(
                    line: 1, column: nil,
                    message: .en(
                        "the mapping names column(s) \(missing.map { "\"\($0)\"" }.joined(separator: ", ")) the header does not have; the header is: \(rawHeader.joined(separator: separator))",
                        nl:
                            "de koppeling noemt kolom(men) \(missing.map { "\"\($0)\"" }.joined(separator: ", ")) die de kopregel niet heeft; de kopregel is: \(rawHeader.joined(separator: separator))"
                    )
                ))
            return nil
        }
        var tidy: [(line: Int, fields: [String])] = []
        for record in records {
            for index in periods {
                let value = index < record.fields.count ? record.fields[index].trimmingCharacters(in: .whitespaces) : ""
                if value.isEmpty { continue }  // no figure for that period: absent, never 0
                tidy.append(
                    (
                        record.line,
                        [
                            municipality(record.fields), trimmed[index], measure(record.fields), value,
                            unit?(record.fields) ?? "",
                        ]
                    ))
            }
        }
        return (["gemeente", "periode", "maat", "waarde", "eenheid"], tidy)
    }

    /// An Excel date cell (a serial day number, > 10 000 so never a year) as the month it falls in.
    static func excelDate(_ text: String, enabled: Bool) -> Period? {
        guard enabled, let serial = Double(text), serial > 10_000, serial < 100_000 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let origin = DateComponents(calendar: calendar, year: 1899, month: 12, day: 30).date!
        guard let date = calendar.date(byAdding: .day, value: Int(serial), to: origin) else { return nil }
        let parts = calendar.dateComponents([.year, .month], from: date)
        return Period(year: parts.year!, kind: .month, number: parts.month!)
    }

    /// The first control character of a text (U+0000–U+001F, U+007F–U+009F), written `U+0000`; nil when it has none.
    static func controlCharacter(in text: String) -> String? {
        guard let scalar = text.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        else { return nil }
        return "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
    }

    /// Whether a measure counts things (a negative value is then an error): by its unit, or its name when it has none.
    static func isCount(unit: String, measure: String) -> Bool {
        let unit = unit.lowercased()
        if ["aantal", "count", "clients", "cliënten", "personen", "persons"].contains(unit) { return true }
        return unit.isEmpty && ["aantal", "count"].contains { measure.lowercased().hasPrefix($0) }
    }

    /// Whether a row names every column a file of own figures needs (municipality, period, measure, value).
    static func namesEveryColumn(_ fields: [String]) -> Bool {
        let names = Set(fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        return columns.filter(\.required).allSatisfy { !$0.names.isDisjoint(with: names) }
    }

    /// `3,07` or `3.07` → 3.07 under the file's decimal rule. A euro sign or `EUR` before or after the number and a
    /// `%` after it are how spreadsheets show a number, not part of it (`€ 1.234,50`, `12%`).
    static func number(_ text: String, decimal: Decimal) -> Result<Double, Problem> {
        var raw = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
        for mark in ["€", "EUR", "eur"] {
            if raw.hasPrefix(mark) { raw.removeFirst(mark.count) } else if raw.hasSuffix(mark) { raw.removeLast(mark.count) }
        }
        if raw.hasSuffix("%") { raw.removeLast() }
        if raw.hasPrefix("-€") { raw = "-" + raw.dropFirst(2) }
        guard !raw.isEmpty else {
            return .failure(
                Problem(
                    line: nil, column: nil,
                    message: .en(
                        "is empty (a missing figure is left out of the file, never written as 0 or blank)",
                        nl: "is leeg (een ontbrekend cijfer laat u weg uit het bestand, nooit als 0 of leeg veld)")))
        }
        let hasComma = raw.contains(",")
        let hasPoint = raw.contains(".")
        var normalised: String
        switch decimal {
        case .comma: normalised = raw.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        case .point: normalised = raw.replacingOccurrences(of: ",", with: "")
        case .auto:
            if hasComma && hasPoint {
                // The last separator is the decimal one; the other groups thousands.
                let lastComma = raw.lastIndex(of: ",")!
                let lastPoint = raw.lastIndex(of: ".")!
                normalised =
                    lastComma > lastPoint
                    ? raw.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
                    : raw.replacingOccurrences(of: ",", with: "")
            } else if hasComma {
                normalised = raw.replacingOccurrences(of: ",", with: ".")
            } else if hasPoint, raw.range(of: #"^-?\d{1,3}(\.\d{3})+$"#, options: .regularExpression) != nil {
                return .failure(
                    Problem(
                        line: nil, column: nil,
                        message: .en(
                            "\"\(text)\" can be read as \(raw.replacingOccurrences(of: ".", with: "")) or as \(raw); state whether the file writes decimals with a comma or a point",
                            nl:
                                "\"\(text)\" is te lezen als \(raw.replacingOccurrences(of: ".", with: "")) of als \(raw); geef aan of het bestand decimalen met een komma of een punt schrijft"
                        )
                    ))
            } else {
                normalised = raw
            }
        }
        // Decimal digits only: Swift's Double also reads `0x10` (16) and `0x1p3` (8), which no Dutch monitor means.
        guard normalised.range(of: #"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$"#, options: .regularExpression) != nil,
            let value = Double(normalised), value.isFinite
        else {
            return .failure(
                Problem(line: nil, column: nil, message: .en("\"\(text)\" is not a number", nl: "\"\(text)\" is geen getal")))
        }
        // `1e-400` is not 0: a figure too small to hold is refused, never rounded to nothing.
        if value == 0, normalised.prefix(while: { $0 != "e" && $0 != "E" }).contains(where: { ("1"..."9").contains($0) }) {
            return .failure(
                Problem(
                    line: nil, column: nil,
                    message: .en("\"\(text)\" is too small to be a figure", nl: "\"\(text)\" is te klein voor een cijfer")))
        }
        return .success(value)
    }

    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension String {
    /// The text with zeros in front up to `width` characters (`1B` → `001B`).
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
