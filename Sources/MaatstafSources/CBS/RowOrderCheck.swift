/// Whether a streamed table's rows come in a nested order, which proves that no row repeats another in constant
/// memory.
///
/// CBS serves a table's rows as nested loops over its dimensions: the first dimension of DataProperties outermost,
/// the last (mostly Perioden) fastest, each in the order of its code list (seen in the real 80137ned and 83599NED
/// responses in the test fixtures). Numbering each dimension's codes in the order they first appear, such rows form
/// strictly increasing tuples — and strictly increasing tuples cannot repeat. Both nestings (first dimension
/// outermost, or last) are followed. A table that breaks both (a sparse table whose first block lacks a code, or
/// any other order) is not wrong: the caller then falls back to `RowRepeatCheck`.
struct RowOrderCheck {
    private var numbers: [[String: Int32]]
    private var lastCode: [String?]
    private var lastNumber: [Int32]
    private var previous: [Int32]?
    private var current: [Int32]
    private var forward = true
    private var backward = true

    init(dimensions: Int) {
        numbers = Array(repeating: [:], count: dimensions)
        lastCode = Array(repeating: nil, count: dimensions)
        lastNumber = Array(repeating: 0, count: dimensions)
        current = Array(repeating: 0, count: dimensions)
    }

    /// Every row so far came in one of the two nested orders.
    var holds: Bool { forward || backward }

    /// Follows one page's rows (codes per dimension); stops looking once neither order holds.
    mutating func follow(_ codes: [[String]]) {
        guard holds, let rows = codes.first?.count else { return }
        for row in 0..<rows {
            for dimension in codes.indices {
                let code = codes[dimension][row]
                if code != lastCode[dimension] {
                    let next = Int32(numbers[dimension].count)
                    lastNumber[dimension] = numbers[dimension][code, default: next]
                    if lastNumber[dimension] == next { numbers[dimension][code] = next }
                    lastCode[dimension] = code
                }
                current[dimension] = lastNumber[dimension]
            }
            if let previous {
                // The first dimension (from the front, or from the back) that differs must have grown.
                let front = current.indices.first { current[$0] != previous[$0] }
                let back = current.indices.last { current[$0] != previous[$0] }
                forward = forward && front.map { current[$0] > previous[$0] } ?? false
                backward = backward && back.map { current[$0] > previous[$0] } ?? false
                guard holds else { return }
            }
            previous = current
        }
    }
}
