import MaatstafCore
import Testing

/// Which municipalities of an earlier year make up one of a later year, from a record of changes.
@Suite("Municipal boundaries over time")
struct MergerHistoryTests {
    static func dissolved(_ code: String, into recipients: [String], on date: String) -> MunicipalChange {
        MunicipalChange(
            code: code, name: "Gemeente \(code)", kind: .dissolved, date: date,
            recipients: recipients.map { .init(code: $0, name: "Gemeente \($0)", inhabitants: nil) })
    }

    // A and B merge into N (2019); N and C merge into M (2021), as Haren and Ten Boer went into Groningen and
    // Eemsdelta formed later; D is divided between M and E (2021); F is renamed G (2022).
    static let history = MergerHistory(
        changes: [
            dissolved("A", into: ["N"], on: "2019-01-01"), dissolved("B", into: ["N"], on: "2019-01-01"),
            dissolved("N", into: ["M"], on: "2021-01-01"), dissolved("C", into: ["M"], on: "2021-01-01"),
            dissolved("D", into: ["M", "E"], on: "2021-01-01"),
            MunicipalChange(
                code: "F", name: "F", kind: .renamed, date: "2022-01-01",
                recipients: [.init(code: "G", name: "G", inhabitants: nil)]),
        ], origin: "test")

    @Test("a chain of mergers is followed back to the municipalities of the earlier year")
    func chain() {
        let composition = Self.history.composition(of: "M", in: 2018, boundaries: 2023, existing: ["A", "B", "C", "E", "F"])
        #expect(composition == .divided(Self.history.changes[4]), "D went partly into M")
        let withoutD = MergerHistory(changes: Array(Self.history.changes.prefix(4)), origin: "test")
        guard
            case .pooled(let parts, let changes) = withoutD.composition(
                of: "M", in: 2018, boundaries: 2023, existing: ["A", "B", "C"])
        else {
            Issue.record("expected a sum")
            return
        }
        #expect(parts == ["A", "B", "C"])
        #expect(Set(changes.map(\.code)) == ["A", "B", "N", "C"])
        guard case .pooled(let parts2020, _) = withoutD.composition(of: "M", in: 2020, boundaries: 2023, existing: ["N", "C"])
        else {
            Issue.record("expected a sum")
            return
        }
        #expect(parts2020 == ["C", "N"])
    }

    @Test("a municipality that went on existing and took in another is itself plus the other")
    func absorbing() {
        let history = MergerHistory(changes: [Self.dissolved("W", into: ["A"], on: "2022-03-24")], origin: "test")
        #expect(history.changes[0].firstYear == 2023)
        #expect(
            history.composition(of: "A", in: 2022, boundaries: 2023, existing: ["A", "W"])
                == .pooled(parts: ["A", "W"], changes: history.changes))
        #expect(history.composition(of: "A", in: 2023, boundaries: 2023, existing: ["A"]) == .itself)
        #expect(
            history.composition(of: "A", in: 2021, boundaries: 2022, existing: ["A", "W"]) == .itself, "not merged yet in 2022")
    }

    @Test("a change of name carries the whole area; a division is no sum; a municipality untouched is itself")
    func others() {
        #expect(
            Self.history.composition(of: "G", in: 2021, boundaries: 2023, existing: ["F"])
                == .pooled(parts: ["F"], changes: [Self.history.changes[5]]))
        #expect(
            Self.history.composition(of: "E", in: 2020, boundaries: 2023, existing: ["D", "E"])
                == .divided(Self.history.changes[4]))
        #expect(Self.history.composition(of: "Z", in: 2018, boundaries: 2023, existing: ["Z"]) == .itself)
        #expect(Self.history.composition(of: "Q", in: 2018, boundaries: 2023, existing: ["Z"]) == .unknown)
        #expect(Self.history.end(of: "C")?.recipients.map(\.code) == ["M"])
        #expect(Self.history.formation(of: "M").map(\.code) == ["C", "D", "N"])
    }
}
