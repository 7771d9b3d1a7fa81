import MaatstafCore

extension ReportLabels {
    private func t(_ nl: String, _ en: String) -> String { locale == .nl ? nl : en }

    /// A monitor's latest figure in its rhythm, as sentences: against the previous monitor, the same period a year
    /// earlier, the year so far, the rolling year and the projection, each saying what it is made of.
    func monitorLines(_ name: String, _ monitor: OwnMonitor, style: ValueStyle) -> [String] {
        let format = NumberFormat(locale: locale)
        let latest = monitor.latest
        func change(_ from: Double) -> String {
            style.difference(latest.value - from)
                + (from == 0 ? "" : " (\(format.percent((latest.value - from) / from * 100)))")
        }
        func span(_ from: Period, _ to: Period) -> String { "\(period(from))–\(period(to))" }
        var lines = ["\(name) — " + t("monitor ", "monitor ") + "\(period(latest.period)): \(style.value(latest.value))."]
        if let previous = monitor.previous {
            lines.append(
                t("T.o.v. vorige monitor", "Against the previous monitor") + " (\(period(previous.period))): "
                    + change(previous.value) + ".")
        } else {
            lines.append(t("Vorige monitor: geen waarde.", "Previous monitor: no value."))
        }
        if let earlier = monitor.yearEarlier {
            lines.append(t("T.o.v. ", "Against ") + "\(period(earlier.period)): " + change(earlier.value) + ".")
        } else {
            lines.append(t("Een jaar eerder: geen waarde.", "A year earlier: no value."))
        }
        let kind = latest.period.kind
        let first = Period(year: latest.period.year, kind: kind, number: 1)!
        let summed = monitor.accumulation == .flow ? t("opgeteld", "summed") : t("de laatste stand", "the latest value")
        if let sofar = monitor.yearToDate {
            var line = t("Jaar tot nu", "Year to date") + " (\(span(first, latest.period)), \(summed)): \(style.value(sofar))"
            if let before = monitor.yearToDateEarlier {
                let difference = sofar - before
                line +=
                    t("; een jaar eerder ", "; a year earlier ") + "\(style.value(before)) ("
                    + style.difference(difference) + (before == 0 ? "" : ", \(format.percent(difference / before * 100))") + ")"
            }
            lines.append(line + ".")
        } else if let gap = monitor.yearToDateGap {
            lines.append(t("Jaar tot nu: ", "Year to date: ") + gapText(gap) + ".")
        }
        if let rolling = monitor.rolling {
            let from = Period(
                year: latest.period.number == kind.perYear ? latest.period.year : latest.period.year - 1, kind: kind,
                number: latest.period.number % kind.perYear + 1)!
            let how = monitor.accumulation == .flow ? t("opgeteld", "summed") : t("gemiddeld", "averaged")
            lines.append(
                t("Voortschrijdend jaar", "Rolling year") + " (\(span(from, latest.period)), \(how)): \(style.value(rolling)).")
        } else if let gap = monitor.rollingGap, gap != .accumulationNotDeclared {
            lines.append(t("Voortschrijdend jaar: ", "Rolling year: ") + gapText(gap) + ".")
        }
        let year = latest.period.year
        switch monitor.projection {
        case .pattern(let value, let years, let share):
            lines.append(
                t("Prognose \(year)", "Projection \(year)") + ": \(style.value(value)) ("
                    + t(
                        "jaar tot nu ÷ \(format.number(share * 100, decimals: 1, grouped: false)) %, het deel van hun jaar dat \(years.map(String.init).joined(separator: ", ")) gemiddeld op dit punt bereikt hadden",
                        "year to date ÷ \(format.number(share * 100, decimals: 1, grouped: false)) %, the share of their year \(years.map(String.init).joined(separator: ", ")) had reached on average by this point"
                    ) + ").")
        case .linear(let value, let elapsed, let perYear):
            lines.append(
                t("Prognose \(year)", "Projection \(year)") + ": \(style.value(value)) ("
                    + t(
                        "jaar tot nu × \(perYear) ÷ \(elapsed): het tempo tot nu doorgetrokken; met \(OwnMonitor.patternYears) eerdere volledige jaren volgt de prognose hun verloop",
                        "year to date × \(perYear) ÷ \(elapsed): the pace so far continued; with \(OwnMonitor.patternYears) earlier complete years the projection follows their course"
                    ) + ").")
        case nil:
            if let gap = monitor.projectionGap { lines.append(t("Prognose: ", "Projection: ") + gapText(gap) + ".") }
        }
        return lines
    }

    private func gapText(_ gap: OwnMonitor.Gap) -> String {
        switch gap {
        case .accumulationNotDeclared:
            t(
                "niet gegeven — de indicator zegt niet of de perioden optellen (accumulation: flow) of de laatste stand telt (accumulation: stock)",
                "not given — the indicator does not say whether its periods sum (accumulation: flow) or the latest counts (accumulation: stock)"
            )
        case .missing(let periods):
            t("geen waarde, want zonder cijfer voor ", "no value, as there is no figure for ")
                + periods.map(period).joined(separator: ", ") + t(" (nooit als 0)", " (never counted as 0)")
        case .stockHasNoTotal:
            t(
                "geen — een stand heeft geen jaartotaal; de laatste stand is die van het jaar",
                "none — a stock has no year's total; its latest value is the year's")
        }
    }
}
