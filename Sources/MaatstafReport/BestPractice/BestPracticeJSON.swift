import MaatstafCompare
import MaatstafCore
import MaatstafModel

/// The JSON contract `maatstaf.best-practice/1` (docs/peers.md): the best performers and the most improved with
/// their values, gaps in the indicator's numerator unit (euros for money) and cautions.
public struct BestPracticeJSON: Encodable, Sendable {
    public static let schema = "maatstaf.best-practice/1"

    struct Performer: Encodable, Sendable {
        var code: String
        var name: String
        var value: Double
        var gap: Nullable<Double>
        var cautions: [String]
    }
    struct Improver: Encodable, Sendable {
        var code: String
        var name: String
        var from: Double
        var to: Double
        var changePercent: Nullable<Double>
        var gap: Nullable<Double>
    }
    struct Improvement: Encodable, Sendable {
        var from: String
        var to: String
        var own: Improver?
        var entries: [Improver]
        var cautions: [String]
    }

    var schema = BestPracticeJSON.schema
    var indicator: String
    var year: Int
    var municipality: String
    var value: Nullable<Double>
    var group: String
    var direction: String
    var directionAssumed: Bool
    var best: [Performer]
    var mostImproved: Improvement?
    var leftOut: [String]
    var notes: [String]

    static func caution(_ caution: BestPractice.Caution) -> String {
        switch caution {
        case .withinUncertainty: "within-uncertainty"
        case .budget: "budget"
        case .definitionChanged(let from, let to): "definition-changed-\(from)-\(to)"
        case .ownMissing: "own-missing"
        case .outlier: "outlier"
        }
    }

    public init(_ report: BestPracticeReport) {
        let result = report.result
        indicator = result.indicator.id
        year = result.year
        municipality = result.municipality.code
        value = Nullable(result.own.okValue)
        group = result.group.label
        direction = result.direction.rawValue
        directionAssumed = result.assumed
        best = result.best.map {
            Performer(
                code: $0.profile.code, name: $0.profile.name, value: $0.value, gap: Nullable($0.gap),
                cautions: $0.cautions.map(Self.caution))
        }
        func improver(_ entry: BestPractice.Improver) -> Improver {
            Improver(
                code: entry.profile.code, name: entry.profile.name, from: entry.fromValue, to: entry.toValue,
                changePercent: Nullable(entry.changePercent), gap: Nullable(entry.gap))
        }
        mostImproved = result.improvement.map { improvement in
            Improvement(
                from: improvement.from.description, to: improvement.to.description, own: improvement.own.map(improver),
                entries: improvement.entries.map(improver), cautions: improvement.cautions.map(Self.caution))
        }
        leftOut = result.leftOut.map(\.code)
        notes = report.notes
    }

    public func encoded() throws -> String { try JSONOutput.encode(self) }
}
