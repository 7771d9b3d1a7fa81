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
    private var numbering: [CodeNumbering]
    private var lastCode: [String?]
    private var previous: [Int32]
    private var current: [Int32]
    private var started = false
    private var forward = true
    private var backward = true

    init(dimensions: Int) {
        numbering = Array(repeating: CodeNumbering(), count: dimensions)
        lastCode = Array(repeating: nil, count: dimensions)
        previous = Array(repeating: 0, count: dimensions)
        current = Array(repeating: 0, count: dimensions)
    }

    /// Every row so far came in one of the two nested orders.
    var holds: Bool { forward || backward }

    /// Follows one page's rows (codes per dimension); stops looking once neither order holds.
    mutating func follow(_ codes: [[String]]) {
        guard holds, let rows = codes.first?.count else { return }
        let dimensions = codes.count
        for row in 0..<rows {
            for dimension in 0..<dimensions {
                let code = codes[dimension][row]
                // Rows repeat most codes of the row before (all but the fastest dimension's): no lookup then.
                if code != lastCode[dimension] {
                    current[dimension] = numbering[dimension].number(code)
                    lastCode[dimension] = code
                }
            }
            if started {
                // The first dimension (from the front, or from the back) that differs must have grown.
                var front = 0
                while front < dimensions && current[front] == previous[front] { front += 1 }
                guard front < dimensions else {
                    forward = false
                    backward = false
                    return
                }
                var back = dimensions - 1
                while current[back] == previous[back] { back -= 1 }
                forward = forward && current[front] > previous[front]
                backward = backward && current[back] > previous[back]
                guard holds else { return }
            }
            started = true
            for dimension in 0..<dimensions { previous[dimension] = current[dimension] }
        }
    }
}
