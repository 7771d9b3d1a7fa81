/// What a reported zero means for an indicator.
///
/// Iv3 is a booking: a municipality that provides household help but books it on a neighbouring line reports €0 on
/// 6.711. Counting that zero as "a service that costs nothing" pulls group rates down and ranks the municipality
/// last, so a named indicator over a statutory service declares that a zero means "not booked here".
public enum ZeroPolicy: Sendable, Hashable, Codable {
    /// Zero is a figure like any other (the generic `iv3.<taakveld>.<measure>` indicators, counts of people).
    case value
    /// Zero means nothing was booked on these lines: the municipality is left out of every group and rank for this
    /// indicator, and named. `broader` is an indicator that does include what it booked elsewhere.
    case notBooked(broader: String?)
}
