import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafReport

/// The output was written, but a chosen municipality has no value (no delivery, nothing booked on the lines,
/// suppressed): a script must not read the run as a full answer. Exit code 66.
struct MissingValues: Error {
    var indicator: String
    var year: Int
    /// Name and why (in both languages), per municipality without a value.
    var municipalities: [(name: String, reason: LocalizedText)]

    init?(_ comparison: Comparison) {
        let english = NoteWording(locale: .en)
        let dutch = NoteWording(locale: .nl)
        municipalities = comparison.municipalities.filter { $0.observation.status != .ok }
            .map {
                ($0.profile.name, .en(english.status($0.observation.status), nl: dutch.status($0.observation.status)))
            }
        guard !municipalities.isEmpty else { return nil }
        indicator = comparison.indicator.id
        year = comparison.year
    }

    func message(_ locale: ReportLocale) -> String {
        let list = municipalities.map { "\($0.name) (\($0.reason.text(locale)))" }.joined(separator: ", ")
        return locale == .nl
            ? "\(indicator) \(year): geen waarde voor \(list). De uitvoer is geschreven en zegt waarom; een ontbrekend cijfer staat nooit als 0"
            : "\(indicator) \(year): no value for \(list). The output was written and says why; a missing figure is never shown as 0"
    }
}
