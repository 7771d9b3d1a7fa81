/// One cell of a CBS data set: a number, or why there is none. A missing value is never a zero.
public enum CBSValue: Sendable, Equatable {
    case number(Double)
    /// `.` (and `null` in TypedDataSet): unknown, or too small to publish.
    case unknown
    /// `x`: secret.
    case secret
    /// `-`: nil, cannot occur.
    case notApplicable
    /// A text cell: codes and names in tables that classify (`Code_10` = `CR15`, `Naam_11` = `Arnhem/Nijmegen` in
    /// "Gebieden in Nederland"). Never a figure.
    case text(String)

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The word outputs and the store use for the cell's status: `ok`, `unknown`, `secret` or `not-applicable`.
    public var statusWord: String {
        switch self {
        case .number: "ok"
        case .unknown: "unknown"
        case .secret: "secret"
        case .notApplicable: "not-applicable"
        case .text: "text"
        }
    }
}
