/// An optional that a JSON contract writes as `null` rather than leaving the key out (what Codable does for
/// `Optional`), so that a reader sees "no value" as a field, never as a missing field; numbers that are not finite
/// are written as `null` too.
struct Nullable<Wrapped: Encodable & Sendable>: Encodable, Sendable {
    var value: Wrapped?

    init(_ value: Wrapped?) {
        if let number = value as? Double, !number.isFinite {
            self.value = nil
        } else {
            self.value = value
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
