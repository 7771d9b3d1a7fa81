import MaatstafCore
import MaatstafModel

/// How an indicator's values are written: euros for money (its declared unit kind), plain numbers otherwise.
struct ValueStyle {
    let format: NumberFormat
    let isMoney: Bool
    /// The gap is in euros also for a ratio of euros to euros (spending ÷ the fund's allocation).
    let gapIsMoney: Bool

    init(indicator: Indicator, locale: ReportLocale) {
        format = NumberFormat(locale: locale)
        isMoney = indicator.valueKind == .money
        var euros = false
        if case .iv3 = indicator.numerator, case .fund = indicator.denominator { euros = true }
        gapIsMoney = isMoney || euros
    }

    /// Euros, for amounts that belong to no indicator (the fund's contributions per inhabitant).
    init(moneyIn locale: ReportLocale) {
        format = NumberFormat(locale: locale)
        isMoney = true
        gapIsMoney = true
    }

    func value(_ value: Double?) -> String {
        guard let value else { return "–" }
        return isMoney ? format.money(value) : format.number(value)
    }

    func difference(_ value: Double?) -> String {
        guard let value else { return "–" }
        return isMoney ? format.signedMoney(value) : format.signed(value)
    }

    /// The gap is a total: euros without cents, or a count with one decimal.
    func gap(_ value: Double?) -> String {
        guard let value else { return "–" }
        return gapIsMoney ? format.signedMoney(value, decimals: 0) : format.signed(value, decimals: 1)
    }
}

extension ValueStyle {
    /// Axis labels: whole euros or numbers, no cents, so ticks stay short.
    func axis(_ value: Double) -> String {
        let decimals = abs(value) < 10 && value != value.rounded() ? 1 : 0
        return isMoney ? format.money(value, decimals: decimals) : format.number(value, decimals: decimals)
    }
}
