public import MaatstafCore

// The cell value itself is core's (`CBSValue`): the engine reads stored cells without knowing CBS's formats. How
// CBS writes a cell is this module's business.
extension CBSValue {
    /// Parses an UntypedDataSet cell: a padded number or one of CBS's symbols.
    public init?(untyped text: String) {
        let trimmed = text.trimmedSpaces
        switch trimmed {
        case ".", "": self = .unknown
        case "x": self = .secret
        case "-": self = .notApplicable
        default:
            // `1e999` parses as infinity: not a figure (the page scanner reports it as malformed).
            guard let number = Double(trimmed), number.isFinite else { return nil }
            self = .number(number)
        }
    }
}
