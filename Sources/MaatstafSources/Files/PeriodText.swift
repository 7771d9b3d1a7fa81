import Foundation
public import MaatstafCore

/// Periods as municipal monitors write them, read into `Period`s: a year (`2021`), a half-year (`2021H1`,
/// `1e halfjaar 2021`), a quarter (`2021Q1`, `2021-Q1`, `Q1 2021`, `2021KW01`), a month (`2021-02`, `02-2021`,
/// `februari 2021`, `feb 2021`, `February 2021`, `2021MM02`, and Excel's `jan-24`: a month name with two digits is
/// that month of 2000 + the digits), a quarter written out (`1e kwartaal 2024`, `1st quarter 2024`) or a date
/// (`2021-02-15`, `15-02-2021`: its month). Anything else is nil — never a guess.
public enum PeriodText {
    static let months: [String: Int] = {
        let names = [
            ["januari", "january", "jan"], ["februari", "february", "feb"], ["maart", "march", "mrt", "mar"],
            ["april", "apr"], ["mei", "may"], ["juni", "june", "jun"], ["juli", "july", "jul"],
            ["augustus", "august", "aug"], ["september", "sep", "sept"], ["oktober", "october", "okt", "oct"],
            ["november", "nov"], ["december", "dec"],
        ]
        var result: [String: Int] = [:]
        for (index, spellings) in names.enumerated() { for spelling in spellings { result[spelling] = index + 1 } }
        return result
    }()

    public static func parse(_ text: String) -> Period? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let code = Period(code: trimmed.uppercased()) { return code }
        // A separator at either end or two in a row (`-2021`, `2021--02`) is not a period written out.
        if trimmed.range(of: #"^[-/]|[-/]$|[-/]\s*[-/]"#, options: .regularExpression) != nil { return nil }
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" }).map(String.init)
        func year(_ word: String) -> Int? { word.count == 4 ? Int(word) : nil }
        switch words.count {
        case 1:
            let word = words[0]
            if let y = year(word) { return Period(year: y, kind: .year, number: 0) }
            // 2021q1, 2021h1
            if word.count == 6, let y = Int(word.prefix(4)), let n = Int(word.suffix(1)) {
                switch word.dropFirst(4).first {
                case "q": return Period(year: y, kind: .quarter, number: n)
                case "h": return Period(year: y, kind: .halfYear, number: n)
                default: return nil
                }
            }
            return nil
        case 2:
            let (a, b) = (words[0], words[1])
            if let y = year(a) {
                if let month = Int(b), b.count <= 2 { return Period(year: y, kind: .month, number: month) }  // 2021-02
                return sub(b, year: y)  // 2021 Q1
            }
            if let y = year(b) {
                if let month = Int(a), a.count <= 2 { return Period(year: y, kind: .month, number: month) }  // 02-2021
                if let month = months[a] { return Period(year: y, kind: .month, number: month) }  // februari 2021
                return sub(a, year: y)  // Q1 2021
            }
            // jan-24: how Excel shows a month in Dutch (mmm-jj); the two digits are the year of this century.
            if let month = months[a], b.count == 2, let short = Int(b) {
                return Period(year: 2000 + short, kind: .month, number: month)
            }
            return nil
        case 3:
            // 2021-02-15 or 15-02-2021: the month of the date.
            // The day must exist in its month: 2021-02-30 is no date, so no February either.
            if let y = year(words[0]), let month = Int(words[1]), let day = Int(words[2]), isDay(day, month, y) {
                return Period(year: y, kind: .month, number: month)
            }
            if let y = year(words[2]), let month = Int(words[1]), let day = Int(words[0]), isDay(day, month, y) {
                return Period(year: y, kind: .month, number: month)
            }
            // 1e halfjaar 2021, 1st half 2021
            if let y = year(words[2]), ["halfjaar", "half"].contains(words[1]), let n = Int(words[0].prefix(1)) {
                return Period(year: y, kind: .halfYear, number: n)
            }
            // 1e kwartaal 2024, 1st quarter 2024
            if let y = year(words[2]), ["kwartaal", "quarter"].contains(words[1]), let n = Int(words[0].prefix(1)),
                (1...4).contains(n)
            {
                return Period(year: y, kind: .quarter, number: n)
            }
            return nil
        default:
            return nil
        }
    }

    /// Whether a day exists in a month of the Gregorian calendar (29 February in leap years only).
    static func isDay(_ day: Int, _ month: Int, _ year: Int) -> Bool {
        guard (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// `q1`, `kw1`, `h1`.
    private static func sub(_ word: String, year: Int) -> Period? {
        if word.hasPrefix("kw"), let n = Int(word.dropFirst(2)) { return Period(year: year, kind: .quarter, number: n) }
        if word.hasPrefix("q"), let n = Int(word.dropFirst(1)) { return Period(year: year, kind: .quarter, number: n) }
        if word.hasPrefix("h"), let n = Int(word.dropFirst(1)) { return Period(year: year, kind: .halfYear, number: n) }
        return nil
    }
}
