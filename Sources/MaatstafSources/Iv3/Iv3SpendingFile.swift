public import Foundation
import MaatstafCore

/// An Iv3 file of the begrotingsanalysetool: per municipality and taakveld, baten and lasten in thousands of euros,
/// plus the municipality's classes and population, and a `Nederland` total row per taakveld.
public struct Iv3SpendingFile: Sendable {
    public struct Row: Sendable, Equatable {
        public var line: Int
        /// The municipality as named in the file, or `Nederland` for the national total row.
        public var name: String
        /// The taakveld code, e.g. `6.71a` (2023 layout) or `6.711` (2025 layout).
        public var taakveld: String
        /// The title as given in the file (sometimes truncated with `..`).
        public var title: String
        /// Thousands of euros; nil when the cell is empty.
        public var baten: Int?
        public var lasten: Int?
        public var salaries: Int?
        public var province: String
        public var sizeClass: String
        public var urbanity: String
        public var population: Int?
    }

    public static let nationalName = "Nederland"

    public var rows: [Row]

    public init(data: Data, source: String) throws {
        let table = try DelimitedText(data: data, separator: ";", source: source)
        let names = [
            "Gemeenten", "Taakveld", "L1.1 Salarissen en sociale lasten", "Baten", "Lasten", "Provincie",
            "Gemeentegrootte", "Stedelijkheid", "Inwonertal",
        ]
        let columns = try names.map { try table.column($0, in: source) }
        rows = try table.rows.map { row in
            let taakveldField = row[columns[1]]
            guard let space = taakveldField.firstIndex(of: " "),
                taakveldField.first?.isNumber == true
            else {
                throw SourceError(
                    subject: source, line: row.line,
                    reason: .en(
                        "taakveld \"\(taakveldField)\" does not start with a code like 6.71a",
                        nl: "taakveld \"\(taakveldField)\" begint niet met een code zoals 6.71a"),
                    hint: .en("Use the file as published", nl: "Gebruik het bestand zoals het gepubliceerd is"))
            }
            func amount(_ column: Int) throws -> Int? {
                let text = row[columns[column]].trimmedSpaces
                if text.isEmpty { return nil }
                // Fast path for the published form, `2017.0`; anything else goes through Double and must be whole.
                if text.hasSuffix(".0"), let whole = Int(text.dropLast(2)) { return whole }
                if let whole = Int(text) { return whole }
                guard let value = Double(text), value.isFinite, value == value.rounded() else {
                    throw SourceError(
                        subject: source, line: row.line,
                        reason: .en(
                            "\(names[column]) \"\(text)\" is not a whole number of thousands of euros",
                            nl: "\(names[column]) \"\(text)\" is geen geheel aantal duizenden euro's"),
                        hint: .en("Use the file as published", nl: "Gebruik het bestand zoals het gepubliceerd is"))
                }
                return Int(value)
            }
            let populationText = row[columns[8]]
            return Row(
                line: row.line, name: row[columns[0]], taakveld: String(taakveldField[..<space]),
                title: String(taakveldField[taakveldField.index(after: space)...]).trimmedSpaces,
                baten: try amount(3), lasten: try amount(4), salaries: try amount(2),
                province: row[columns[5]], sizeClass: row[columns[6]], urbanity: row[columns[7]],
                population: populationText.isEmpty ? nil : Int(populationText))
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs. Foundation's `trimmingCharacters(in:)` made loading the
    /// snapshot several times slower.
    public var trimmedSpaces: String {
        guard first == " " || last == " " || first == "\t" || last == "\t" else { return self }
        var view = Substring(self)
        while view.first == " " || view.first == "\t" { view = view.dropFirst() }
        while view.last == " " || view.last == "\t" { view = view.dropLast() }
        return String(view)
    }
}
