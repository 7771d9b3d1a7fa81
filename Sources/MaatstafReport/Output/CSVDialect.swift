public import MaatstafCore

/// The CSV a reader's spreadsheet opens as it is: decided here, once, from the reader's language.
///
/// Dutch Excel reads `,` as the decimal mark, so Dutch CSV separates cells with `;` and writes decimal commas; it
/// opens a double-clicked CSV as UTF-8 only when the file starts with a byte-order mark (otherwise
/// `Súdwest-Fryslân` reads `SÃºdwest-FryslÃ¢n`). English CSV is plain RFC 4180 with decimal points and no mark, as
/// pandas and R expect. Every CSV maatstaf writes goes through one dialect, so no two commands can disagree.
public struct CSVDialect: Sendable, Hashable {
    public var locale: ReportLocale

    public init(_ locale: ReportLocale) { self.locale = locale }

    public var separator: Character { locale == .nl ? ";" : "," }

    /// What a file starts with: the UTF-8 byte-order mark for Dutch Excel, nothing otherwise.
    public var preamble: String { locale == .nl ? "\u{FEFF}" : "" }

    /// A number as a cell: the locale's decimal mark, no grouping, no currency sign; empty for no value.
    public func number(_ value: Double?, decimals: Int) -> String {
        NumberFormat(locale: locale).csv(value, decimals: decimals)
    }
}
