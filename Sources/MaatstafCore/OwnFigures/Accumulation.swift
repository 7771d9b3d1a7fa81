/// How the periods of a monitor's figure add up to a year, declared by the indicator (never guessed): a flow (new
/// applications, hours delivered) sums over the year; a stock (clients in care, youths with a provision, an average)
/// is a state, and the year's figure is its latest value.
public enum Accumulation: String, Sendable, Hashable, Codable, CaseIterable {
    case flow
    case stock
}
