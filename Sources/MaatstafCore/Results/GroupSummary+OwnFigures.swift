extension GroupSummary {
    /// The fewest municipalities with the figure that make a reference group over own figures. With one the
    /// municipality is compared with itself; with two the group's figure is half its own and the partner's figure
    /// can be read back from it (the partner shared it to be pooled, not shown). Three is also the least the
    /// median and quartiles of a group mean anything with, and the threshold statistical offices use for not
    /// disclosing one respondent's figure through a total.
    public static let minimumSharers = 3

    /// The group's figures under the rule for an indicator over own figures, unchanged for open data.
    ///
    /// Only the municipalities that imported the figure have it, so the "Netherlands" of the members is often the
    /// municipality itself. The Netherlands is therefore the national figure entered beside the own figures (a row
    /// for the Netherlands) or nothing; any other group is the members that shared the figure, and only when at
    /// least `minimumSharers` did. Said in `basis`, so every output names the figure for what it is.
    public func ownFigureRule(_ data: IndicatorData) -> GroupSummary {
        guard data.indicator.usesOwnFigures else { return self }
        var ruled = self
        if group.group == .builtIn(.national) {
            // The entered figure is not made of the members: no spread, and nobody is "left out" of it.
            ruled.numerator = nil
            ruled.denominator = nil
            ruled.distribution = nil
            ruled.excluded = [:]
            ruled.zeros = []
            if let reference = data.ownReference {
                ruled.rate = reference.value
                ruled.basis = .entered(source: reference.source)
            } else {
                ruled.rate = nil
                ruled.basis = .noNationalFigure
            }
            return ruled
        }
        let count = distribution?.count ?? 0
        if count >= Self.minimumSharers, rate != nil {
            ruled.basis = .sharers(count: count)
        } else {
            ruled.rate = nil
            ruled.numerator = nil
            ruled.denominator = nil
            ruled.distribution = nil
            ruled.basis = .tooFewSharers(count: count)
        }
        return ruled
    }
}

extension GroupSummary {
    /// The 95% Wilson interval of a pooled group of municipalities that shared a count (people among people, the
    /// indicator says `interval: wilson`): how far the club's figure itself is certain. Nil otherwise.
    public func sharersInterval(_ indicator: Indicator) -> ProportionInterval? {
        guard indicator.hasInterval, case .sharers = basis, let numerator, let denominator else { return nil }
        return ProportionInterval(successes: numerator, trials: denominator)?.scaled(by: Double(indicator.multiplier))
    }
}
