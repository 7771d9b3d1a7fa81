/// Something a reader must know about an indicator's figures for a year. A fact with its values; the report and
/// the CLI word it in the user's language, so no note reaches a Dutch reader in English.
public enum IndicatorNote: Sendable, Hashable {
    /// The store has no municipality classes for `year`; those of `used` are applied.
    case classesFromEarlierYear(year: Int, used: Int)
    /// The population of `year` is from a fetched CBS table (`table`); size classes follow from it. Provinces, COROP
    /// and labour-market regions are from `regionsTable` ("Gebieden in Nederland") when fetched; urbanity (and
    /// without `regionsTable` the province) is that of `classesFrom`, the nearest year with class files.
    case populationFetched(year: Int, table: String, regionsTable: String?, classesFrom: Int)
    /// The COROP and labour-market regions of `year` are from the fetched "Gebieden in Nederland" `table`.
    case regionsFetched(year: Int, table: String)
    /// The denominator is the population on 1 January of `year` from the class files.
    case populationDenominator(year: Int)
    /// Taakvelden of the definition that the year's Iv3 document does not list (they add nothing).
    case taakveldenNotInDocument(taakvelden: [String], kind: Iv3DocumentKind, year: Int)
    /// The figures are a budget: planned, not spent.
    case budget(year: Int)
    /// Another year in the store sums other taakvelden (Iv3 layout change); `there` nil: not defined that year.
    case definitionDiffers(year: Int, here: [String], otherYear: Int, there: [String]?)
    /// `names` book nothing on `taakvelden` and are left out of every group and rank; `broader` includes them.
    case notBooked(names: [String], taakvelden: [String], broader: String?)
    /// `names` delivered no Iv3 document of this kind for the year and are left out everywhere.
    case noDelivery(names: [String], kind: Iv3DocumentKind, year: Int)
    /// `names` report exactly zero, kept as a value (the indicator says zero is a figure).
    case reportedZero(names: [String])
    /// A chosen municipality has no value: shown as missing, never counted as 0.
    case missingIsNotZero
    /// Members of a region whose values lie far outside the others' (`RobustOutliers`): named with their modified
    /// z-scores, because they weigh on the region's figure, its best quartile and its keys. `leftOut`: the user chose
    /// to leave them out, and every figure of the view is without them.
    case outliers(names: [String], flags: [RobustOutliers.Flag], leftOut: Bool)
    /// Members of a reference group whose values lie far outside the others' (`RobustOutliers`): they count in the
    /// group's figure, which the reader should know before taking it as a yardstick. `names` are in the order of
    /// `flags`, most extreme first.
    case groupOutliers(group: ResolvedPeerGroup, names: [String], flags: [RobustOutliers.Flag])
    /// The figures are the municipalities' own (imported), compared across those that have them; `asReported`: the
    /// figure is an average they report, so a group's figure is the average of its members' figures.
    case ownFigures(_ asReported: Bool)
    /// The own figures are those of one `period` of the year (clients in April), not the year's; `yearNumerator`: the
    /// numerator is a whole year's amount (Iv3 spending over a count of one month).
    case ownPeriod(_ period: Period, yearNumerator: Bool)
    /// The allocation from the municipal fund is that of circulaire `id` (the May circular of `year` − 1 for `year`).
    case fundCirculaire(id: String, year: Int)
    /// The allocation is that of circulaire `id`, which the user chose for `year` instead of the rule's.
    case fundCirculaireChosen(id: String, year: Int)
    /// The overhead (0.4) is spread over the indicator's taakvelden by their share of salaries (L1.1).
    case overheadSpread
    /// The need index: each allocation per inhabitant ÷ the national one, `nationalPerInhabitant` euros.
    case needIndex(nationalPerInhabitant: Double)
    /// In a fetched `year`, the municipalities dissolved since take the urbanity of the one they went into
    /// (`successors`, in the same order): maatstaf has class files of later years only.
    case successorClasses(year: Int, municipalities: [String], successors: [String])
    /// On the municipal boundaries of `boundaries`: `municipality` in `year` is the sum of `parts` (amounts and
    /// populations added before dividing), which went into it whole; its reference groups are those `groupsOf` was in
    /// that year. `origin`: CBS's record of the mergers it follows.
    case onBoundaries(municipality: String, boundaries: Int, year: Int, parts: [String], groupsOf: String, origin: String)
    /// The document is in the embedded snapshot and in a fetched CBS table; `usedTable` is the one read (nil: the
    /// snapshot), `otherTable` the one not read (nil: the snapshot).
    case iv3DocumentChoice(kind: Iv3DocumentKind, year: Int, usedTable: String?, otherTable: String?)
}
