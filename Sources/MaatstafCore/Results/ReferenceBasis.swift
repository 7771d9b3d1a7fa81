/// What a reference group's figure rests on. For open data that is always the members' figures; for an indicator
/// over a municipality's own figures the members are only the municipalities that imported the figure — often the
/// municipality itself — so the figure needs saying what it is, or that there is none.
public enum ReferenceBasis: Sendable, Hashable, Codable {
    /// The national figure entered beside the own figures (a row for the Netherlands), with the source its note
    /// gives: the Netherlands is that figure, not the few municipalities that imported theirs.
    case entered(source: String)
    /// The Netherlands for own figures when no national figure was entered: there is no national reference.
    case noNationalFigure
    /// The group's municipalities that shared the figure (`count` of them, at least `GroupSummary.minimumSharers`).
    case sharers(count: Int)
    /// Fewer municipalities shared the figure than a reference needs: no figure (`count` may be 0).
    case tooFewSharers(count: Int)
}
