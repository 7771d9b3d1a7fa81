/// One municipality's numerator, denominator and rate for an indicator and a year.
public struct Observation: Sendable, Hashable, Codable {
    public enum Status: Sendable, Hashable, Codable {
        case ok
        /// No value: not delivered, not booked, suppressed or not in the source. Never treated as zero.
        case missing(MissingReason)
        /// The denominator is zero: no rate exists (not infinity, not zero).
        case zeroDenominator
    }

    public var code: String
    /// In the indicator's unit before division: euros for Iv3 amounts, persons for CBS counts.
    public var numerator: Double?
    public var denominator: Double?
    public var status: Status
    /// numerator ÷ denominator × multiplier, when status is ok.
    public var value: Double?

    public init(code: String, numerator: Double?, denominator: Double?, multiplier: Int) {
        self.code = code
        self.numerator = numerator
        self.denominator = denominator
        if let numerator, let denominator {
            if denominator == 0 {
                status = .zeroDenominator
                value = nil
            } else if denominator < 0 {
                status = .missing(.negativeDenominator)
                value = nil
            } else if case let rate = numerator / denominator * Double(multiplier), rate.isFinite {
                status = .ok
                value = rate
            } else {
                // Infinity or NaN is no figure: it would rank first and draw `nan` in a chart.
                status = .missing(.notFinite)
                value = nil
            }
        } else {
            status = .missing(numerator == nil ? .noData : .noDenominator)
            value = nil
        }
    }

    public init(code: String, missing reason: MissingReason) {
        self.code = code
        status = .missing(reason)
    }

    /// Why the observation is left out of groups and ranks; nil when it has a value.
    public var exclusion: Exclusion? { status.exclusion }

    /// The value when the observation counts; nil otherwise (missing, zero denominator) — never 0.
    public var okValue: Double? { status == .ok ? value : nil }
}

extension Observation.Status {
    /// Why an observation with this status is left out of groups and ranks; nil for a value.
    public var exclusion: Exclusion? {
        switch self {
        case .ok: nil
        case .missing(let reason): reason.exclusion
        case .zeroDenominator: .zeroDenominator
        }
    }
}
