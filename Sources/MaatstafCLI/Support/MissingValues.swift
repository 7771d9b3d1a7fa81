import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafReport

/// The output was written, but a chosen municipality has no value (no delivery, nothing booked on the lines,
/// suppressed): a script must not read the run as a full answer. Exit code 66.
struct MissingValues: Error {
    var indicator: String
    var year: Int
    /// Name and why, per municipality without a value.
    var municipalities: [(name: String, reason: String)]

    init?(_ comparison: Comparison) {
        let wording = NoteWording(locale: .en)
        municipalities = comparison.municipalities.filter { $0.observation.status != .ok }
            .map { ($0.profile.name, wording.status($0.observation.status)) }
        guard !municipalities.isEmpty else { return nil }
        indicator = comparison.indicator.id
        year = comparison.year
    }

    var message: String {
        let list = municipalities.map { "\($0.name) (\($0.reason))" }.joined(separator: ", ")
        return
            "\(indicator) \(year): no value for \(list). The output was written and says why; a missing figure is never shown as 0"
    }
}
