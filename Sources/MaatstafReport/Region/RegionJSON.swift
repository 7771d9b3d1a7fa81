public import MaatstafCompare
public import MaatstafCore
import MaatstafModel

/// The JSON contract `maatstaf.region/1` (docs/region-json.md): per indicator the region's members with their
/// amounts and shares, the reference rates, each cost-split key and each what-if, to the cent; `null` where there is
/// no value, with the member's status saying why.
public struct RegionJSON: Encodable, Sendable {
    public static let schema = "maatstaf.region/1"

    struct Member: Encodable, Sendable {
        var code: String
        var name: String
        var population: Int
        var status: String
        var amount: Nullable<Double>
        var rate: Nullable<Double>
        var volume: Nullable<Double>
        var shareOfAmount: Nullable<Double>
        var shareOfPopulation: Nullable<Double>
        var shareOfVolume: Nullable<Double>
        /// Far outside the other members (`RobustOutliers`): its modified z-score and its value as a share of the
        /// members' median; null when not. A member left out for it has the status `no-value` and this still set.
        var outlier: Nullable<Outlier>
    }
    struct Outlier: Encodable, Sendable {
        var z: Double
        var ofMedian: Double
    }
    struct Rate: Encodable, Sendable {
        var kind: String
        var rate: Double
    }
    struct Key: Encodable, Sendable {
        var kind: String
        var members: [Share]
    }
    struct Share: Encodable, Sendable {
        var code: String
        var share: Double
        var amount: Double
        var difference: Double
    }
    struct UnavailableKey: Encodable, Sendable {
        var kind: String
        var reason: String
        var lacking: [String]
    }
    struct Scenario: Encodable, Sendable {
        var rate: Rate
        var total: Double
        var saving: Double
        var members: [Outcome]
    }
    struct Outcome: Encodable, Sendable {
        var code: String
        var amount: Double
        var saving: Double
    }
    struct Breakdown: Encodable, Sendable {
        var indicator: String
        var year: Int
        var document: Nullable<String>
        var region: String
        var regionKey: String
        var volumeIndicator: Nullable<String>
        var members: [Member]
        /// Codes the region file lists that were no municipality in the year.
        var absentMembers: [String]
        var counted: Int
        var total: Nullable<Double>
        var totalPopulation: Int
        var totalVolume: Nullable<Double>
        var rates: [Rate]
        var keys: [Key]
        var unavailableKeys: [UnavailableKey]
        var scenarios: [Scenario]
        var notes: [String]
    }

    var schema = RegionJSON.schema
    var breakdowns: [Breakdown]

    public init(_ breakdowns: [RegionBreakdown], locale: ReportLocale) {
        let report = RegionReport(breakdowns, locale: locale)
        self.breakdowns = breakdowns.map { breakdown in
            Breakdown(
                indicator: breakdown.indicator.id, year: breakdown.year,
                document: Nullable(breakdown.data.document?.rawValue), region: breakdown.region.label,
                regionKey: breakdown.region.key, volumeIndicator: Nullable(breakdown.volumeIndicator?.id),
                members: breakdown.members.map { member in
                    Member(
                        code: member.municipality.code, name: member.municipality.name, population: member.population,
                        status: member.observation.status == .ok ? "ok" : CompareReport.statusCode(member.observation.status),
                        amount: Nullable(member.amount), rate: Nullable(member.observation.okValue),
                        volume: Nullable(member.volume), shareOfAmount: Nullable(member.amountShare),
                        shareOfPopulation: Nullable(member.populationShare), shareOfVolume: Nullable(member.volumeShare),
                        outlier: Nullable(
                            breakdown.outliers.first { $0.code == member.municipality.code }.map {
                                Outlier(z: $0.z, ofMedian: $0.ofMedian)
                            }))
                },
                absentMembers: breakdown.absentMembers.map(\.code), counted: breakdown.counted.count,
                total: Nullable(breakdown.total),
                totalPopulation: breakdown.totalPopulation, totalVolume: Nullable(breakdown.totalVolume),
                rates: breakdown.rates.map { Rate(kind: $0.kind.rawValue, rate: $0.rate) },
                keys: breakdown.keys.map { key in
                    Key(
                        kind: key.kind.rawValue,
                        members: key.shares.map {
                            Share(code: $0.code, share: $0.share, amount: $0.amount, difference: $0.difference)
                        })
                },
                unavailableKeys: breakdown.unavailableKeys.map { key in
                    switch key.reason {
                    case .noVolumeIndicator: UnavailableKey(kind: key.kind.rawValue, reason: "no-volume-indicator", lacking: [])
                    case .volumeMissing(let codes):
                        UnavailableKey(kind: key.kind.rawValue, reason: "volume-missing", lacking: codes)
                    case .noFixedKey: UnavailableKey(kind: key.kind.rawValue, reason: "no-fixed-key", lacking: [])
                    }
                },
                scenarios: breakdown.scenarios.map { scenario in
                    Scenario(
                        rate: Rate(kind: scenario.rate.kind.rawValue, rate: scenario.rate.rate), total: scenario.total,
                        saving: scenario.saving,
                        members: scenario.amounts.map { Outcome(code: $0.code, amount: $0.amount, saving: $0.saving) })
                },
                notes: report.notes(breakdown))
        }
    }

    public func encoded() throws -> String { try JSONOutput.encode(self) }
}
