public import MaatstafCore

/// A period as a reader says it (`feb 2021`, `K1 2021`, `2021`), not as CBS codes it (`2021MM02`): for the edges
/// that mention periods outside a report (the import's summary).
public enum PeriodWording {
    public static func text(_ period: Period, locale: ReportLocale) -> String {
        ReportLabels(locale: locale).period(period)
    }
}
