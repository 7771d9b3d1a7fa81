/// A value behind one shared, immutable reference, for value types copied far more often than changed: a copy is one
/// retain instead of one per string and array inside (a comparison copies a profile into every municipality's result,
/// and a group's figures into close to a million references). Reading is a plain load; a change copies the value into
/// a new reference, so the type holding it still behaves as a value. Equality, hashing and the `Codable` form are the
/// value's own (equal references are equal without comparing).
struct SharedValue<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    init(_ value: Value) { box = Box(value) }

    var value: Value { box.value }

    mutating func change(_ body: (inout Value) -> Void) {
        var value = box.value
        body(&value)
        box = Box(value)
    }

    static func == (left: Self, right: Self) -> Bool { left.box === right.box || left.box.value == right.box.value }

    func hash(into hasher: inout Hasher) { box.value.hash(into: &hasher) }

    init(from decoder: any Decoder) throws { box = Box(try Value(from: decoder)) }

    func encode(to encoder: any Encoder) throws { try box.value.encode(to: encoder) }
}
