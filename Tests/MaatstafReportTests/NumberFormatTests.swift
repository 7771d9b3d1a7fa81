import MaatstafCore
import MaatstafModel
import MaatstafReport
import Testing

@Suite("Numbers as readers expect them")
struct NumberFormatTests {
    @Test("a large finite value is written in full, never as infinity")
    func large() {
        #expect(NumberFormat(locale: .en).money(1e16) == "€10,000,000,000,000,000.00")
        #expect(NumberFormat(locale: .nl).number(-2.5e18, decimals: 0) == "-2.500.000.000.000.000.000")
        #expect(NumberFormat(locale: .en).csv(1e16) == "10000000000000000.00")
    }

    @Test("what is not a number is a dash: no output ever says nan or inf")
    func notANumber() {
        for value in [Double.nan, .infinity, -.infinity] {
            for locale in ReportLocale.allCases {
                let format = NumberFormat(locale: locale)
                for text in [format.number(value), format.money(value), format.csv(value), format.percent(value)] {
                    #expect(
                        !text.lowercased().contains("nan") && !text.lowercased().contains("inf") && !text.contains("∞"), "\(text)"
                    )
                }
            }
        }
    }

    @Test("cents round half away from zero")
    func rounding() {
        #expect(NumberFormat(locale: .en).money(0.125) == "€0.13")
        #expect(NumberFormat(locale: .nl).money(-0.125) == "€ -0,13")
    }
}
