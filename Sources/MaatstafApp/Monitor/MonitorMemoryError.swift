public import MaatstafCore

/// A monitor's memory that cannot be read or written (exit 74): the run stops before it tells or imports anything
/// twice.
public struct MonitorMemoryError: MaatstafError {
    public var subject: String
    public var reason: LocalizedText
    public var hint: Advice
    public var category: ErrorCategory { .io }
}
