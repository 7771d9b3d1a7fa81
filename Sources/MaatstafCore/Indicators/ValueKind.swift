/// What an indicator's value is, declared once in its definition: it decides how values are written (euros or plain
/// numbers) and which statistics make sense, whatever the numerator's source.
public enum ValueKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Euros per unit of the denominator (per inhabitant, per client).
    case money
    /// A count per unit or per 1,000 of the denominator (clients per 1,000 inhabitants, hours per client).
    case rate
    /// A share in percent (multiplier 100): people with something among people.
    case percentage
}
