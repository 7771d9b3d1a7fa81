import Foundation
public import MaatstafCore
import MaatstafModel

/// Numbers as Dutch and English readers expect them, written by hand rather than through a platform formatter so
/// that output is identical on every machine: `€ 1.234,56` (nl) and `€1,234.56` (en).
///
/// Rounding is half away from zero at the shown precision, on the cent for money.
public struct NumberFormat: Sendable {
    public let locale: ReportLocale

    public init(locale: ReportLocale) {
        self.locale = locale
    }

    var decimalMark: String { locale == .nl ? "," : "." }
    var groupMark: String { locale == .nl ? "." : "," }

    /// `1234.5` → `1,234.50` (en) / `1.234,50` (nl), grouped. A value that is not a number (never produced from
    /// checked input) is written as `–`, never `nan` or `inf`; a finite value too large for whole cents is written
    /// in full, its decimals zero (a double holds no cents at that size).
    public func number(_ value: Double, decimals: Int = 2, grouped: Bool = true) -> String {
        guard value.isFinite else { return "–" }
        let scale = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole: String
        let fraction: Int64
        let isZero: Bool
        if scaled < 9e17 {
            let units = Int64(scaled)
            whole = String(units / Int64(scale))
            fraction = units % Int64(scale)
            isZero = units == 0
        } else {
            whole = String(format: "%.0f", abs(value).rounded(.toNearestOrAwayFromZero))
            fraction = 0
            isZero = false
        }
        var digits = whole
        if grouped {
            var groupedDigits = ""
            for (index, character) in digits.reversed().enumerated() {
                if index > 0 && index % 3 == 0 { groupedDigits.append(contentsOf: groupMark.reversed()) }
                groupedDigits.append(character)
            }
            digits = String(groupedDigits.reversed())
        }
        var text = digits
        if decimals > 0 {
            let fractionText = String(fraction)
            text += decimalMark + String(repeating: "0", count: decimals - fractionText.count) + fractionText
        }
        return (value < 0 && !isZero ? "-" : "") + text
    }

    /// Euros to the cent: `€1,234.56` / `€ 1.234,56`; negative `-€1,234.56` / `€ -1.234,56`.
    public func money(_ value: Double, decimals: Int = 2) -> String {
        let text = number(value, decimals: decimals)
        if locale == .nl { return "€ " + text }
        return text.hasPrefix("-") ? "-€" + text.dropFirst() : "€" + text
    }

    /// With an explicit sign, for differences: `+44.06`, `-3.10`.
    public func signed(_ value: Double, decimals: Int = 2) -> String {
        let text = number(value, decimals: decimals)
        return text.hasPrefix("-") || text.allSatisfy({ $0 == "0" || String($0) == decimalMark }) ? text : "+" + text
    }

    /// A difference in euros with its sign where the unsigned amount has its minus: `+€44.06` / `-€3.10` and
    /// `€ +44,06` / `€ -3,10` (a Dutch column then reads alike for both signs).
    public func signedMoney(_ value: Double, decimals: Int = 2) -> String {
        let text = money(value, decimals: decimals)
        if text.contains("-") || number(value, decimals: decimals).allSatisfy({ $0 == "0" || String($0) == decimalMark }) {
            return text
        }
        return locale == .nl ? "€ +" + text.dropFirst(2) : "+" + text
    }

    public func percent(_ value: Double, decimals: Int = 1) -> String {
        signed(value, decimals: decimals) + "%"
    }

    /// A plain number for CSV: no grouping, the locale's decimal mark, full cents.
    public func csv(_ value: Double?, decimals: Int = 2) -> String {
        value.map { number($0, decimals: decimals, grouped: false) } ?? ""
    }
}
