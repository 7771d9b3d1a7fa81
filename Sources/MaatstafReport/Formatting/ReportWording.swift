public import MaatstafCore

/// The report's words and number formats for another edge that shows the same facts (the dashboard), so a figure
/// reads the same in a report, a table and a page.
public enum ReportWording {
    /// A value as the report writes it: `€ 133,12`, `12,3 %`, `4,1`; a dash for none.
    public static func value(_ value: Double?, indicator: Indicator, locale: ReportLocale) -> String {
        ValueStyle(indicator: indicator, locale: locale).value(value)
    }

    /// What kind of group it is: `provincie`, `grootteklasse`, `naaste buren`, … / `province`, `size class`, ….
    public static func groupKind(_ group: PeerGroup, locale: ReportLocale) -> String {
        ReportLabels(locale: locale).groupKind(group)
    }

    /// What a group is, in words: `de provincie van de gemeente`, `the municipality's province`.
    public static func groupDescription(_ group: PeerGroup, locale: ReportLocale) -> String {
        ReportLabels(locale: locale).groupDescription(group)
    }

    /// A group's own name as the report writes it: a size or urbanity class in the reader's language (CBS names
    /// them in Dutch), any other as it is called.
    public static func groupLabel(_ group: ResolvedPeerGroup, locale: ReportLocale) -> String {
        ReportLabels(locale: locale).classLabel(group)
    }

    /// A CBS size class in the reader's language.
    public static func sizeClass(_ size: SizeClass, locale: ReportLocale) -> String {
        ReportLabels(locale: locale).sizeClassName(size)
    }

    /// A CBS urbanity class in the reader's language.
    public static func urbanity(_ urbanity: Urbanity, locale: ReportLocale) -> String {
        ReportLabels(locale: locale).urbanityName(urbanity)
    }

    /// Where an indicator is defined, for a reader: `ingebouwd` / `built in`, `algemeen (Iv3)` / `generic Iv3`, or
    /// the file's path.
    public static func origin(_ origin: IndicatorOrigin, locale: ReportLocale) -> String {
        switch origin {
        case .builtIn: locale == .nl ? "ingebouwd" : "built in"
        case .genericIv3: locale == .nl ? "algemeen (Iv3)" : "generic Iv3"
        case .file(let path): path
        }
    }

    /// The source credit every output carries.
    /// `indicator`: the one shown; an indicator of own figures alone credits the imported files, not CBS.
    public static func credit(locale: ReportLocale, indicator: Indicator? = nil) -> String {
        var ownOnly = false
        if let indicator, case .own = indicator.numerator {
            switch indicator.denominator {
            case .own, .none: ownOnly = true
            case .population, .cbs, .fund: ownOnly = false
            }
        }
        return ReportLabels(locale: locale).credit(ownOnly: ownOnly)
    }
}
