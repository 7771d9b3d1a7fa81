/// How an Iv3 indicator takes a share of the overhead (taakveld 0.4, *Overhead, ondersteuning organisatie*): what a
/// municipality spends on its own organisation is booked apart, so a cluster's taakvelden hold its services without
/// the staff around them. BZK's begrotingsanalysetool can spread it over the clusters by their share of salaries.
public enum OverheadSpread: String, Sendable, Hashable, Codable {
    /// The indicator's taakvelden get the overhead × their salaries (Iv3 category L1.1) ÷ the salaries of every
    /// taakveld but 0.4. An empty salaries cell is none booked on that line (the files list only the categories a
    /// line has); a municipality with no salaries outside 0.4 at all has no key, so no value.
    case salaries

    /// The overhead's taakveld, the same in every Iv3 layout since 2017.
    public static let taakveld = "0.4"
}
